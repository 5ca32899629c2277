/**
 * What an export says about itself: its title, the period it shows, the filters in force, and the
 * file name. One place, so a picture made in the browser, a file from /api/export and an image from
 * `npm run snapshot` of the same view carry the same words and the same name.
 */
import { formatPartialDate } from "../model/dates";
import type { ViewFilters } from "../view/state";
import { ACTOR_KINDS, CERTAINTY_LABELS, POLARITIES, RELATIONSHIP_TYPES } from "../model/vocabulary";

export const EXPORT_TITLE = "Assad, the Baathists and the jihadists";
/** File names start with it: short, and says whose network it is. */
export const FILE_STEM = "assad-baathist-jihadist";

export interface ExportWindow {
  at: string | null;
  from: string | null;
  to: string | null;
}

/** "2009", "Up to 2009", "2005 to 2009", "From 2005", or "All years" for the whole dataset. */
export function periodLabel(w: ExportWindow): string {
  if (w.at) return formatPartialDate(w.at);
  if (w.from && w.to) return `${formatPartialDate(w.from)} to ${formatPartialDate(w.to)}`;
  if (w.to) return `Up to ${formatPartialDate(w.to)}`;
  if (w.from) return `From ${formatPartialDate(w.from)}`;
  return "All years";
}

const FILTER_WORDS: { [K in keyof ViewFilters]: { title: string; label(v: string): string } } = {
  types: { title: "Relationship types", label: (v) => RELATIONSHIP_TYPES[v as keyof typeof RELATIONSHIP_TYPES]?.label ?? v },
  polarities: { title: "Polarity", label: (v) => POLARITIES[v as keyof typeof POLARITIES] ?? v },
  certainties: { title: "Certainty", label: (v) => CERTAINTY_LABELS[v as keyof typeof CERTAINTY_LABELS] ?? v },
  kinds: { title: "Actor kinds", label: (v) => ACTOR_KINDS[v as keyof typeof ACTOR_KINDS] ?? v },
};

/** One line per active filter, "Certainty: Documented, Reported"; none when all is shown. */
export function filterLines(filters: ViewFilters): string[] {
  return (Object.keys(FILTER_WORDS) as (keyof ViewFilters)[]).flatMap((name) => {
    const list = filters[name];
    if (list === null) return [];
    const words = FILTER_WORDS[name];
    return [`${words.title}: ${list.length ? list.map(words.label).join(", ") : "none"}`];
  });
}

const slugPart = (date: string) => date.toLowerCase();

/**
 * "assad-baathist-jihadist-2009", "…-up-to-2009", "…-2005-to-2009", "…-all-years"; "-filtered"
 * when filters hide part of it and "-focus-ACTOR" for one actor's neighbourhood, so two files of
 * the same year that show different things never share a name.
 */
export function exportFileStem(w: ExportWindow, opts: { filtered: boolean; focus: string | null }): string {
  const period = w.at
    ? slugPart(w.at)
    : w.from && w.to
      ? `${slugPart(w.from)}-to-${slugPart(w.to)}`
      : w.to
        ? `up-to-${slugPart(w.to)}`
        : w.from
          ? `from-${slugPart(w.from)}`
          : "all-years";
  return [FILE_STEM, period, opts.filtered ? "filtered" : null, opts.focus ? `focus-${opts.focus}` : null].filter(Boolean).join("-");
}

export type ExportKind = "png" | "svg" | "json" | "graphml" | "gexf" | "nodes-csv" | "edges-csv" | "bundle";

/**
 * The file name for one kind of export of a view: `…-2009.png`, `…-2009@2x.png`,
 * `…-2009-relationships-v12.csv`. A CSV names the dataset version it was read at (when given): a
 * table has no place inside for it, and two tables of the same view from different states of the
 * data must not share a name.
 */
export function exportFileName(stem: string, kind: ExportKind, opts: { scale?: number; datasetVersion?: number } = {}): string {
  const version = opts.datasetVersion === undefined ? "" : `-v${opts.datasetVersion}`;
  switch (kind) {
    case "png":
      return `${stem}${opts.scale && opts.scale !== 1 ? `@${opts.scale}x` : ""}.png`;
    case "json":
      return `${stem}.cyjs`;
    case "nodes-csv":
      return `${stem}-actors${version}.csv`;
    case "edges-csv":
      return `${stem}-relationships${version}.csv`;
    case "bundle":
      return `${FILE_STEM}-dataset.json`;
    default:
      return `${stem}.${kind}`;
  }
}
