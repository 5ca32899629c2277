import "server-only";
/**
 * The network of one view, for the exports: the same window, filters and focus rules as the
 * explorer (lib/graph/view.ts decides what is drawn, here as there), with each relationship's full
 * evidence and each actor's dated names read from the store.
 */
import { boundOf, formatSpan, periodOf, spanBounds, windowOf, type DateBound } from "../../model/dates";
import { exportFileStem, EXPORT_TITLE, filterLines, periodLabel } from "../../export/context";
import type { ExportCitation, ExportEdge, ExportNetwork, ExportNode } from "../../export/network";
import { computeGraphView } from "../../graph/view";
import { QueryError, type ExportQuery } from "../../api/query-schema";
import { encodeViewState, DEFAULT_VIEW, type ViewFilters, type ViewState } from "../../view/state";
import { ACTOR_KINDS, RELATIONSHIP_TYPES, type Certainty, type Polarity, type RelationshipType } from "../../model/vocabulary";
import { db } from "../store/db";
import { getGraph, graphOfRows, readGraphEvents } from "./graph";
import { sqlGet } from "../store/sql";
import { getTimeline } from "./timeline";
import { readActors, readExportRelationships } from "./read-rows";
import { toActor, toApiBound } from "./serialize";
import { presentActorIdsSql, relationshipIdsSql } from "./window-sql";

type NetworkQuery = Omit<ExportQuery, "format" | "table">;

export function filtersOf(q: NetworkQuery): ViewFilters {
  return { types: q.type ?? null, polarities: q.polarity ?? null, certainties: q.certainty ?? null, kinds: q.kind ?? null };
}

/** The explorer view that shows the same: at a date, up to it, or between two dates. */
function viewOf(q: NetworkQuery, filters: ViewFilters, lastYear: string): ViewState {
  const base = { ...DEFAULT_VIEW, filters, focus: q.focus ?? null };
  if (q.at) return { ...base, mode: "at", date: q.at };
  if (q.from) return { ...base, mode: "window", from: q.from, date: q.to ?? lastYear };
  // No window is the whole dataset: everything up to its last year.
  return { ...base, mode: "upto", date: q.to ?? lastYear };
}

/**
 * The year of the timeline's last day (getTimeline's `last`), from the stored span columns: their
 * years are those of the dates they derive from, and SQLite finds each maximum in an index, where
 * building the whole timeline read every row's dates (a tenth of a whole-store export).
 */
async function lastYearOfStore(): Promise<string> {
  const row = sqlGet<{ last: string | null }>(
    `SELECT MAX(d) AS last FROM (
      SELECT MAX(spanStart) AS d FROM "Relationship" UNION ALL SELECT MAX(spanEnd) FROM "Relationship"
      UNION ALL SELECT MAX(spanStart) FROM "Event" UNION ALL SELECT MAX(spanEnd) FROM "Event")`,
  );
  // An empty store: the timeline's own answer (not found) is the export's.
  return row?.last ? row.last.slice(0, 4) : (await getTimeline()).last.slice(0, 4);
}

const NO_RELATIONSHIPS: Awaited<ReturnType<typeof readExportRelationships>> = { rows: [], citationsBy: new Map() };

/**
 * The network of the view. `withEdges: false` leaves the relationships out (`edges` empty, no works
 * cited) for the actors table, which writes nodes alone: reading every relationship's evidence was
 * most of a whole-store actors CSV's time.
 */
export async function buildExportNetwork(q: NetworkQuery, { withEdges = true } = {}): Promise<ExportNetwork> {
  if (q.focus !== undefined && (await db.actor.count({ where: { id: q.focus } })) === 0) {
    throw new QueryError("focus", "expected the id of an actor (see /api/actors)", q.focus);
  }
  // Read before the data: a write in between makes the file claim an older version, never a newer one.
  const datasetVersion = sqlGet<{ version: number }>(`SELECT "version" FROM "DatasetInfo" WHERE "id" = 1`)?.version ?? 0;
  const window = { at: q.at ?? null, from: q.from ?? null, to: q.to ?? null };
  const filters = filtersOf(q);
  const w = windowOf(q);
  const windowQuery = { at: q.at, from: q.from, to: q.to };
  // The window's relationships and actors are read once, with what the writers need, and the graph
  // answer the drawing rules take is built from those rows: reading them once for getGraph and again
  // for the writers cost about a fifth of a whole-store export. The actors table writes no evidence,
  // so there getGraph's lighter read serves. Only the window's days are parameters, never
  // `id IN (…every drawn id…)`, which SQLite caps at 999; what is drawn is kept below.
  const [{ rows: relationshipRows, citationsBy }, actorRows, lastYear] = await Promise.all([
    withEdges ? readExportRelationships(relationshipIdsSql(w)) : NO_RELATIONSHIPS,
    readActors(presentActorIdsSql(w)),
    lastYearOfStore(),
  ]);
  const graph = withEdges
    ? await graphOfRows(windowQuery, {
        actors: actorRows,
        relationships: relationshipRows.map((r) => ({ ...r, citations: citationsBy.get(r.id)?.length ?? 0 })),
        events: readGraphEvents(w),
      })
    : await getGraph(windowQuery);
  const view = viewOf(q, filters, lastYear);
  const drawn = computeGraphView({
    all: graph.elements,
    current: graph,
    state: view,
    // Up to or between dates, what ended before the last date's period is greyed, as on the page.
    endedBefore: q.to ? periodOf(q.to).first : "0000-01-01",
  });
  const focusApplies = q.focus !== undefined && !drawn.focusMissing;

  const shownEdges = new Set(drawn.shownEdges);
  const shownNodes = new Set(drawn.shownNodes);
  const relationships = relationshipRows.filter((r) => shownEdges.has(r.id));
  const actors = actorRows.filter((a) => shownNodes.has(a.id));
  const labelOf = (id: string) => drawn.nodes.get(id)?.label ?? id;
  const edgeLabel = new Map(graph.elements.edges.map((e) => [e.data.id, e.data.label]));
  const ended = new Set(drawn.endedEdges);

  const nodes: ExportNode[] = actors.map(toActor).map((a) => ({
    id: a.id,
    label: labelOf(a.id),
    name: a.name,
    kind: a.kind,
    kindLabel: ACTOR_KINDS[a.kind],
    description: a.description,
    names: a.names.map((n) => {
      const { spanStart, spanEnd } = spanBounds(n.start as DateBound | null, n.end as DateBound | null);
      return { name: n.name, short: n.short, first: spanStart, last: spanEnd, dateLabel: n.dateLabel };
    }),
    ended: drawn.nodes.get(a.id)?.classes.includes("ended") ?? false,
  }));

  // Straight from the rows to the writers' shape: building each relationship's API object first
  // (ends, events, places, citations) and then this one cost a third of a whole-store export.
  const authorsOf = new Map<string, string[]>();
  const authors = (s: { id: string; authors: string }) => {
    let list = authorsOf.get(s.id);
    if (!list) authorsOf.set(s.id, (list = JSON.parse(s.authors) as string[]));
    return list;
  };
  const edges: ExportEdge[] = relationships.map((r) => {
    const start = boundOf(r.startDate, r.startQualifier);
    const end = boundOf(r.endDate, r.endQualifier);
    const type = r.type as RelationshipType;
    return {
      id: r.id,
      source: r.fromId,
      target: r.toId,
      sourceLabel: labelOf(r.fromId),
      targetLabel: labelOf(r.toId),
      type,
      typeLabel: RELATIONSHIP_TYPES[type].label,
      polarity: r.polarity as Polarity,
      certainty: r.certainty as Certainty,
      structural: RELATIONSHIP_TYPES[type].structural,
      label: edgeLabel.get(r.id) ?? r.type,
      start: toApiBound(start),
      end: toApiBound(end),
      dateLabel: formatSpan(start, end),
      first: r.spanStart,
      last: r.spanEnd,
      summary: r.summary,
      dateNote: r.dateNote,
      note: r.note,
      ended: ended.has(r.id),
      citations: (citationsBy.get(r.id) ?? []).map(
        (c): ExportCitation => ({
          source: c.source.id,
          citedAs: c.source.citedAs,
          authors: authors(c.source),
          date: c.source.date,
          title: c.source.title,
          outlet: c.source.outlet,
          pages: c.pages,
          note: c.note,
        }),
      ),
    };
  });

  const filtered = filterLines(filters).length > 0;
  return {
    context: {
      title: EXPORT_TITLE,
      period: periodLabel(window),
      window: { ...window, first: graph.window.first, last: graph.window.last },
      filters: filterLines(filters),
      focus: q.focus === undefined ? null : focusApplies ? labelOf(q.focus) : `${q.focus} (not in this period, so not applied)`,
      worksCited: [...new Set(edges.flatMap((e) => e.citations.map((c) => c.citedAs)))].sort((a, b) => a.localeCompare(b)),
      explorerQuery: encodeViewState(view),
      fileStem: exportFileStem(window, { filtered, focus: focusApplies ? q.focus! : null }),
      counts: { actors: nodes.length, relationships: withEdges ? edges.length : shownEdges.size },
      datasetVersion,
    },
    nodes,
    edges,
  };
}
