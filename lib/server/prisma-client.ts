import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseFile } from "../env";
import { PrismaClient } from "./generated/prisma/client";

export type { PrismaClient };

/** A client over one SQLite file; scripts and tests pass their own file, the app uses `db` below. */
export function createPrismaClient(file: string = databaseFile()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
}
