import "server-only";
/**
 * The "active in a window" rule of lib/model/dates.ts (`overlaps`) as SQL over the derived spanStart /
 * spanEnd columns, for the queries written in SQL. Its parameters are the window's two days at most,
 * whatever the data's size.
 *
 * Written so SQLite can search the (spanStart, spanEnd) index: `spanStart <= last` is a range of
 * it, and spanEnd is tested from the same index entry, so only matching rows are read from the
 * table. An open start (NULL, which SQLite sorts first) is a second, equally indexed search; the two
 * are joined with UNION ALL, never with `OR ... IS NULL`, which made SQLite read about 84% of the
 * table's rows (issue 12).
 */
import type { Window } from "../../model/dates";

export interface SqlPart {
  sql: string;
  params: string[];
}

/** The ids of the rows of `table` (Relationship, ActorName: open ends allowed) active in the window. */
export function activeIdsSql(table: "Relationship", w: Window): SqlPart {
  const endTest = w.first === null ? "" : " AND (spanEnd >= ? OR spanEnd IS NULL)";
  const endParams = w.first === null ? [] : [w.first];
  if (w.last === null) {
    return { sql: `SELECT id FROM "${table}" WHERE 1${endTest}`, params: endParams };
  }
  return {
    sql:
      `SELECT id FROM "${table}" INDEXED BY "${table}_spanStart_spanEnd_idx" WHERE spanStart <= ?${endTest}` +
      ` UNION ALL SELECT id FROM "${table}" INDEXED BY "${table}_spanStart_spanEnd_idx" WHERE spanStart IS NULL${endTest}`,
    params: [w.last, ...endParams, ...endParams],
  };
}

/** Events: both ends always set (an event with no end lasts the period of its start). */
export function activeEventsWhere(alias: string, w: Window): SqlPart {
  const parts: string[] = [];
  const params: string[] = [];
  if (w.last !== null) {
    parts.push(`${alias}.spanStart <= ?`);
    params.push(w.last);
  }
  if (w.first !== null) {
    parts.push(`${alias}.spanEnd >= ?`);
    params.push(w.first);
  }
  return { sql: parts.length ? parts.join(" AND ") : "1", params };
}

/**
 * Ids of the relationships active in the window that pass the filters. Vocabulary lists are bounded
 * by the vocabulary, not the data, so they may be parameters.
 */
export function relationshipIdsSql(w: Window, f: { types?: readonly string[]; certainties?: readonly string[]; actor?: string } = {}): SqlPart {
  const active = activeIdsSql("Relationship", w);
  const tests: string[] = [];
  const params: string[] = [...active.params];
  const within = (column: string, values: readonly string[]) => {
    tests.push(`r.${column} IN (${values.map(() => "?").join(", ")})`);
    params.push(...values);
  };
  if (f.types) within("type", f.types);
  if (f.certainties) within("certainty", f.certainties);
  if (f.actor !== undefined) {
    tests.push("(r.fromId = ? OR r.toId = ?)");
    params.push(f.actor, f.actor);
  }
  if (tests.length === 0) return active;
  return { sql: `SELECT r.id FROM (${active.sql}) AS a JOIN "Relationship" r ON r.id = a.id WHERE ${tests.join(" AND ")}`, params };
}

/** Ids of the events within the window, optionally only those an actor took part in. */
export function eventIdsSql(w: Window, actor?: string): SqlPart {
  const within = activeEventsWhere("e", w);
  if (actor === undefined) return { sql: `SELECT e.id FROM "Event" e WHERE ${within.sql}`, params: within.params };
  return {
    sql: `SELECT DISTINCT e.id FROM "EventParticipant" p JOIN "Event" e ON e.id = p.eventId WHERE p.actorId = ? AND ${within.sql}`,
    params: [actor, ...within.params],
  };
}

/** Ids of the actors at either end of a relationship active in the window, or taking part in an event within it. */
export function presentActorIdsSql(w: Window): SqlPart {
  if (w.first === null && w.last === null) {
    // The whole dataset: probing each actor's three indexes costs a tenth of gathering every
    // relationship's two ends and events' participants and removing duplicates (the whole-store
    // exports and /api/graph read this three times).
    return {
      sql: `SELECT x.id FROM "Actor" x WHERE EXISTS (SELECT 1 FROM "Relationship" r WHERE r.fromId = x.id)
        OR EXISTS (SELECT 1 FROM "Relationship" r WHERE r.toId = x.id)
        OR EXISTS (SELECT 1 FROM "EventParticipant" p WHERE p.actorId = x.id)`,
      params: [],
    };
  }
  const active = activeIdsSql("Relationship", w);
  const ev = activeEventsWhere("e", w);
  return {
    sql: `SELECT r.fromId AS id FROM (${active.sql}) AS a JOIN "Relationship" r ON r.id = a.id
      UNION SELECT r.toId FROM (${active.sql}) AS a JOIN "Relationship" r ON r.id = a.id
      UNION SELECT p.actorId FROM "Event" e JOIN "EventParticipant" p ON p.eventId = e.id WHERE ${ev.sql}`,
    params: [...active.params, ...active.params, ...ev.params],
  };
}

export const ALL_ACTORS: SqlPart = { sql: `SELECT id FROM "Actor"`, params: [] };
