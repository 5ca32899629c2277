import "server-only";
/**
 * Entities read and written on a raw better-sqlite3 connection, for a batch of many inside one
 * transaction (a spreadsheet import). The rows are write-rows.ts's (datasetToRows, the loader's own
 * flattening, an entity's owned rows replaced whole) and the entries read-entry.ts's (entries.ts, the
 * same lists in the same order), so a batch stores and records exactly what the write API would; but
 * each statement is prepared once and run per row, where Prisma's layers cost milliseconds a call
 * and made a 3,000-tie import take over a minute. Every statement binds a fixed number of values,
 * never a list from the data (SQLite's limit is 999).
 */
import type Database from "better-sqlite3";
import { datasetToRows } from "../../dataset/rows";
import type { Actor, Dataset, Event, Place, Relationship, Source } from "../../dataset/schema";
import type { EntityKind, Entry } from "../../dataset/write-schema";
import type * as Rows from "../generated/prisma/client";
import { actorEntry, eventEntry, placeEntry, relationshipEntry, sourceEntry } from "../store/entries";
import type { VersionedEntry } from "./read-entry";

type Value = string | number | boolean | null | undefined;
type Row = Record<string, Value>;

const EMPTY: Dataset = { sources: [], places: [], actors: [], relationships: [], events: [], story: [] };

const TABLE: Record<EntityKind, string> = { actor: "Actor", relationship: "Relationship", event: "Event", source: "Source", place: "Place" };

/** The rows an entity owns, by table and the column naming the owner: replaced whole on every write. */
const OWNED: Record<EntityKind, readonly (readonly [table: string, owner: string])[]> = {
  source: [],
  place: [],
  actor: [["ActorName", "actorId"]],
  relationship: [
    ["Citation", "relationshipId"],
    ["RelationshipPlace", "relationshipId"],
  ],
  event: [
    ["Citation", "eventId"],
    ["EventParticipant", "eventId"],
    ["EventRelationship", "eventId"],
  ],
};

// SQLite has no booleans; Prisma stores them as 1 and 0 (and so does the loader).
const bindable = (v: Value): string | number | null => (v === undefined ? null : typeof v === "boolean" ? (v ? 1 : 0) : v);

/** Reads and writes entities on one connection, each distinct statement prepared once. */
export class SqlEntries {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly sqlite: Database.Database) {}

  private statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.sqlite.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private one<T>(sql: string, id: string): T | undefined {
    return this.statement(sql).get(id) as T | undefined;
  }

  private all<T>(sql: string, id: string): T[] {
    return this.statement(sql).all(id) as T[];
  }

  /** As readEntry (read-entry.ts): the entity as its seed file would hold it, with its version; null when there is none. */
  read(kind: EntityKind, id: string): VersionedEntry | null {
    switch (kind) {
      case "source": {
        const row = this.one<Rows.Source>(`SELECT * FROM "Source" WHERE "id" = ?`, id);
        return row ? { entry: sourceEntry(row), version: row.version } : null;
      }
      case "place": {
        const row = this.one<Rows.Place>(`SELECT * FROM "Place" WHERE "id" = ?`, id);
        return row ? { entry: placeEntry(row), version: row.version } : null;
      }
      case "actor": {
        const row = this.one<Rows.Actor>(`SELECT * FROM "Actor" WHERE "id" = ?`, id);
        if (!row) return null;
        const names = this.all<Rows.ActorName>(`SELECT * FROM "ActorName" WHERE "actorId" = ? ORDER BY "position"`, id);
        return { entry: actorEntry(row, names.map((n) => ({ ...n, isAlias: Boolean(n.isAlias) }))), version: row.version };
      }
      case "relationship": {
        const row = this.one<Rows.Relationship>(`SELECT * FROM "Relationship" WHERE "id" = ?`, id);
        if (!row) return null;
        const places = this.all<{ placeId: string }>(`SELECT "placeId" FROM "RelationshipPlace" WHERE "relationshipId" = ? ORDER BY "position"`, id);
        const citations = this.all<Rows.Citation>(`SELECT * FROM "Citation" WHERE "relationshipId" = ? ORDER BY "position"`, id);
        return { entry: relationshipEntry(row, places, citations), version: row.version };
      }
      case "event": {
        const row = this.one<Rows.Event>(`SELECT * FROM "Event" WHERE "id" = ?`, id);
        if (!row) return null;
        const participants = this.all<Rows.EventParticipant>(`SELECT * FROM "EventParticipant" WHERE "eventId" = ? ORDER BY "position"`, id);
        const relationships = this.all<{ relationshipId: string }>(`SELECT "relationshipId" FROM "EventRelationship" WHERE "eventId" = ? ORDER BY "relationshipId"`, id);
        const citations = this.all<Rows.Citation>(`SELECT * FROM "Citation" WHERE "eventId" = ? ORDER BY "position"`, id);
        return { entry: eventEntry(row, participants, relationships, citations), version: row.version };
      }
    }
  }

  private insert(table: string, row: Row): void {
    const columns = Object.keys(row);
    this.statement(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`).run(
      columns.map((c) => bindable(row[c])),
    );
  }

  private update(table: string, row: Row): void {
    const columns = Object.keys(row).filter((c) => c !== "id");
    this.statement(`UPDATE "${table}" SET ${columns.map((c) => `"${c}" = ?`).join(", ")} WHERE "id" = ?`).run([...columns.map((c) => bindable(row[c])), bindable(row.id)]);
  }

  /**
   * As writeEntityRows (write-rows.ts): makes the store hold `entry` at `version`, its own row created
   * or updated in place (its id stays, so what points at it stays valid) and what it owns replaced.
   */
  write(kind: EntityKind, entry: Entry, version: number, exists: boolean): void {
    if (exists) for (const [table, owner] of OWNED[kind]) this.statement(`DELETE FROM "${table}" WHERE "${owner}" = ?`).run(entry.id);
    const rows = datasetToRows({
      ...EMPTY,
      ...(kind === "source" && { sources: [entry as Source] }),
      ...(kind === "place" && { places: [entry as Place] }),
      ...(kind === "actor" && { actors: [entry as Actor] }),
      ...(kind === "relationship" && { relationships: [entry as Relationship] }),
      ...(kind === "event" && { events: [entry as Event] }),
    });
    const own: Row = {
      ...{ source: rows.sources, place: rows.places, actor: rows.actors, relationship: rows.relationships, event: rows.events }[kind][0]!,
      version,
    };
    if (exists) this.update(TABLE[kind], own);
    else this.insert(TABLE[kind], own);
    // The owned rows in write-rows.ts's order, which is also the order foreign keys need.
    for (const name of rows.actorNames) this.insert("ActorName", name);
    for (const place of rows.relationshipPlaces) this.insert("RelationshipPlace", place);
    for (const participant of rows.participants) this.insert("EventParticipant", participant);
    for (const link of rows.eventRelationships) this.insert("EventRelationship", link);
    for (const citation of rows.citations) this.insert("Citation", citation);
  }
}
