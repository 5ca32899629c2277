/**
 * One way of naming actors for a view, so every list, panel and picture calls an actor what the
 * graph calls it: the name it bore at the view's date, and for a tie, the name it bore while the
 * tie held (a tie that ended in 2007 reads "ISI" on a 2014 view, not "IS").
 */
import type { ApiActor } from "../api/types";
import { actorLabelIn, tieWindow, type NamedActor } from "../model/actor-names";
import type { IsoDay, Window } from "../model/dates";

export interface Tie {
  from: { id: string };
  to: { id: string };
  span: { first: IsoDay | null; last: IsoDay | null };
}

export interface ActorNaming {
  /** The actor's label in the view's window (or the window given). */
  actorName(id: string, w?: Window): string;
  /** The label of one end of a tie, in the part of the view's window where the tie held. */
  tieEndName(tie: Tie["span"], id: string): string;
}

/**
 * `fallback` names an actor the list does not hold yet (the graph's own label while /api/actors loads).
 */
export function actorNaming(actors: readonly Pick<ApiActor, "id" | "name" | "short" | "names">[] | null, view: Window | null, fallback: (id: string) => string): ActorNaming {
  const byId = new Map<string, NamedActor>((actors ?? []).map((a) => [a.id, a]));
  const actorName = (id: string, w: Window | null = view) => {
    const a = byId.get(id);
    return a && w ? actorLabelIn(a, w) : fallback(id);
  };
  return {
    actorName: (id, w) => actorName(id, w ?? view),
    tieEndName: (span, id) => actorName(id, view ? tieWindow(span, view) : null),
  };
}
