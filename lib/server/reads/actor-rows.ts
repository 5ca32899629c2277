import "server-only";

import type { GraphActorRow } from "../../graph/elements";

/** An actor's row joined to one of its names (or to none, when it has no dated names). */
export type ActorJoinRow = Omit<GraphActorRow, "names"> & {
  nName: string | null;
  nShort: string | null;
  nIsAlias: number | bigint | boolean | null;
  nSpanStart: string | null;
  nSpanEnd: string | null;
};

/** Actor rows joined to their names (one row per name, in order) folded into one actor each. */
export function actorsWithNames(actorRows: ActorJoinRow[]): GraphActorRow[] {
  const actors: GraphActorRow[] = [];
  for (const { nName, nShort, nIsAlias, nSpanStart, nSpanEnd, ...a } of actorRows) {
    let last = actors.at(-1);
    if (last?.id !== a.id) {
      last = { ...a, names: [] };
      actors.push(last);
    }
    if (nName !== null) last.names.push({ name: nName, short: nShort, isAlias: Boolean(Number(nIsAlias)), spanStart: nSpanStart, spanEnd: nSpanEnd });
  }
  return actors;
}
