/**
 * The works a figure cites: those behind what it highlights (a story step's ties and its own
 * sources, a chain, a comparison's marks, the selection), or, when nothing is highlighted, those
 * behind every tie drawn; the figure says which. Pure.
 */
export interface CitedWorks {
  works: string[];
  scope: "highlighted" | "drawn";
}

export function citedWorks(
  edges: readonly { id: string; highlighted?: boolean }[],
  worksOf: (relationshipId: string) => readonly string[],
  /** Works a reading tool adds for what it highlights beyond the ties drawn (a story step's own sources, ties that ended). */
  extra: readonly string[] = [],
): CitedWorks {
  const lit = edges.filter((e) => e.highlighted);
  const scope = lit.length ? "highlighted" : "drawn";
  // The tool's own works count either way: what ended in a comparison is drawn, and marked.
  const works = new Set<string>(extra);
  for (const e of scope === "highlighted" ? lit : edges) for (const w of worksOf(e.id)) works.add(w);
  return { works: [...works].sort((a, b) => a.localeCompare(b)), scope };
}

/** "https://example.org/?date=2009": the view's link as print needs it, whatever the page's own base. */
export function absoluteViewLink(base: string, query: string): string {
  const root = base.trim().replace(/\/+$/, "");
  return `${root}/${query ? `?${query}` : ""}`;
}

/** "2003, 2007, 2009 and 2014". */
export function listYears(years: readonly string[]): string {
  return years.length <= 1 ? (years[0] ?? "") : `${years.slice(0, -1).join(", ")} and ${years.at(-1)}`;
}

/**
 * Years the user typed for small multiples ("2003 2007, 2009;2014"): four-digit years, in order,
 * once each. An error names what is wrong.
 */
export function parseYears(input: string): { years: string[] } | { error: string } {
  const parts = input.split(/[\s,;/]+/).filter(Boolean);
  const bad = parts.find((p) => !/^\d{4}$/.test(p));
  if (bad) return { error: `"${bad}" is not a year (four digits, e.g. 2009)` };
  const years = [...new Set(parts)].sort();
  if (years.length > 12) return { error: "at most 12 years in one figure" };
  return { years };
}
