/**
 * Builds the Cytoscape elements for one window from plain rows: which actors appear, under which
 * name, and how each relationship is labelled. Pure, so it runs in tests without a database.
 */
import { boundOf, formatOccurrence, formatSpan, type IsoDay, type Window } from "../model/dates";
import { nameAt, type DatedName } from "../model/actor-names";
import type { ApiGraph, GraphEdge, GraphNode } from "../api/types";
import { RELATIONSHIP_TYPES, type ActorKind, type Certainty, type Polarity, type RelationshipType } from "../model/vocabulary";

export interface GraphActorRow {
  id: string;
  kind: string;
  name: string;
  short: string | null;
  names: (DatedName & { isAlias: boolean })[];
}

export interface GraphRelationshipRow {
  id: string;
  fromId: string;
  toId: string;
  type: string;
  polarity: string;
  certainty: string;
  startDate: string | null;
  startQualifier: string | null;
  endDate: string | null;
  endQualifier: string | null;
  spanStart: IsoDay | null;
  spanEnd: IsoDay | null;
  citations: number;
}

export interface GraphEventRow {
  id: string;
  title: string;
  kind: string;
  startDate: string;
  startQualifier: string;
  endDate: string | null;
  endQualifier: string | null;
  spanStart: IsoDay;
  spanEnd: IsoDay;
  participants: string[];
}

/**
 * Nodes are the actors at either end of a relationship active in the window, and those taking part
 * in an event within it; each is labelled with its name in force then.
 */
export function buildGraph(
  window: Window,
  actors: GraphActorRow[],
  relationships: GraphRelationshipRow[],
  events: GraphEventRow[],
  /** The stored layout (lib/server/store/layout.ts): each node is drawn where it says. */
  positions?: ReadonlyMap<string, { x: number; y: number }>,
): Pick<ApiGraph, "elements" | "events"> {
  const present = new Set<string>();
  for (const r of relationships) present.add(r.fromId).add(r.toId);
  for (const e of events) e.participants.forEach((a) => present.add(a));

  const nodes: GraphNode[] = actors
    .filter((a) => present.has(a.id))
    .map((a) => {
      const { name, short } = nameAt(a, a.names.filter((n) => !n.isAlias), window);
      const position = positions?.get(a.id);
      return { data: { id: a.id, label: short ?? name, name, short, kind: a.kind as ActorKind }, ...(position ? { position: { x: position.x, y: position.y } } : {}) };
    });

  const edges: GraphEdge[] = relationships.map((r) => {
    const type = r.type as RelationshipType;
    return {
      data: {
        id: r.id,
        source: r.fromId,
        target: r.toId,
        type,
        polarity: r.polarity as Polarity,
        certainty: r.certainty as Certainty,
        structural: RELATIONSHIP_TYPES[type].structural,
        label: RELATIONSHIP_TYPES[type].label,
        dateLabel: formatSpan(boundOf(r.startDate, r.startQualifier), boundOf(r.endDate, r.endQualifier)),
        first: r.spanStart,
        last: r.spanEnd,
        citations: r.citations,
      },
    };
  });

  return {
    elements: { nodes, edges },
    events: events.map((e) => ({
      id: e.id,
      title: e.title,
      kind: e.kind as ApiGraph["events"][number]["kind"],
      dateLabel: formatOccurrence(boundOf(e.startDate, e.startQualifier)!, boundOf(e.endDate, e.endQualifier)),
      first: e.spanStart,
      last: e.spanEnd,
      participants: e.participants,
    })),
  };
}
