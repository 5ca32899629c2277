/**
 * A dataset written as the spreadsheet a Kumu, Gephi or Flourish user keeps (nodes.csv, edges.csv,
 * sources.csv; one row per actor, per source and per citation of a tie; dates as people write them),
 * for the import's tests and its benchmark (scripts/bench-import-spreadsheet.ts).
 */
import type { Dataset } from "../../lib/dataset/schema";
import type { SpreadsheetFiles } from "../../lib/dataset/spreadsheet-plan";
import { writeHumanDate } from "../../lib/model/human-dates";

/** RFC 4180: every cell quoted, quotes doubled, CRLF between rows. */
export const csvText = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\r\n") + "\r\n";

export function spreadsheetOf(d: Dataset): Required<SpreadsheetFiles> {
  const nodes = [["Id", "Label", "Type", "Aliases", "Description"], ...d.actors.map((a) => [a.id, a.name, a.kind, a.aliases.join("; "), a.description])];
  const sources = [
    ["id", "author", "title", "date", "url", "cited as", "outlet", "kind"],
    ...d.sources.map((s) => [s.id, s.authors.join("; "), s.title, s.date ?? "", s.url ?? "", s.citedAs, s.outlet ?? "", s.kind]),
  ];
  const edges = [
    ["id", "from", "to", "type", "start", "end", "certainty", "polarity", "summary", "date note", "source", "pages", "note"],
    ...d.relationships.flatMap((r) =>
      r.citations.map((c, i) =>
        i === 0
          ? [r.id, r.from, r.to, r.type, writeHumanDate(r.start), writeHumanDate(r.end), r.certainty, r.polarity ?? "", r.summary, r.dateNote ?? "", c.source, c.pages ?? "", c.note]
          : [r.id, "", "", "", "", "", "", "", "", "", c.source, c.pages ?? "", c.note],
      ),
    ),
  ];
  return {
    nodes: { name: "nodes.csv", text: csvText(nodes) },
    edges: { name: "edges.csv", text: csvText(edges) },
    sources: { name: "sources.csv", text: csvText(sources) },
  };
}
