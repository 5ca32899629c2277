/**
 * Two CSV tables of an export network, nodes and edges, as RFC 4180 has them: comma separated, CRLF
 * line ends (the last record ends with one too), a field quoted when it holds a comma, a quote, CR
 * or LF, quotes inside doubled.
 *
 * Each file starts with a UTF-8 byte order mark: without it Excel reads a CSV as the local ANSI code
 * page and mangles the accents and dashes ("Abū", "2003 – 2005"). Other readers (Python's
 * utf-8-sig, pandas, LibreOffice, R's readr) skip it. A text a spreadsheet would run as a formula
 * starts with an apostrophe (csv-formula.ts), which the spreadsheet import takes off again.
 */
import { guardFormula } from "./csv-formula";
import { edgeFields } from "./flat-fields";
import type { ExportEdge, ExportNetwork, ExportNode } from "./network";
import { citationsText, namesText, worksText } from "./text";

export const NODE_COLUMNS = ["id", "label", "name", "kind", "kind_label", "names", "ended", "description"] as const;

export const EDGE_COLUMNS = [
  "id",
  "source",
  "source_label",
  "target",
  "target_label",
  "type",
  "type_label",
  "polarity",
  "certainty",
  "structural",
  "start",
  "start_qualifier",
  "end",
  "end_qualifier",
  "date_label",
  "first",
  "last",
  "ended",
  "summary",
  "date_note",
  "note",
  "citation_count",
  "citations",
  "works",
] as const;

export type NodeColumn = (typeof NODE_COLUMNS)[number];
export type EdgeColumn = (typeof EDGE_COLUMNS)[number];

const BOM = "\uFEFF";
const CRLF = "\r\n";

type Cell = string | number | boolean | null;

/** One field: null is empty, booleans are true/false, text is guarded and quoted when needed. */
export function csvField(value: Cell): string {
  if (value === null) return "";
  const text = guardFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table in pieces (header, then one per row), so a server can stream it. */
function* table<C extends string, T>(columns: readonly C[], rows: Iterable<T>, cells: (row: T) => Record<C, Cell>): Generator<string> {
  yield BOM + columns.join(",") + CRLF;
  for (const row of rows) {
    const values = cells(row);
    yield columns.map((c) => csvField(values[c])).join(",") + CRLF;
  }
}

function nodeCells(n: ExportNode): Record<NodeColumn, Cell> {
  return {
    id: n.id,
    label: n.label,
    name: n.name,
    kind: n.kind,
    kind_label: n.kindLabel,
    names: namesText(n.names),
    ended: n.ended,
    description: n.description,
  };
}

function edgeCells(e: ExportEdge): Record<EdgeColumn, Cell> {
  return {
    id: e.id,
    source: e.source,
    source_label: e.sourceLabel,
    target: e.target,
    target_label: e.targetLabel,
    ...edgeFields(e),
    citation_count: e.citations.length,
    citations: citationsText(e.citations),
    works: worksText(e.citations),
  };
}

export const nodesCsvChunks = (net: ExportNetwork) => table(NODE_COLUMNS, net.nodes, nodeCells);
export const edgesCsvChunks = (net: ExportNetwork) => table(EDGE_COLUMNS, net.edges, edgeCells);

export function nodesCsv(net: ExportNetwork): string {
  return [...nodesCsvChunks(net)].join("");
}

export function edgesCsv(net: ExportNetwork): string {
  return [...edgesCsvChunks(net)].join("");
}
