/**
 * How central each actor is in a network: partners, relationships, and degree and betweenness
 * centrality (betweenness from Cytoscape, headless), plus the plain-English names the UI shows for
 * them. Both centralities use networkx's standard normalisation (by the size of the graph, not by
 * its top scorer), so a value means the same thing on any date.
 */
import cytoscape from "cytoscape";
import type { AnalysisGraph } from "./types";

export interface ActorMeasure {
  id: string;
  /** Distinct actors it has a relationship with. */
  partners: number;
  /** Relationships touching it, parallel ones counted. */
  relationships: number;
  /**
   * Degree centrality: partners / (n - 1), with n the actors in the graph (isolated ones included):
   * the share of the other actors it is tied to, 0..1 (0 when n <= 1). As networkx.degree_centrality on the simple undirected graph.
   */
  degree: number;
  /**
   * Betweenness centrality: the share of the (n - 1)(n - 2) / 2 pairs of other actors whose shortest
   * chains pass through it, a pair split over several equally short chains counting in part, 0..1
   * (0 when n <= 2). As networkx.betweenness_centrality(normalized=True) on the simple undirected graph.
   */
  betweenness: number;
}

export const MEASURES = {
  degree: {
    label: "Degree centrality",
    description: "Share of the other actors shown that it deals with directly (0 to 1)",
  },
  betweenness: {
    label: "Betweenness",
    description:
      "How often an actor lies on the shortest chains between two others: a broker. The share of all pairs of other actors whose shortest chains pass through it (0 to 1)",
  },
  partners: {
    label: "Partners",
    description: "How many different actors it has at least one relationship with.",
  },
  relationships: {
    label: "Relationships",
    description: "How many relationships it takes part in, several with the same actor counted separately.",
  },
} as const satisfies Record<Exclude<keyof ActorMeasure, "id">, { label: string; description: string }>;

export type MeasureName = keyof typeof MEASURES;

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function actorMeasures(graph: AnalysisGraph): ActorMeasure[] {
  const actors = [...new Set(graph.nodes)].sort(byString);
  const known = new Set(actors);
  const relationships = new Map(actors.map((id) => [id, 0]));
  const partners = new Map(actors.map((id) => [id, new Set<string>()]));
  for (const e of graph.edges) {
    if (!known.has(e.source) || !known.has(e.target)) continue;
    relationships.set(e.source, relationships.get(e.source)! + 1);
    if (e.target === e.source) continue;
    relationships.set(e.target, relationships.get(e.target)! + 1);
    partners.get(e.source)!.add(e.target);
    partners.get(e.target)!.add(e.source);
  }

  // Centrality runs on the simple undirected graph: two relationships between the same actors are
  // one tie, not two shortest paths or two units of degree. Each tie is added once, from its
  // lesser end; Cytoscape names the edges so relationship and actor ids cannot clash.
  const ties = actors.flatMap((a) =>
    [...partners.get(a)!].filter((b) => a < b).map((b) => ({ group: "edges" as const, data: { source: a, target: b } })),
  );
  const cy = cytoscape({ headless: true, styleEnabled: false, elements: [...actors.map((id) => ({ group: "nodes" as const, data: { id } })), ...ties] });
  const n = actors.length;
  // Cytoscape's undirected betweenness runs Brandes' algorithm from every actor as source, so each
  // unordered pair is counted twice, once from either end (a-b-c-d gives b 4 for its 2 pairs, a-c
  // and a-d). networkx halves that and divides by the (n - 1)(n - 2) / 2 pairs of other actors:
  // together, raw / ((n - 1)(n - 2)). Divided rather than multiplied by a reciprocal, so each value
  // is its fraction correctly rounded: b's 4 / 6 is the same number as 2 / 3.
  const ofPairs = (raw: number) => (n > 2 ? raw / ((n - 1) * (n - 2)) : 0);
  const ofOthers = (count: number) => (n > 1 ? count / (n - 1) : 0);
  try {
    // Called on all elements, not just nodes: Cytoscape counts only the edges in the calling collection.
    const betweenness = cy.elements().betweennessCentrality({ directed: false });
    return actors.map((id) => {
      const node = cy.getElementById(id);
      return {
        id,
        partners: partners.get(id)!.size,
        relationships: relationships.get(id)!,
        degree: ofOthers(partners.get(id)!.size),
        betweenness: ofPairs(betweenness.betweenness(node)),
      };
    });
  } finally {
    cy.destroy();
  }
}

/** Each actor's value of one measure as a share of the highest (all 0 when the highest is 0), for node size. */
export function measureScale(measures: ActorMeasure[], name: MeasureName): Map<string, number> {
  const max = Math.max(0, ...measures.map((m) => m[name]));
  return new Map(measures.map((m) => [m.id, max > 0 ? m[name] / max : 0]));
}
