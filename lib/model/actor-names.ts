/**
 * Which name an actor goes by at a date. Kept apart from the queries so the explorer can call the
 * same rule when it relabels nodes as the slider moves.
 */
import { overlaps, type IsoDay, type Window } from "./dates";

export interface DatedName {
  name: string;
  short: string | null;
  spanStart: IsoDay | null;
  spanEnd: IsoDay | null;
}

/**
 * The dated name in force in the window: among names whose period overlaps it, the one that began
 * last (so in a year of renaming, the new name wins); the actor's own name when none overlaps.
 */
export function nameAt(actor: { name: string; short: string | null }, names: DatedName[], w: Window): { name: string; short: string | null } {
  let best: DatedName | null = null;
  for (const n of names) {
    if (!overlaps(n, w)) continue;
    if (best === null || (n.spanStart ?? "") > (best.spanStart ?? "")) best = n;
  }
  return best ? { name: best.name, short: best.short } : { name: actor.name, short: actor.short };
}
