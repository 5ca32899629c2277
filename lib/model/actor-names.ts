/**
 * Which name an actor goes by at a date. Kept apart from the queries so the explorer can call the
 * same rule when it relabels nodes as the slider moves.
 */
import { overlaps, periodOf, type IsoDay, type Window } from "./dates";

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

/** A name as the routes give it: its start and end as written (partial dates), null where open. */
export interface WrittenName {
  name: string;
  short: string | null;
  start: { date: string } | null;
  end: { date: string } | null;
}

/** An actor with its dated names, as /api/actors gives it. */
export interface NamedActor {
  name: string;
  short: string | null;
  names: readonly WrittenName[];
}

/** The written names as spans, for `nameAt`. */
export function datedNames(names: readonly WrittenName[]): DatedName[] {
  return names.map((n) => ({
    name: n.name,
    short: n.short,
    spanStart: n.start ? periodOf(n.start.date).first : null,
    spanEnd: n.end ? periodOf(n.end.date).last : null,
  }));
}

/** The index in `actor.names` of the name in force in the window, by `nameAt`'s rule; -1 when none is. */
export function currentNameIndex(actor: NamedActor, w: Window): number {
  const dated = datedNames(actor.names);
  let best = -1;
  dated.forEach((n, i) => {
    if (overlaps(n, w) && (best < 0 || (n.spanStart ?? "") > (dated[best]!.spanStart ?? ""))) best = i;
  });
  return best;
}

/** The name in force in the window, full and short. */
export function actorNameIn(actor: NamedActor, w: Window): { name: string; short: string | null } {
  return nameAt(actor, datedNames(actor.names), w);
}

/** The graph's label for the actor in the window: the short form where it has one. */
export function actorLabelIn(actor: NamedActor, w: Window): string {
  const n = actorNameIn(actor, w);
  return n.short ?? n.name;
}

/**
 * The window in which to name the two ends of a tie seen from a view: the part of the tie's span
 * that lies in the view's window, or the tie's own span when it does not reach the view (a tie
 * that ended in 2007 keeps the names of 2007 when the view is 2014).
 */
export function tieWindow(tie: { first: IsoDay | null; last: IsoDay | null }, view: Window): Window {
  const first = maxDay(tie.first, view.first);
  const last = minDay(tie.last, view.last);
  if (first !== null && last !== null && first > last) return { first: tie.first, last: tie.last };
  return { first, last };
}

const maxDay = (a: IsoDay | null, b: IsoDay | null) => (a === null ? b : b === null ? a : a > b ? a : b);
const minDay = (a: IsoDay | null, b: IsoDay | null) => (a === null ? b : b === null ? a : a < b ? a : b);

/**
 * The name in the window with the rest of the lineage in order, in short forms:
 * "AQI (2005), earlier JTJ, later ISI, ISIS, IS". Null for an actor with one name or none.
 */
export function nameHistory(actor: NamedActor, w: Window, when: string): string | null {
  if (actor.names.length < 2) return null;
  const i = currentNameIndex(actor, w);
  if (i < 0) return null;
  const short = (n: WrittenName) => n.short ?? n.name;
  const earlier = actor.names.slice(0, i).map(short);
  const later = actor.names.slice(i + 1).map(short);
  return [
    `${short(actor.names[i]!)} (${when})`,
    earlier.length ? `earlier ${earlier.join(", ")}` : null,
    later.length ? `later ${later.join(", ")}` : null,
  ]
    .filter(Boolean)
    .join(", ");
}
