import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { databaseFile } from "../../env";
import { PrismaClient } from "../generated/prisma/client";

export type { PrismaClient };

/**
 * How long a connection waits for another's write lock before giving up with SQLITE_BUSY. In WAL
 * mode readers never wait for a writer, so this only makes a second import (or seed) queue behind
 * one that is committing, rather than fail at once.
 */
export const BUSY_TIMEOUT_MS = 20_000;

// On the client itself under a registered symbol, not in a module-level map: a script run through
// tsx or a Next build may load this module twice, and both copies must find the file.
const STORE_FILE = Symbol.for("actor-network-explorer.store-file");
type WithFile = PrismaClient & { [STORE_FILE]?: string };

/**
 * Puts the file in write-ahead-log mode, which SQLite records in the file itself, so every later
 * connection (the app's, a script's, another process's) uses it too. With the rollback journal a
 * committing import locked readers out; with WAL they keep reading the last committed dataset.
 * A missing file is left alone: the caller decides whether one may be created.
 */
function useWriteAheadLog(file: string): void {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch {
    return;
  }
  try {
    sqlite.pragma("journal_mode = WAL");
  } catch {
    // A read-only or locked file: it stays in the mode it is in, and its first writer sets WAL.
  } finally {
    sqlite.close();
  }
}

/** A client over one SQLite file; scripts and tests pass their own file, the app uses `db` (db.ts). */
export function createPrismaClient(file: string = databaseFile()): PrismaClient {
  useWriteAheadLog(file);
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS }) });
  (client as WithFile)[STORE_FILE] = file;
  return client;
}

/** The file a client made by createPrismaClient reads. */
export function storeFileOf(client: PrismaClient): string {
  const file = (client as WithFile)[STORE_FILE];
  if (file === undefined) throw new Error("this Prisma client was not made by createPrismaClient, so its file is unknown");
  return file;
}

/**
 * A raw connection to the same file for bulk writes (an import writes hundreds of thousands of rows,
 * which Prisma's per-row layers made take minutes). Same WAL mode and busy timeout as the clients.
 */
export function openStore(file: string): Database.Database {
  const sqlite = new Database(file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  return sqlite;
}
