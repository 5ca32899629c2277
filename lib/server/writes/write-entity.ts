import "server-only";
/**
 * The write API's verbs. Each runs in ONE transaction that writes the entity's rows, its revision
 * (who, when, why, the entry before and after) and the dataset's version bump, so a failure anywhere
 * leaves the data, the log and every cache validator as they were. A change names the version it was
 * made against; a stale one answers 409 with the current entity and changes nothing.
 */
import { WRITABLE, pathOfKind, type EntityKind, type Entry } from "../../dataset/write-schema";
import { NotFoundError } from "../http/respond";
import { bumpDatasetVersion } from "../store/dataset-version";
import { db } from "../store/db";
import { ensureLayout } from "../store/layout";
import { checkEntry, findUses, InvalidEntityError } from "./checks";
import { readEntry, type VersionedEntry } from "./read-entry";
import type { Tx } from "./store";
import { deleteEntityRows, writeEntityRows } from "./write-rows";

/** Who makes a change, as the revision keeps it. */
export interface Author {
  id: string;
  name: string;
  email: string;
}

/** A change that cannot be made as asked (duplicate id, stale version, still in use): answered 409 with this body. */
export class ConflictError extends Error {
  constructor(readonly body: { error: string } & Record<string, unknown>) {
    super(body.error);
    this.name = "ConflictError";
  }
}

/** For tests: runs after the data rows are written, inside the transaction (a throw there must undo everything). */
export interface WriteOptions {
  afterRows?: () => void | Promise<void>;
}

export interface WriteResult {
  entity: Entry;
  version: number;
  revision: { id: number };
}

const TABLE: Record<EntityKind, string> = { actor: "Actor", relationship: "Relationship", event: "Event", source: "Source", place: "Place" };

function staleVersion(current: VersionedEntry | null): ConflictError {
  return new ConflictError({
    error: "stale version",
    field: "version",
    expected: current ? `the entity's current version (${current.version}): someone changed it since you loaded it` : "no version: the entity has been deleted since",
    current: current && { entity: current.entry, version: current.version },
  });
}

/**
 * Claims the entity's next version if it is still at `version`: the first write of the transaction,
 * so it takes the store's write lock, and no two changes can both pass the check.
 */
async function claimVersion(tx: Tx, kind: EntityKind, id: string, version: number): Promise<boolean> {
  const changed = await tx.$executeRawUnsafe(`UPDATE "${TABLE[kind]}" SET "version" = "version" + 1 WHERE "id" = ? AND "version" = ?`, id, version);
  return changed === 1;
}

async function recordRevision(
  tx: Tx,
  change: { kind: EntityKind; id: string; action: "create" | "update" | "delete" | "restore"; reason: string; before: Entry | null; after: Entry | null; version: number },
  author: Author,
): Promise<{ id: number }> {
  const revision = await tx.revision.create({
    data: {
      at: new Date().toISOString(),
      authorId: author.id,
      authorName: author.name,
      authorEmail: author.email,
      entityKind: change.kind,
      entityId: change.id,
      action: change.action,
      reason: change.reason,
      before: change.before === null ? null : JSON.stringify(change.before),
      after: change.after === null ? null : JSON.stringify(change.after),
      version: change.version,
    },
    select: { id: true },
  });
  await bumpDatasetVersion(tx);
  return revision;
}

async function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await db.$transaction(work, { maxWait: 20_000, timeout: 30_000 });
  // New actors get a stored position near their neighbours now, not on the next graph request; nobody else moves.
  await ensureLayout(db).catch((e: unknown) => console.error("placing new actors failed (the next graph request retries):", e instanceof Error ? e.message : e));
  return result;
}

function notFound(kind: EntityKind, id: string): NotFoundError {
  return new NotFoundError("id", `no ${kind} with id "${id}"`);
}

/** Writes `entry` as the entity's new state (created when `before` is null) and returns it as stored. */
async function writeState(tx: Tx, kind: EntityKind, entry: Entry, version: number, before: VersionedEntry | null, options: WriteOptions): Promise<VersionedEntry> {
  await checkEntry(tx, kind, entry);
  await writeEntityRows(tx, kind, entry, version, before !== null);
  await options.afterRows?.();
  const after = await readEntry(tx, kind, entry.id);
  if (!after) throw new Error(`${kind} "${entry.id}" was written but cannot be read back`);
  return after;
}

/** POST /api/{kind}: a new entity at version 1. */
export async function createEntity(kind: EntityKind, entry: Entry, reason: string, author: Author, options: WriteOptions = {}): Promise<WriteResult> {
  return transaction(async (tx) => {
    if (await readEntry(tx, kind, entry.id)) {
      throw new ConflictError({ error: `a ${kind} with this id already exists`, field: "entity.id", expected: `an id no ${kind} has yet`, received: entry.id });
    }
    const after = await writeState(tx, kind, entry, 1, null, options);
    const revision = await recordRevision(tx, { kind, id: entry.id, action: "create", reason, before: null, after: after.entry, version: 1 }, author);
    return { entity: after.entry, version: 1, revision };
  });
}

/** PATCH /api/{kind}/{id}: the whole entry, against the version the editor loaded. */
export async function updateEntity(kind: EntityKind, id: string, version: number, entry: Entry, reason: string, author: Author, options: WriteOptions = {}): Promise<WriteResult> {
  if (entry.id !== id) throw new InvalidEntityError("entity.id", `the id in the path ("${id}"): an id cannot change`, entry.id);
  return transaction(async (tx) => {
    const current = await readEntry(tx, kind, id);
    if (!current) throw notFound(kind, id);
    if (!(await claimVersion(tx, kind, id, version))) throw staleVersion(current);
    const after = await writeState(tx, kind, entry, version + 1, current, options);
    const revision = await recordRevision(tx, { kind, id, action: "update", reason, before: current.entry, after: after.entry, version: after.version }, author);
    return { entity: after.entry, version: after.version, revision };
  });
}

/** DELETE /api/{kind}/{id}: refused (409, with the list) while anything still uses it. */
export async function deleteEntity(kind: EntityKind, id: string, version: number, reason: string, author: Author): Promise<{ deleted: string; revision: { id: number } }> {
  return transaction(async (tx) => {
    const current = await readEntry(tx, kind, id);
    if (!current) throw notFound(kind, id);
    if (!(await claimVersion(tx, kind, id, version))) throw staleVersion(current);
    const { uses, count } = await findUses(tx, kind, id);
    if (count > 0) throw new ConflictError({ error: "in use", field: "id", message: `the ${kind} "${id}" is still used by ${count} ${count === 1 ? "entry" : "entries"}; change or delete those first`, usedBy: uses, usedByCount: count });
    await deleteEntityRows(tx, kind, id);
    const revision = await recordRevision(tx, { kind, id, action: "delete", reason, before: current.entry, after: null, version: current.version }, author);
    return { deleted: id, revision };
  });
}

/**
 * POST /api/revisions/{id}/restore: brings the entity back to that revision's state (its `after`, or
 * its `before` for a delete) as a new revision. `version` is the entity's current version, absent
 * when it is deleted; a restored deleted entity continues its version numbers.
 */
export async function restoreRevision(revisionId: number, version: number | undefined, reason: string, author: Author, options: WriteOptions = {}): Promise<WriteResult> {
  return transaction(async (tx) => {
    const revision = await tx.revision.findUnique({ where: { id: revisionId } });
    if (!revision) throw new NotFoundError("id", `no revision with id ${revisionId}`);
    const kind = revision.entityKind as EntityKind;
    const state = revision.action === "delete" ? revision.before : revision.after;
    if (state === null) throw new Error(`revision ${revisionId} holds no state to restore`);
    // Re-read through today's schema: a state recorded under older rules must still pass them.
    const parsed = WRITABLE[pathOfKind(kind)].schema.safeParse(JSON.parse(state));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InvalidEntityError(`entity.${issue.path.join(".")}`, issue.message.replace(/^expected /, ""));
    }
    const entry = parsed.data as Entry;
    const current = await readEntry(tx, kind, revision.entityId);
    if (current) {
      if (version === undefined || !(await claimVersion(tx, kind, revision.entityId, version))) throw staleVersion(current);
    } else if (version !== undefined) {
      throw staleVersion(null);
    }
    const last = await tx.revision.findFirst({ where: { entityKind: kind, entityId: revision.entityId }, orderBy: { id: "desc" }, select: { version: true } });
    const next = current ? current.version + 1 : (last?.version ?? 0) + 1;
    const after = await writeState(tx, kind, entry, next, current, options);
    const recorded = await recordRevision(tx, { kind, id: revision.entityId, action: "restore", reason, before: current?.entry ?? null, after: after.entry, version: next }, author);
    return { entity: after.entry, version: next, revision: recorded };
  });
}
