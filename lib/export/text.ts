/**
 * The one-string forms every export format writes for lists: citations, full references and dated
 * names. Kept here so GraphML, GEXF and CSV say the same thing in the same words.
 */
import { formatCitation } from "../model/citations";
import { formatPartialDate } from "../model/dates";
import type { ExportCitation, ExportName } from "./network";

/** "Neumann 2014, p. 20" (pp. for a range, as everywhere in the explorer). */
export function citationText(c: ExportCitation): string {
  return formatCitation({ pages: c.pages, source: { citedAs: c.citedAs } });
}

/** "Neumann 2014, p. 20; Weiss and Hassan 2015". */
export function citationsText(citations: readonly ExportCitation[]): string {
  return citations.map(citationText).join("; ");
}

/** "A", "A and B", "A; B and C": authors as written in the source list ("Neumann, Peter"), as the citation panel joins them. */
function joinAuthors(authors: readonly string[]): string {
  if (authors.length <= 1) return authors[0] ?? "";
  return `${authors.slice(0, -1).join("; ")} and ${authors[authors.length - 1]}`;
}

/** "Neumann, Peter (2014). The New Jihadism. ICSR, p. 20": the full reference, with the cited pages. */
export function workReference(c: ExportCitation): string {
  const authors = joinAuthors(c.authors);
  const date = c.date ? `(${formatPartialDate(c.date)})` : "";
  const head = [authors, date].filter(Boolean).join(" ");
  const title = c.outlet && !/[.?!]$/.test(c.title) ? `${c.title}. ${c.outlet}` : c.outlet ? `${c.title} ${c.outlet}` : c.title;
  // Same page rule as formatCitation: "p. 20", "pp. 20-21".
  const pages = c.pages ? `, ${/[-–,]/.test(c.pages) ? "pp." : "p."} ${c.pages}` : "";
  return `${head ? `${head}. ` : ""}${title}${pages}`;
}

/** Full references joined with " | " (a reference itself contains ";" and "."). */
export function worksText(citations: readonly ExportCitation[]): string {
  return citations.map(workReference).join(" | ");
}

/** "AQI (2004-10-01 – 2006-10-14)"; an open side is written "…" at the start and "open" at the end. */
export function nameText(n: ExportName): string {
  return `${n.short ?? n.name} (${n.first ?? "…"} – ${n.last ?? "open"})`;
}

/** "AQI (… – 2006-10-31); ISI (2006-10-01 – 2013-04-30)"; empty when the actor kept one name. */
export function namesText(names: readonly ExportName[]): string {
  return names.map(nameText).join("; ");
}
