import "server-only";
import type Database from "better-sqlite3";
import { datasetToRows } from "../../dataset/rows";
import type { Dataset } from "../../dataset/schema";
import { openStore, storeFileOf, type PrismaClient } from "./prisma-client";

export interface LoadCounts {
  sources: number;
  places: number;
  actors: number;
  actorNames: number;
  relationships: number;
  events: number;
  participants: number;
  storySteps: number;
  citations: number;
}

type Row = Record<string, string | number | boolean | null>;

/**
 * One prepared INSERT per table, run once per row. Positional values in a statement of fixed width,
 * so the number of bound parameters never grows with the data (SQLite's limit is 999).
 */
function insertAll(sqlite: Database.Database, table: string, rows: Row[]): void {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const statement = sqlite.prepare(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
  );
  const values: (string | number | null)[] = new Array(columns.length);
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) {
      const v = row[columns[i]!] ?? null;
      // SQLite has no booleans; Prisma stores them as 1 and 0.
      values[i] = typeof v === "boolean" ? (v ? 1 : 0) : v;
    }
    statement.run(values);
  }
}

/** The store changed between reading it and writing a dataset made from what was read. */
export class StaleDatasetError extends Error {
  constructor(
    readonly expected: number,
    readonly found: number,
  ) {
    super(`the store changed while the import was prepared (dataset version ${found}, not ${expected}); nothing was written, run the import again`);
    this.name = "StaleDatasetError";
  }
}

/** Children before parents, so no foreign key is ever left dangling mid-way. */
const TABLES_CHILDREN_FIRST = [
  "Citation",
  "StoryStepRelationship",
  "StoryStepActor",
  "StoryStep",
  "EventRelationship",
  "EventParticipant",
  "RelationshipPlace",
  "Event",
  "Relationship",
  "ActorName",
  "Actor",
  "Place",
  "Source",
] as const;

/**
 * Marks the change to the data inside the load's own transaction, as bumpDatasetVersion
 * (dataset-version.ts) does for Prisma transactions: caches, validators and the stored layout key on it.
 */
function markDataChanged(sqlite: Database.Database, now: Date = new Date()): void {
  sqlite
    .prepare(
      `INSERT INTO "DatasetInfo" ("id", "version", "updatedAt") VALUES (1, 1, ?) ` +
        `ON CONFLICT ("id") DO UPDATE SET "version" = "version" + 1, "updatedAt" = excluded."updatedAt"`,
    )
    .run(now.toISOString());
}

/**
 * After a load that replaced a larger store, the freed pages would keep the file at its largest
 * size; VACUUM gives them back when they are a good part of it. The checkpoint then moves the
 * committed pages out of the write-ahead log and truncates it, so the -wal file does not stay as
 * large as the last import either.
 */
function compact(sqlite: Database.Database): void {
  const pages = sqlite.pragma("page_count", { simple: true }) as number;
  const free = sqlite.pragma("freelist_count", { simple: true }) as number;
  if (free > 256 && free > pages / 4) sqlite.exec("VACUUM");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
}

/**
 * Makes the store hold exactly this dataset: everything is deleted and written again inside one
 * transaction, so a load is all or nothing and loading the same dataset twice gives the same rows.
 * The dataset must already have passed validateDataset.
 *
 * The rows go in through a raw connection to the client's file with prepared statements: Prisma's
 * createMany took minutes and gigabytes for 100,000 relationships. The transaction is taken at once
 * (BEGIN IMMEDIATE), so a second load waits for the first (up to BUSY_TIMEOUT_MS) instead of failing
 * half-way; readers go on seeing the previous dataset until the commit (WAL mode). With `ifVersion`,
 * the load is refused (StaleDatasetError) unless the store is still at that dataset version.
 */
export async function replaceDataset(client: PrismaClient, dataset: Dataset, { ifVersion }: { ifVersion?: number } = {}): Promise<LoadCounts> {
  const rows = datasetToRows(dataset);
  const sqlite = openStore(storeFileOf(client));
  try {
    const load = sqlite.transaction(() => {
      if (ifVersion !== undefined) {
        // A merge (the spreadsheet import) was planned against this version; a write since would be lost.
        const row = sqlite.prepare(`SELECT "version" FROM "DatasetInfo" WHERE "id" = 1`).get() as { version: number } | undefined;
        const version = row?.version ?? 0;
        if (version !== ifVersion) throw new StaleDatasetError(ifVersion, version);
      }
      for (const table of TABLES_CHILDREN_FIRST) sqlite.prepare(`DELETE FROM "${table}"`).run();

      insertAll(sqlite, "Source", rows.sources);
      insertAll(sqlite, "Place", rows.places);
      insertAll(sqlite, "Actor", rows.actors);
      insertAll(sqlite, "ActorName", rows.actorNames);
      insertAll(sqlite, "Relationship", rows.relationships);
      insertAll(sqlite, "RelationshipPlace", rows.relationshipPlaces);
      insertAll(sqlite, "Event", rows.events);
      insertAll(sqlite, "EventParticipant", rows.participants);
      insertAll(sqlite, "EventRelationship", rows.eventRelationships);
      insertAll(sqlite, "StoryStep", rows.storySteps);
      insertAll(sqlite, "StoryStepActor", rows.storyStepActors);
      insertAll(sqlite, "StoryStepRelationship", rows.storyStepRelationships);
      insertAll(sqlite, "Citation", rows.citations);
      markDataChanged(sqlite);
    });
    load.immediate();
    compact(sqlite);
  } finally {
    sqlite.close();
  }
  return {
    sources: rows.sources.length,
    places: rows.places.length,
    actors: rows.actors.length,
    actorNames: rows.actorNames.length,
    relationships: rows.relationships.length,
    events: rows.events.length,
    participants: rows.participants.length,
    storySteps: rows.storySteps.length,
    citations: rows.citations.length,
  };
}

export async function isStoreEmpty(client: PrismaClient): Promise<boolean> {
  return (await client.actor.count()) === 0 && (await client.source.count()) === 0;
}
