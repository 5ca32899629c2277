/**
 * What an open reading tool adds to the words around the view: the lines a picture carries under
 * its period (and the works those extra elements cite), and the column the table gives each
 * relationship. Pure, so the page, the picture and the table say the same, tested without a browser.
 */
import type { ApiStoryStep } from "../api/types";
import { formatPartialDate } from "../model/dates";
import type { EdgeMark, GraphDiff } from "../graph/analysis/compare";
import { MEASURES, type MeasureName } from "../graph/analysis/measures";
import type { PathResult } from "../graph/analysis/paths";
import { CHANGE_MARKS } from "../graph/style";
import type { PathQuery, Tool } from "./state";

export interface ReadingState {
  tool: Tool | null;
  /** The story step shown, and how many steps there are. */
  step: ApiStoryStep | null;
  stepCount: number;
  /** The comparison (tool "compare") and its earlier date. */
  diff: GraphDiff | null;
  base: string | null;
  path: PathQuery;
  pathResult: PathResult | null;
  size: MeasureName | null;
  actorName(id: string): string;
  /** How each work a relationship rests on is cited ("Neumann 2014"). */
  worksOf(relationshipId: string): string[];
}

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

const MARK_WORDS: Record<EdgeMark, string> = {
  added: CHANGE_MARKS.added.label,
  removed: CHANGE_MARKS.removed.label,
  "changed-after": CHANGE_MARKS.changed.label,
  "changed-before": CHANGE_MARKS.was.label,
  kept: "Held at both",
};

/** The picture's extra header lines and the works its extra elements cite; null when nothing is added. */
export function pictureNotes(r: ReadingState): { notes: string[]; worksCited: string[] } | null {
  const notes: string[] = [];
  const cited = new Set<string>();
  if (r.tool === "story" && r.step) {
    notes.push(`Story, step ${r.step.number} of ${r.stepCount}: ${r.step.title}`);
    r.step.citations.forEach((c) => cited.add(c.source.citedAs));
  } else if (r.tool === "compare" && r.diff && r.base) {
    const d = r.diff;
    notes.push(`Compared with ${formatPartialDate(r.base)}: ${d.added.length} appeared, ${d.removed.length} ended, ${d.changed.length} changed (marked)`);
    // Relationships only of the earlier date are drawn too, so their works are cited as well.
    for (const id of [...d.removed, ...d.changed.flatMap((c) => c.before.map((e) => e.id))]) r.worksOf(id).forEach((w) => cited.add(w));
  } else if (r.tool === "paths" && r.pathResult && r.path.from && r.path.to) {
    const options = [r.path.cooperative && "cooperative relationships only", r.path.directed && "along the arrows"].filter(Boolean);
    const how = options.length ? ` (${options.join(", ")})` : "";
    const ends = `${r.actorName(r.path.from)} to ${r.actorName(r.path.to)}`;
    const res = r.pathResult;
    notes.push(res.hops === null ? `No chain from ${ends}${how}` : `Shortest chains from ${ends}: ${count(res.hops, "step")}, ${count(res.paths.length, "chain")} highlighted${how}`);
  }
  if (r.size) notes.push(`Actors sized by ${MEASURES[r.size].label.toLowerCase()}`);
  return notes.length ? { notes, worksCited: [...cited].sort((a, b) => a.localeCompare(b)) } : null;
}

/** The table's extra column: each relationship's change between the dates, or the step's or chains' highlights. */
export function relationshipMarks(r: ReadingState): { title: string; of: Map<string, string> } | null {
  if (r.tool === "compare" && r.diff) return { title: "Between the dates", of: new Map([...r.diff.marks].map(([id, m]) => [id, MARK_WORDS[m]])) };
  if (r.tool === "story" && r.step) return { title: "In this step", of: new Map(r.step.relationships.map((id) => [id, "Highlighted"])) };
  if (r.tool === "paths" && r.pathResult && r.pathResult.hops !== null) return { title: "On a chain", of: new Map(r.pathResult.edges.map((id) => [id, "Highlighted"])) };
  return null;
}
