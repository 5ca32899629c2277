import "server-only";
/**
 * The network in a window, read in three SQL statements whose parameters are the window's days
 * alone (never a list of ids, which SQLite caps at 999 through Prisma), each joined to what it
 * needs: relationships with their citation counts, events with their participants, and the actors
 * at either end or taking part, with their names. SQL rather than Prisma's nested selects because
 * this is the explorer's hottest read and Prisma's layers took more than half its time (sql.ts).
 */
import type { ApiGraph } from "../../api/types";
import { atPrecision, parsePartialDate, shiftPeriod, windowOf, type Window } from "../../model/dates";
import { buildGraph, type GraphActorRow, type GraphEventRow, type GraphRelationshipRow } from "../../graph/elements";
import type { GraphQuery, WindowQuery } from "../../api/query-schema";
import { getLayoutPositions } from "../store/layout";
import { sqlAll } from "../store/sql";
import { activeEventsWhere, activeIdsSql, presentActorIdsSql } from "./window-sql";
import { withPossiblyHolding } from "./with-possibly-holding";
import { actorsWithNames, type ActorJoinRow } from "./actor-rows";
import { getTimeline } from "./timeline";

type RelationshipRow = Omit<GraphRelationshipRow, "citations"> & { citations: number | bigint };
type EventJoinRow = Omit<GraphEventRow, "participants"> & { actorId: string | null };

/** Relationships active in the window, in id order. */
function relationshipsSql(w: Window) {
  const active = activeIdsSql("Relationship", w);
  return {
    sql: `SELECT r.id, r.fromId, r.toId, r.type, r.polarity, r.certainty, r.startDate, r.startQualifier, r.endDate, r.endQualifier,
        r.spanStart, r.spanEnd, (SELECT COUNT(*) FROM "Citation" c WHERE c.relationshipId = r.id) AS citations
      FROM (${active.sql}) AS a JOIN "Relationship" r ON r.id = a.id
      ORDER BY r.id`,
    params: active.params,
  };
}

/** Events within the window, each with its participants' ids, by start then id. */
export function readGraphEvents(w: Window): GraphEventRow[] {
  const ev = activeEventsWhere("e", w);
  const eventRows = sqlAll<EventJoinRow>(
    `SELECT e.id, e.title, e.kind, e.startDate, e.startQualifier, e.endDate, e.endQualifier, e.spanStart, e.spanEnd, p.actorId
      FROM "Event" e LEFT JOIN "EventParticipant" p ON p.eventId = e.id
      WHERE ${ev.sql}
      ORDER BY e.spanStart, e.id, p.position`,
    ev.params,
  );
  const events: GraphEventRow[] = [];
  for (const { actorId, ...e } of eventRows) {
    let last = events.at(-1);
    if (last?.id !== e.id) {
      last = { ...e, participants: [] };
      events.push(last);
    }
    // An actor with two roles in one event is one participant.
    if (actorId !== null && !last.participants.includes(actorId)) last.participants.push(actorId);
  }
  return events;
}

export function readGraphRows(w: Window) {
  const rel = relationshipsSql(w);
  const present = presentActorIdsSql(w);
  const relationships = sqlAll<RelationshipRow>(rel.sql, rel.params);
  const events = readGraphEvents(w);
  const actorRows = sqlAll<ActorJoinRow>(
    `SELECT x.id, x.kind, x.name, x.short,
        n.name AS nName, n.short AS nShort, n.isAlias AS nIsAlias, n.spanStart AS nSpanStart, n.spanEnd AS nSpanEnd
      FROM (${present.sql}) AS present JOIN "Actor" x ON x.id = present.id LEFT JOIN "ActorName" n ON n.actorId = x.id
      ORDER BY x.id, n.position`,
    present.params,
  );

  const actors = actorsWithNames(actorRows);
  return { actors, relationships: relationships.map((r) => ({ ...r, citations: Number(r.citations) })), events };
}

/** The graph answer from rows already read (the exports read them with more columns). */
export async function graphOfRows(
  q: WindowQuery,
  rows: { actors: GraphActorRow[]; relationships: GraphRelationshipRow[]; events: GraphEventRow[]; possibly?: ReadonlySet<string> },
): Promise<ApiGraph> {
  const window = windowOf(q);
  const graph = buildGraph(window, rows.actors, rows.relationships, rows.events, await getLayoutPositions());
  if (rows.possibly?.size) for (const e of graph.elements.edges) if (rows.possibly.has(e.data.id)) e.data.possibly = true;
  return { window: { at: q.at ?? null, from: q.from ?? null, to: q.to ?? null, ...window }, ...graph };
}

/** The network in a window (the whole dataset when none is given), as Cytoscape elements. */
export async function getGraph(q: GraphQuery): Promise<ApiGraph> {
  const window = windowOf(q);
  const rows = readGraphRows(window);
  // possibly=1: also what may still hold after its last attested date (marked `possibly`).
  return graphOfRows(q, q.possibly === "1" ? withPossiblyHolding(window, rows) : rows);
}

/**
 * The graphs a reader of this one asks for next: the slider's next date, the previous one and the
 * one after next (as the explorer reads ahead, use-view-graphs.ts), within the timeline and at the
 * query's own step (a year or a month). Only for a date (`at`) or "up to a date" (`to`); a window
 * with both ends moves in more ways than are worth guessing.
 */
export async function nextGraphQueries(q: GraphQuery): Promise<Record<string, string>[]> {
  const key = q.at !== undefined && q.to === undefined && q.from === undefined ? "at" : q.to !== undefined && q.from === undefined ? "to" : null;
  const date = key ? q[key]! : null;
  const precision = date ? parsePartialDate(date)?.precision : undefined;
  if (!key || !date || (precision !== "year" && precision !== "month")) return [];
  const { first, last } = await getTimeline();
  const [lo, hi] = [atPrecision(first, precision), atPrecision(last, precision)];
  const kept = Object.fromEntries(Object.entries(q).filter(([, v]) => typeof v === "string")) as Record<string, string>;
  return [1, -1, 2]
    .map((n) => shiftPeriod(date, n))
    .filter((d) => d >= lo && d <= hi)
    .map((d) => ({ ...kept, [key]: d }));
}
