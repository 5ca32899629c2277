/**
 * The columns a spreadsheet import reads, under the names people already use in Kumu, Gephi and
 * Flourish. Headers are matched without regard to case, spaces, hyphens or underscores ("Date note",
 * "date_note" and "dateNote" are one column). docs/import.md lists them.
 *
 * One name means two things: Gephi calls the ends of an edge Source and Target, while our own
 * `source` is the work a relationship cites. In an edges file with a `from` column, `source` is the
 * cited work; in one without `from` but with `target`, Source and Target are the ends (and the cited
 * work goes in a `citation` column).
 */

/** One problem, named as a spreadsheet user finds it: file, row (header = 1), column and the cell's text. */
export interface Refusal {
  file: string;
  /** null for a problem with the whole file. */
  row: number | null;
  /** The column as the file's header writes it; null for a problem with the whole row. */
  column: string | null;
  value: string;
  message: string;
}

/** `edges.csv row 14, column "start": cannot read ...`, as the CLI prints it. */
export function formatRefusal(r: Refusal): string {
  return `${r.file}${r.row !== null ? ` row ${r.row}` : ""}${r.column !== null ? `, column "${r.column}"` : ""}: ${r.message}`;
}

export const NODE_COLUMNS = ["id", "label", "type", "aliases", "description", "start", "end"] as const;
export const EDGE_COLUMNS = ["id", "from", "to", "type", "label", "start", "end", "certainty", "polarity", "summary", "source", "pages", "note", "dateNote"] as const;
export const SOURCE_COLUMNS = ["id", "author", "title", "date", "url", "citedAs", "outlet", "kind", "details", "notes"] as const;
export type NodeColumn = (typeof NODE_COLUMNS)[number];
export type EdgeColumn = (typeof EDGE_COLUMNS)[number];
export type SourceColumn = (typeof SOURCE_COLUMNS)[number];

export interface ColumnSpec<C extends string> {
  /** What each normalised header means, given the whole header. */
  names: (headers: Set<string>) => Record<string, C>;
  /** Why the header cannot be read, or null: the columns the file must have. */
  required: (present: Set<C>) => string | null;
}

/** "Date_note", "date-note", "dateNote" → "datenote". */
export const normaliseHeader = (h: string) => h.trim().toLowerCase().replace(/[\s_\-.]+/g, "");

export const NODE_SPEC: ColumnSpec<NodeColumn> = {
  names: () => ({
    id: "id",
    label: "label",
    name: "label",
    type: "type",
    kind: "type",
    aliases: "aliases",
    alias: "aliases",
    alsoknownas: "aliases",
    description: "description",
    start: "start",
    end: "end",
  }),
  required: (present) => (present.has("id") || present.has("label") ? null : 'expected an "id" or a "label" column'),
};

export const EDGE_SPEC: ColumnSpec<EdgeColumn> = {
  names: (headers) => {
    const gephiEnds = !headers.has("from") && headers.has("target");
    return {
      id: "id",
      from: "from",
      to: "to",
      target: "to",
      ...(gephiEnds ? { source: "from" } : { source: "source" }),
      citation: "source",
      citedsource: "source",
      sourceid: "source",
      type: "type",
      relationship: "type",
      label: "label",
      start: "start",
      end: "end",
      certainty: "certainty",
      polarity: "polarity",
      summary: "summary",
      description: "summary",
      pages: "pages",
      page: "pages",
      note: "note",
      citationnote: "note",
      datenote: "dateNote",
    };
  },
  required: (present) => {
    const missing = (["from", "to"] as const).filter((c) => !present.has(c));
    if (missing.length) return `expected the columns "from" and "to" (or Gephi's "Source" and "Target"); missing ${missing.map((c) => `"${c}"`).join(" and ")}`;
    return present.has("type") || present.has("label") ? null : 'expected a "type" column (or Gephi\'s "Label") naming the kind of relationship';
  },
};

export const SOURCE_SPEC: ColumnSpec<SourceColumn> = {
  names: () => ({
    id: "id",
    author: "author",
    authors: "author",
    title: "title",
    date: "date",
    url: "url",
    link: "url",
    citedas: "citedAs",
    outlet: "outlet",
    publisher: "outlet",
    journal: "outlet",
    kind: "kind",
    type: "kind",
    details: "details",
    notes: "notes",
    note: "notes",
  }),
  required: (present) => (present.has("id") ? null : 'expected an "id" column'),
};

/**
 * Which column each header cell is (null for one we do not read), the headers ignored, and
 * refusals for a header that names one column twice or lacks a required one.
 */
export function matchColumns<C extends string>(file: string, header: string[], spec: ColumnSpec<C>) {
  const normalised = header.map(normaliseHeader);
  const meaning = spec.names(new Set(normalised));
  const columns: (C | null)[] = [];
  const ignored: string[] = [];
  const refused: Refusal[] = [];
  const seen = new Map<C, string>();
  header.forEach((raw, i) => {
    const column = Object.hasOwn(meaning, normalised[i]!) ? meaning[normalised[i]!]! : null;
    if (column === null) {
      if (raw.trim() !== "") ignored.push(raw.trim());
      columns.push(null);
      return;
    }
    const before = seen.get(column);
    if (before !== undefined) {
      refused.push({ file, row: 1, column: raw.trim(), value: raw, message: `the same column as "${before}"; keep one of them` });
    }
    seen.set(column, raw.trim());
    columns.push(column);
  });
  const missing = spec.required(new Set(seen.keys()));
  if (missing) refused.push({ file, row: 1, column: null, value: header.join(","), message: missing });
  return { columns, ignored, refused, headerOf: (c: C) => seen.get(c) ?? c };
}
