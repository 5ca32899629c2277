import type { ApiCitation } from "../api/types";

/** "Felter and Fishman 2007, p. 20": how a citation reads in running text. */
export function formatCitation(c: Pick<ApiCitation, "pages"> & { source: { citedAs: string } }): string {
  if (!c.pages) return c.source.citedAs;
  return `${c.source.citedAs}, ${/[-–,]/.test(c.pages) ? "pp." : "p."} ${c.pages}`;
}

export function formatCitations(list: Parameters<typeof formatCitation>[0][]): string {
  return list.map(formatCitation).join("; ");
}
