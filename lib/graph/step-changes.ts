/**
 * What changed since the slider's previous step, from the comparison's marks (analysis/compare.ts,
 * with the previous step as the earlier date): the count by the date ("+3 / −5 since 2010") and
 * the step's line in words, made from the data ("2011: General amnesty; 4 ties began, 2 ended").
 */
import type { GraphDiff } from "./analysis/compare";

export interface StepChanges {
  /** The previous step's date, as the slider writes it. */
  since: string;
  /** Relationships drawn now and not at the previous step (a changed pair's new version too). */
  began: string[];
  /** Relationships drawn at the previous step and not now (a changed pair's old version too). */
  ended: string[];
}

export function stepChanges(diff: GraphDiff, since: string): StepChanges {
  const began: string[] = [];
  const ended: string[] = [];
  for (const [id, mark] of diff.marks) {
    if (mark === "added" || mark === "changed-after") began.push(id);
    else if (mark === "removed" || mark === "changed-before") ended.push(id);
  }
  return { since, began: began.sort(), ended: ended.sort() };
}

/** "+3 / −5 since 2010" (a true minus sign). */
export const changeCount = (c: StepChanges, sinceLabel: string) => `+${c.began.length} / −${c.ended.length} since ${sinceLabel}`;

const ties = (n: number, verb: string) => `${n} ${n === 1 ? "tie" : "ties"} ${verb}`;

/**
 * The step in one line: the date, its events, and how many ties began and ended, e.g.
 * "2011: General amnesty; Syrian uprising; 4 ties began, 2 ended". Nothing changed: "no tie began or ended".
 */
export function stepLine(dateLabel: string, events: readonly { title: string }[], c: StepChanges): string {
  const parts = events.map((e) => e.title);
  const b = c.began.length;
  const e = c.ended.length;
  const counts = b && e ? `${ties(b, "began")}, ${e} ended` : b ? ties(b, "began") : e ? ties(e, "ended") : "no tie began or ended";
  return `${dateLabel}: ${[...parts, counts].join("; ")}`;
}
