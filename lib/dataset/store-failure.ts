/**
 * What went wrong with the disk or the store, in one line a person can act on: the command-line
 * tools (import, export, seed) print it instead of a stack trace. Plain TypeScript so that it can
 * be tested without a database.
 */

/**
 * Every code the failure carries: a Node file-system error's or better-sqlite3's `code`, and what
 * Prisma keeps of the driver's error (`P2021`, `meta.driverAdapterError.cause.originalCode` such as
 * SQLITE_BUSY, and its `kind` such as TableDoesNotExist).
 */
function codesOf(e: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const visit = (v: unknown, depth: number) => {
    if (!v || typeof v !== "object" || seen.has(v) || depth > 4) return;
    seen.add(v);
    const o = v as Record<string, unknown>;
    for (const key of ["code", "originalCode", "kind"]) if (typeof o[key] === "string") codes.push(o[key] as string);
    for (const key of ["cause", "meta", "driverAdapterError"]) visit(o[key], depth + 1);
  };
  visit(e, 0);
  return codes;
}

/**
 * One line naming what happened, or null when the failure is none of these (a bug, whose stack
 * is worth printing). Prisma passes SQLite's errors on as text, so the message is read as well.
 */
export function describeStoreFailure(e: unknown): string | null {
  const codes = codesOf(e);
  const code = codes[0] ?? "";
  const message = e instanceof Error ? e.message : String(e);
  const has = (pattern: RegExp) => codes.some((c) => pattern.test(c)) || pattern.test(message);
  if (has(/ENOSPC|SQLITE_FULL|database or disk is full/)) return "the disk is full (ENOSPC)";
  if (has(/EROFS|SQLITE_READONLY|readonly database/)) return "the file system is read-only (EROFS)";
  if (has(/EACCES|EPERM/)) return `permission denied (${code || "EACCES"})`;
  if (has(/SQLITE_BUSY|SQLITE_LOCKED|database is locked|^SocketTimeout$/)) {
    return "the store is locked: another import or seed is writing to it and did not finish in time (SQLITE_BUSY); try again when it has";
  }
  if (has(/no such table|TableDoesNotExist|^P2021$|does not exist in the current database/)) return "the store has no tables: run npm run db:migrate first";
  if (has(/SQLITE_NOTADB|SQLITE_CORRUPT|file is not a database/)) return "the database file is not a valid SQLite store (SQLITE_NOTADB)";
  if (has(/SQLITE_CANTOPEN|unable to open database/)) return "the database file cannot be opened (SQLITE_CANTOPEN)";
  if (has(/SQLITE_IOERR|EIO\b/)) return `the disk failed to read or write (${code || "EIO"})`;
  if (has(/ENOENT/)) return "a file or directory does not exist (ENOENT)";
  if (has(/EISDIR/)) return "a directory is in the way (EISDIR)";
  return null;
}
