/**
 * A relationship's fields as flat, snake_case columns: the names every tabular export uses (CSV
 * columns, Cytoscape JSON data, GraphML and GEXF attributes), so a column reads the same in each file.
 */
import type { ExportEdge } from "./network";

export function edgeFields(e: ExportEdge) {
  return {
    type: e.type,
    type_label: e.typeLabel,
    polarity: e.polarity,
    certainty: e.certainty,
    structural: e.structural,
    start: e.start?.date ?? null,
    start_qualifier: e.start?.qualifier ?? null,
    end: e.end?.date ?? null,
    end_qualifier: e.end?.qualifier ?? null,
    date_label: e.dateLabel,
    first: e.first,
    last: e.last,
    ended: e.ended,
    summary: e.summary,
    date_note: e.dateNote,
    note: e.note,
  };
}
