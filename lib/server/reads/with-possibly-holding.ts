import "server-only";
/** Joins what possibly still holds (possibly-holding.ts) to a window's graph rows, each actor and relationship once. */
import type { Window } from "../../model/dates";
import type { GraphActorRow, GraphEventRow, GraphRelationshipRow } from "../../graph/elements";
import { readPossiblyHolding } from "./possibly-holding";

interface Rows {
  actors: GraphActorRow[];
  relationships: GraphRelationshipRow[];
  events: GraphEventRow[];
}

export function withPossiblyHolding(w: Window, rows: Rows): Rows & { possibly: Set<string> } {
  const extra = readPossiblyHolding(w);
  const haveActors = new Set(rows.actors.map((a) => a.id));
  const haveRelationships = new Set(rows.relationships.map((r) => r.id));
  const added = extra.relationships.filter((r) => !haveRelationships.has(r.id));
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    ...rows,
    actors: [...rows.actors, ...extra.actors.filter((a) => !haveActors.has(a.id))].sort(byId),
    relationships: [...rows.relationships, ...added].sort(byId),
    possibly: new Set(added.map((r) => r.id)),
  };
}
