import "server-only";
/**
 * The network of one view, for the exports: the same window, filters and focus rules as the
 * explorer (lib/graph/view.ts decides what is drawn, here as there), with each relationship's full
 * evidence and each actor's dated names read from the store.
 */
import { boundOf, formatSpan, periodOf, spanBounds, windowOf } from "../../model/dates";
import { exportFileStem, EXPORT_TITLE, filterLines, periodLabel } from "../../export/context";
import { drawnOf } from "../../export/drawn";
import type { ExportCitation, ExportEdge, ExportEdgeSpan, ExportNetwork, ExportNode } from "../../export/network";
import { nameAt } from "../../model/actor-names";
import { QueryError, type ExportQuery } from "../../api/query-schema";
import { encodeViewState, DEFAULT_VIEW, type ViewFilters, type ViewState } from "../../view/state";
import { ACTOR_KINDS, RELATIONSHIP_TYPES, type ActorKind, type Certainty, type Polarity, type RelationshipType } from "../../model/vocabulary";
import { db } from "../store/db";
import { sqlGet } from "../store/sql";
import { getTimeline } from "./timeline";
import { readActors, readCitationSources, readCitedSources, readDrawnRelationships, readEvidence, readSources } from "./read-rows";
import { exportDates } from "./export-dates";
import { presentActorIdsSql, relationshipIdsSql, type SqlPart } from "./window-sql";

type DrawnRelationshipRow = ReturnType<typeof readDrawnRelationships>[number];

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
  // First what decides what is drawn, for the whole view: each relationship's ends, type and span,
  // each actor with its names. The evidence of the drawn relationships is read later, batch by
  // batch, as the file is written (edgesOf). Only the window's days are parameters, never
  // `id IN (…every drawn id…)`, which SQLite caps at 999.
  const ids = relationshipIdsSql(w);
  const [relationshipRows, actorRows, lastYear] = await Promise.all([
    // No window (filters are applied after, in drawnOf): every relationship.
    readDrawnRelationships(w.first === null && w.last === null ? null : ids),
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
    // Straight from the rows (toActor's API object would format bounds no file writes).
    nodes.push({
      id: row.id,
      label,
      name: row.name,
      kind: row.kind as ActorKind,
      kindLabel: ACTOR_KINDS[row.kind as ActorKind],
      description: row.description,
      names: row.names
        .filter((n) => !n.isAlias)
        .map((n) => {
          const start = boundOf(n.startDate, n.startQualifier);
          const end = boundOf(n.endDate, n.endQualifier);
          const { spanStart, spanEnd } = spanBounds(start, end);
          return { name: n.name, short: n.short, first: spanStart, last: spanEnd, dateLabel: formatSpan(start, end) };
        }),
      ended: drawn.nodeEnded[i] === 1,
    });
  });
  const labelOf = (id: string) => labels.get(id) ?? id;

  const shown: DrawnRelationshipRow[] = [];
  // Greyed or not, aligned with `shown`.
  const ended = new Uint8Array(relationshipRows.length);
  relationshipRows.forEach((r, j) => {
    if (drawn.edgeShown[j] !== 1) return;
    ended[shown.length] = drawn.edgeEnded[j]!;
    shown.push(r);
  });
  const sources = withEdges ? readSources() : new Map<string, never>();
  const edges: Iterable<ExportEdge> = withEdges ? { [Symbol.iterator]: () => edgesOf(shown, ended, labelOf, sources) } : [];

  const filtered = filterLines(filters).length > 0;
  return {
    context: {
      title: EXPORT_TITLE,
      period: periodLabel(window),
      window: { ...window, first: w.first, last: w.last },
      filters: filterLines(filters),
      focus: q.focus === undefined ? null : focusApplies ? labelOf(q.focus) : `${q.focus} (not in this period, so not applied)`,
      worksCited: withEdges ? worksCited(ids, shown.length === relationshipRows.length ? null : new Set(shown.map((r) => r.id)), sources) : [],
      explorerQuery: encodeViewState(view),
      fileStem: exportFileStem(window, { filtered, focus: focusApplies ? q.focus! : null }),
      counts: { actors: nodes.length, relationships: shown.length },
      datasetVersion,
    },
    nodes,
    edges,
    // Made as they are read (GEXF alone reads them), not kept: a hundred thousand objects held for the whole file.
    spans: withEdges ? { [Symbol.iterator]: () => spansOf(shown) } : [],
  };
}

function* spansOf(shown: readonly DrawnRelationshipRow[]): Generator<ExportEdgeSpan> {
  for (const r of shown) yield { source: r.fromId, target: r.toId, first: r.spanStart, last: r.spanEnd };
}

type SourceRow = ReturnType<typeof readSources> extends Map<string, infer S> ? S : never;

/** Every work the drawn relationships cite, as cited, sorted, once each (`drawn` null: every relationship `ids` selects is drawn). */
function worksCited(ids: SqlPart, drawn: ReadonlySet<string> | null, sources: ReadonlyMap<string, SourceRow>): string[] {
  const sourceIds = drawn === null ? readCitedSources(ids) : readCitationSources(ids).filter((c) => drawn.has(c.owner)).map((c) => c.sourceId);
  return [...new Set(sourceIds.map((id) => sources.get(id)!.citedAs))].sort((a, b) => a.localeCompare(b));
}

/** Relationships whose evidence is read at once: a few hundred kilobytes of rows, then written and let go. */
const EVIDENCE_BATCH = 1000;

/**
 * The drawn relationships as the writers take them, their evidence read a batch at a time as the
 * file is written: a whole-store export holds one batch of texts and citations, not all of them.
 * A batch is a range of ids (the drawn ones from its first to its last), so each read is bounded
 * and takes two parameters. A relationship deleted between the first read and its batch is left
 * out; the file's version, read first, then claims an older state, never a newer one.
 */
function* edgesOf(
  shown: readonly DrawnRelationshipRow[],
  ended: Uint8Array,
  labelOf: (id: string) => string,
  sources: ReadonlyMap<string, SourceRow>,
): Generator<ExportEdge> {
  const authorsOf = new Map<string, string[]>();
  const authors = (s: SourceRow) => {
    let list = authorsOf.get(s.id);
    if (!list) authorsOf.set(s.id, (list = JSON.parse(s.authors) as string[]));
    return list;
  };
  const dates = exportDates();
  for (let k = 0; k < shown.length; k += EVIDENCE_BATCH) {
    const stop = Math.min(k + EVIDENCE_BATCH, shown.length);
    const { rows, citations } = readEvidence(shown[k]!.id, shown[stop - 1]!.id);
    // The rows and citations come in id order, as the drawn relationships do: each is found by
    // walking beside them, not through maps of the batch by id (300,000 entries at 100k). Ids are
    // ASCII slugs (lib/dataset/schema.ts), so JavaScript's order of them is SQLite's.
    let at = 0;
    let c = 0;
    for (let j = k; j < stop; j++) {
      const r = shown[j]!;
      while (at < rows.length && rows[at]![0] < r.id) at++;
      const row = rows[at];
      if (row === undefined || row[0] !== r.id) continue;
      const [, storedStart, storedEnd, summary, dateNote, note] = row;
      const start = dates.bound(storedStart);
      const end = dates.bound(storedEnd);
      const type = r.type as RelationshipType;
      const cited: ExportCitation[] = [];
      while (c < citations.length && citations[c]![0] < r.id) c++;
      for (; c < citations.length && citations[c]![0] === r.id; c++) {
        const [, pages, citationNote, sourceId] = citations[c]!;
        const source = sources.get(sourceId)!;
        cited.push({
          source: source.id,
          citedAs: source.citedAs,
          authors: authors(source),
          date: source.date,
          title: source.title,
          outlet: source.outlet,
          pages,
          note: citationNote,
        });
      }
      yield {
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
        // What the page's graph writes on the edge (lib/graph/elements.ts): the type's label.
        label: RELATIONSHIP_TYPES[type].label,
        start: start?.api ?? null,
        end: end?.api ?? null,
        dateLabel: dates.spanLabel(start, end),
        first: r.spanStart,
        last: r.spanEnd,
        summary,
        dateNote,
        note,
        ended: ended[j] === 1,
        citations: cited,
      };
    }
  }
}
