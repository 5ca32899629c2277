import "server-only";
/**
 * Many entities changed as one change (a spreadsheet import): each entry written as the write API
 * writes one (its rows replaced, its version moved on by one, a new one at 1) and given its own
 * revision, all under one reason and author, inside the caller's transaction on a raw connection to
 * the store, which also bumps the dataset's version once. The caller has validated the whole dataset
 * and orders the entries so that what an entry names is written before it (sources, actors, then
 * relationships). Statements are prepared once for the batch (sql-entries.ts), so thousands of
 * entries take a second or two rather than a minute of Prisma calls.
 */
import type Database from "better-sqlite3";
import type { EntityKind, Entry } from "../../dataset/write-schema";
import { SqlEntries } from "./sql-entries";

/** Who made a batch: a signed-in account, or no account at all (the command line). */
export interface BatchAuthor {
  id: string | null;
  name: string;
  email: string;
}

/** The author of changes made by `npm run dataset:import` on the server itself: no account signs them. */
export const COMMAND_LINE: BatchAuthor = { id: null, name: "command line", email: "" };

export interface BatchEntry {
  kind: EntityKind;
  entry: Entry;
}

export interface BatchResult {
  created: number;
  updated: number;
  /** The revisions recorded, in the order of the entries. */
  revisions: number[];
}

/** Call inside a transaction on `sqlite` (a failure part-way must leave data and log as they were). */
export function writeBatch(sqlite: Database.Database, entries: readonly BatchEntry[], reason: string, author: BatchAuthor, at: Date = new Date()): BatchResult {
  const store = new SqlEntries(sqlite);
  const recordRevision = sqlite.prepare(
    `INSERT INTO "Revision" ("at", "authorId", "authorName", "authorEmail", "entityKind", "entityId", "action", "reason", "before", "after", "version")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const when = at.toISOString();
  const result: BatchResult = { created: 0, updated: 0, revisions: [] };
  for (const { kind, entry } of entries) {
    const before = store.read(kind, entry.id);
    const version = before ? before.version + 1 : 1;
    store.write(kind, entry, version, before !== null);
    // Read back, as the write API does: the revision records what the store now holds, not what was asked.
    const after = store.read(kind, entry.id);
    if (!after) throw new Error(`${kind} "${entry.id}" was written but cannot be read back`);
    const { lastInsertRowid } = recordRevision.run(
      when,
      author.id,
      author.name,
      author.email,
      kind,
      entry.id,
      before ? "update" : "create",
      reason,
      before ? JSON.stringify(before.entry) : null,
      JSON.stringify(after.entry),
      version,
    );
    result.revisions.push(Number(lastInsertRowid));
    if (before) result.updated++;
    else result.created++;
  }
  return result;
}
