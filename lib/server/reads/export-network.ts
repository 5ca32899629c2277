import "server-only";
/**
 * The network of one view, for the exports: the same window, filters and focus rules as the
 * explorer (lib/graph/view.ts decides what is drawn, here as there), with each relationship's full
 * evidence and each actor's dated names read from the store.
 */
import { boundOf, formatSpan, periodOf, spanBounds, windowOf, type DateBound } from "../../model/dates";
import { exportFileStem, EXPORT_TITLE, filterLines, periodLabel } from "../../export/context";
import { drawnOf } from "../../export/drawn";
import type { ExportCitation, ExportEdge, ExportNetwork, ExportNode } from "../../export/network";
import { nameAt } from "../../model/actor-names";
import { QueryError, type ExportQuery } from "../../api/query-schema";
import { encodeViewState, DEFAULT_VIEW, type ViewFilters, type ViewState } from "../../view/state";
import { ACTOR_KINDS, RELATIONSHIP_TYPES, type Certainty, type Polarity, type RelationshipType } from "../../model/vocabulary";
import { db } from "../store/db";
import { sqlGet } from "../store/sql";
import { getTimeline } from "./timeline";
import { readActors, readDrawnRelationships, readExportRelationships, type ExportRelationshipRow } from "./read-rows";
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

/**
 * The network of the view. `withEdges: false` leaves the relationships' evidence out (`edges` empty,
 * no works cited) for the actors table, which writes nodes alone and needs of the relationships only
 * what decides which actors are drawn and greyed.
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
  // The window's relationships and actors are read once, with what the writers need, and the
  // drawing rules run over those rows (drawnOf). Only the window's days are parameters, never
  // `id IN (…every drawn id…)`, which SQLite caps at 999.
  const ids = relationshipIdsSql(w);
  const [{ rows: relationshipRows, citationsBy }, actorRows, lastYear] = await Promise.all([
    withEdges ? readExportRelationships(ids) : { rows: await readDrawnRelationships(ids), citationsBy: new Map<string, never[]>() },
    readActors(presentActorIdsSql(w)),
    lastYearOfStore(),
  ]);
  const view = viewOf(q, filters, lastYear);
  const drawn = drawnOf({
    actors: actorRows,
    relationships: relationshipRows,
    filters,
    focus: q.focus ?? null,
    showsEnded: view.mode !== "at",
    // Up to or between dates, what ended before the last date's period is greyed, as on the page.
    endedBefore: q.to ? periodOf(q.to).first : "0000-01-01",
  });
  const focusApplies = q.focus !== undefined && !drawn.focusMissing;

  // Each drawn actor is labelled with its name in force in the window, as the page labels it.
  const labels = new Map<string, string>();
  const nodes: ExportNode[] = [];
  actorRows.forEach((row, i) => {
    if (!drawn.nodeShown[i]) return;
    const { name, short } = nameAt(row, row.names.filter((n) => !n.isAlias), w);
    const label = short ?? name;
    labels.set(row.id, label);
    const a = toActor(row);
    nodes.push({
      id: a.id,
      label,
      name: a.name,
      kind: a.kind,
      kindLabel: ACTOR_KINDS[a.kind],
      description: a.description,
      names: a.names.map((n) => {
        const { spanStart, spanEnd } = spanBounds(n.start as DateBound | null, n.end as DateBound | null);
        return { name: n.name, short: n.short, first: spanStart, last: spanEnd, dateLabel: n.dateLabel };
      }),
      ended: drawn.nodeEnded[i] === 1,
    });
  });
  const labelOf = (id: string) => labels.get(id) ?? id;

  // Straight from the rows to the writers' shape: building each relationship's API object first
  // (ends, events, places, citations) and then this one cost a third of a whole-store export.
  const authorsOf = new Map<string, string[]>();
  const authors = (s: { id: string; authors: string }) => {
    let list = authorsOf.get(s.id);
    if (!list) authorsOf.set(s.id, (list = JSON.parse(s.authors) as string[]));
    return list;
  };
  let shownEdges = 0;
  const edges: ExportEdge[] = [];
  relationshipRows.forEach((r, j) => {
    if (!drawn.edgeShown[j]) return;
    shownEdges++;
    if (!withEdges) return;
    const row = r as ExportRelationshipRow;
    const start = boundOf(row.startDate, row.startQualifier);
    const end = boundOf(row.endDate, row.endQualifier);
    const type = row.type as RelationshipType;
    edges.push({
      id: row.id,
      source: row.fromId,
      target: row.toId,
      sourceLabel: labelOf(row.fromId),
      targetLabel: labelOf(row.toId),
      type,
      typeLabel: RELATIONSHIP_TYPES[type].label,
      polarity: row.polarity as Polarity,
      certainty: row.certainty as Certainty,
      structural: RELATIONSHIP_TYPES[type].structural,
      // What the page's graph writes on the edge (lib/graph/elements.ts): the type's label.
      label: RELATIONSHIP_TYPES[type].label,
      start: toApiBound(start),
      end: toApiBound(end),
      dateLabel: formatSpan(start, end),
      first: row.spanStart,
      last: row.spanEnd,
      summary: row.summary,
      dateNote: row.dateNote,
      note: row.note,
      ended: drawn.edgeEnded[j] === 1,
      citations: (citationsBy.get(row.id) ?? []).map(
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
    });
  });

  const filtered = filterLines(filters).length > 0;
  return {
    context: {
      title: EXPORT_TITLE,
      period: periodLabel(window),
      window: { ...window, first: w.first, last: w.last },
      filters: filterLines(filters),
      focus: q.focus === undefined ? null : focusApplies ? labelOf(q.focus) : `${q.focus} (not in this period, so not applied)`,
      worksCited: [...new Set(edges.flatMap((e) => e.citations.map((c) => c.citedAs)))].sort((a, b) => a.localeCompare(b)),
      explorerQuery: encodeViewState(view),
      fileStem: exportFileStem(window, { filtered, focus: focusApplies ? q.focus! : null }),
      counts: { actors: nodes.length, relationships: shownEdges },
      datasetVersion,
    },
    nodes,
    edges,
  };
}
