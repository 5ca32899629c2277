import "server-only";
/**
 * A read-only SQLite connection for the reads that are written in SQL (graph.ts, read-rows.ts, the
 * version check in http-cache.ts). Prisma's raw queries over the same file cost about a microsecond
 * a value in type conversion, so reading 100,000 relationships with their citations through them
 * took seconds; better-sqlite3 itself (the driver Prisma's adapter runs on) reads them in a fraction.
 * Writes stay with Prisma (lib/server/store/db.ts), inside its transactions; this connection only ever
 * sees committed data, and each statement sees the latest commit.
 */
import Database from "better-sqlite3";
import { databaseFile } from "../../env";

interface Reader {
  file: string;
  connection: Database.Database;
  statements: Map<string, Database.Statement>;
}

// One connection per process, as for the Prisma client; kept on globalThis across development reloads.
const globalForReader = globalThis as unknown as { sqlReader?: Reader };

function reader(): Reader {
  const file = databaseFile();
  const known = globalForReader.sqlReader;
  if (known?.file === file) return known;
  known?.connection.close();
  const connection = new Database(file, { readonly: true, fileMustExist: true });
  const fresh: Reader = { file, connection, statements: new Map() };
  globalForReader.sqlReader = fresh;
  return fresh;
}

function statement(sql: string, raw = false): Database.Statement {
  const r = reader();
  // A statement's raw mode is its own state: the same text read both ways is two statements.
  const key = raw ? `raw:${sql}` : sql;
  let s = r.statements.get(key);
  if (!s) {
    s = r.connection.prepare(sql);
    if (raw) s.raw(true);
    r.statements.set(key, s);
  }
  return s;
}

/** Every row of a query; its parameters must be bounded (a window's days, a vocabulary), never a list from the data. */
export function sqlAll<T>(sql: string, params: readonly unknown[] = []): T[] {
  return statement(sql).all(...params) as T[];
}

/** Every row as an array of its columns, in the query's order: no object per row, for the largest reads (the exports'). */
export function sqlRaw<T extends unknown[]>(sql: string, params: readonly unknown[] = []): T[] {
  return statement(sql, true).all(...params) as T[];
}

/** The first row, or undefined. */
export function sqlGet<T>(sql: string, params: readonly unknown[] = []): T | undefined {
  return statement(sql).get(...params) as T | undefined;
}
