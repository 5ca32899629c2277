import "server-only";
/**
 * Many entities changed as one change (a spreadsheet import): each entry written as the write API
 * writes one (its rows through writeEntityRows, its version moved on by one, a new one at 1) and given
 * its own revision, all under one reason and author, inside the caller's transaction, which also
 * bumps the dataset's version once. The caller has validated the whole dataset and orders the entries
 * so that what an entry names is written before it (sources, actors, then relationships).
 */
import type { EntityKind, Entry } from "../../dataset/write-schema";
import { readEntry } from "./read-entry";
import type { Tx } from "./store";
import { writeEntityRows } from "./write-rows";

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

export async function writeBatch(tx: Tx, entries: readonly BatchEntry[], reason: string, author: BatchAuthor, at: Date = new Date()): Promise<BatchResult> {
  const result: BatchResult = { created: 0, updated: 0, revisions: [] };
  for (const { kind, entry } of entries) {
    const before = await readEntry(tx, kind, entry.id);
    const version = before ? before.version + 1 : 1;
    await writeEntityRows(tx, kind, entry, version, before !== null);
    const after = await readEntry(tx, kind, entry.id);
    if (!after) throw new Error(`${kind} "${entry.id}" was written but cannot be read back`);
    const revision = await tx.revision.create({
      data: {
        at: at.toISOString(),
        authorId: author.id,
        authorName: author.name,
        authorEmail: author.email,
        entityKind: kind,
        entityId: entry.id,
        action: before ? "update" : "create",
        reason,
        before: before ? JSON.stringify(before.entry) : null,
        after: JSON.stringify(after.entry),
        version,
      },
      select: { id: true },
    });
    result.revisions.push(revision.id);
    if (before) result.updated++;
    else result.created++;
  }
  return result;
}
