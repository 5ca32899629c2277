import "server-only";
/**
 * Applies a spreadsheet import (lib/dataset/spreadsheet-plan.ts) to the store: the plan is made
 * against what the store holds now, and only a plan with no refusal is written. An import is a change
 * like any other: each entry it adds or changes is written as the write API writes one, its version
 * moved on and a revision recorded (create or update, before and after, the import's reason and
 * author), all in ONE transaction with the dataset's version bump, so a failure leaves data, log and
 * validators as they were. Entries the files leave as they are get no revision. The batch goes through
 * a raw connection to the store's file with statements prepared once (writes/record-batch.ts), as a
 * seed load does: entry by entry through Prisma, 3,000 ties took over a minute. Actors already placed
 * keep their positions; new ones are placed by their neighbours (layout.ts), once, after the commit. The CLI
 * (`npm run dataset:import -- --nodes ... --edges ...`) and the editor's preview both call this, the
 * preview with `dryRun`.
 */
import type Database from "better-sqlite3";
import { planSpreadsheetImport, type ImportPlan, type SpreadsheetFiles } from "../../dataset/spreadsheet-plan";
import type { Entry } from "../../dataset/write-schema";
import { COMMAND_LINE, writeBatch, type BatchAuthor, type BatchEntry } from "../writes/record-batch";
import { readDataset } from "./dataset-bundle";
import { getDatasetVersion } from "./dataset-version";
import { updateLayout, type LayoutReport } from "./layout";
import { StaleDatasetError, type LoadCounts } from "./load-dataset";
import { BUSY_TIMEOUT_MS, openStore, storeFileOf, type PrismaClient } from "./prisma-client";

export interface SpreadsheetImportResult {
  plan: ImportPlan;
  /** The dataset version the plan was made against: pass it back as `ifVersion` to apply exactly what was previewed. */
  datasetVersion: number;
  /** Set when the plan was written. */
  applied: { counts: LoadCounts; layout: LayoutReport; revisions: { created: number; updated: number } } | null;
}

export interface SpreadsheetImportOptions {
  dryRun?: boolean;
  /** The version a preview was made at: the import is refused (StaleDatasetError) if the store has moved on since. */
  ifVersion?: number;
  /** Who imports: the signed-in editor in the UI; "command line" (no account) when left out. */
  author?: BatchAuthor;
  /** The revisions' reason; "spreadsheet import: <the files' names>" when left out. */
  reason?: string;
}

/** The reason an import's revisions give when the importer wrote none. */
export function defaultImportReason(files: SpreadsheetFiles): string {
  const names = [files.sources, files.nodes, files.edges].filter((f) => f !== undefined).map((f) => f.name);
  return `spreadsheet import: ${names.join(", ")}`;
}

/** What the plan writes, what an entry names first: sources, then actors, then relationships. */
function entriesOf(plan: ImportPlan): BatchEntry[] {
  const changed = (kind: "source" | "actor" | "relationship") => new Set(plan.changed.filter((c) => c.kind === kind).map((c) => c.id));
  const pick = <T extends { id: string }>(kind: BatchEntry["kind"], added: T[], merged: T[], ids: Set<string>): BatchEntry[] => [
    ...added.map((entry) => ({ kind, entry: entry as unknown as Entry })),
    ...merged.filter((e) => ids.has(e.id)).map((entry) => ({ kind, entry: entry as unknown as Entry })),
  ];
  return [
    ...pick("source", plan.added.sources, plan.merged.sources, changed("source")),
    ...pick("actor", plan.added.actors, plan.merged.actors, changed("actor")),
    ...pick("relationship", plan.added.relationships, plan.merged.relationships, changed("relationship")),
  ];
}

/**
 * Takes the store's write lock, waiting for another writer without blocking this process: SQLite's
 * own busy wait is synchronous, and in the app the writer it would wait for is often this process's
 * own Prisma transaction, which could then never reach its commit (both would stall until the
 * timeout, and the import fail with "database is locked"). So the wait is a poll between awaits.
 */
async function beginImmediate(sqlite: Database.Database): Promise<void> {
  sqlite.pragma("busy_timeout = 0");
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      sqlite.exec("BEGIN IMMEDIATE");
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > deadline) throw e;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
}

/** As bumpDatasetVersion (dataset-version.ts), on the batch's own connection and transaction. Returns the new version. */
function bumpVersion(sqlite: Database.Database, now: Date = new Date()): number {
  const row = sqlite
    .prepare(
      `INSERT INTO "DatasetInfo" ("id", "version", "updatedAt") VALUES (1, 1, ?) ` +
        `ON CONFLICT ("id") DO UPDATE SET "version" = "version" + 1, "updatedAt" = excluded."updatedAt" RETURNING "version"`,
    )
    .get(now.toISOString()) as { version: number };
  return row.version;
}

async function countStore(client: PrismaClient): Promise<LoadCounts> {
  const [sources, places, actors, actorNames, relationships, events, participants, storySteps, citations] = await client.$transaction([
    client.source.count(),
    client.place.count(),
    client.actor.count(),
    client.actorName.count(),
    client.relationship.count(),
    client.event.count(),
    client.eventParticipant.count(),
    client.storyStep.count(),
    client.citation.count(),
  ]);
  return { sources, places, actors, actorNames, relationships, events, participants, storySteps, citations };
}

/**
 * Plans the import against the store and, unless `dryRun` or any row is refused, writes it. With
 * `ifVersion` (the version a preview was made at) it is refused with StaleDatasetError if the
 * store has changed since; without, the plan's own read is the one checked, so no write made between
 * reading and writing is lost either way.
 */
export async function importSpreadsheet(
  client: PrismaClient,
  files: SpreadsheetFiles,
  { dryRun = false, ifVersion, author = COMMAND_LINE, reason }: SpreadsheetImportOptions = {},
): Promise<SpreadsheetImportResult> {
  // The version first: a write between the two reads then makes the import refuse, never lose it.
  const datasetVersion = await getDatasetVersion(client);
  const plan = planSpreadsheetImport(await readDataset(client), files);
  if (dryRun || plan.refused.length > 0) return { plan, datasetVersion, applied: null };
  const entries = entriesOf(plan);
  const expected = ifVersion ?? datasetVersion;
  let revisions = { created: 0, updated: 0 };
  if (entries.length > 0) {
    const sqlite = openStore(storeFileOf(client));
    try {
      await beginImmediate(sqlite);
      try {
        // The bump is the transaction's first write, under the write lock BEGIN IMMEDIATE took: no
        // change can slip in between this check and the commit.
        const now = bumpVersion(sqlite);
        if (now !== expected + 1) throw new StaleDatasetError(expected, now - 1);
        const { created, updated } = writeBatch(sqlite, entries, reason ?? defaultImportReason(files), author);
        sqlite.exec("COMMIT");
        revisions = { created, updated };
      } finally {
        if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      }
    } finally {
      sqlite.close();
    }
  } else if ((await getDatasetVersion(client)) !== expected) {
    throw new StaleDatasetError(expected, await getDatasetVersion(client));
  }
  // Once, after the commit: new actors are placed near their neighbours, nobody else moves.
  const layout = await updateLayout(client);
  return { plan, datasetVersion, applied: { counts: await countStore(client), layout, revisions } };
}
