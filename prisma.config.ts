// Prisma 6.19 offline set-up: the JS schema engine over better-sqlite3, so no native engine is
// downloaded (see docs/decisions/prisma-6-19.md).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { DEFAULT_DATABASE_URL, databaseFile } from "./lib/env";

// The schema's datasource reads DATABASE_URL; without it the CLI cannot read the schema, falls back
// to the native query engine and tries to download it.
process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    seed: "tsx --conditions=react-server seed/load.ts",
  },
  async adapter() {
    const file = databaseFile();
    mkdirSync(path.dirname(file), { recursive: true });
    return new PrismaBetterSQLite3({ url: `file:${file}` });
  },
});
