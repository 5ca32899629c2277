/**
 * The input shared by the network analyses (comparison, shortest paths, centrality): just the
 * actors and the fields of each relationship they depend on, so they run on API data, a saved
 * file or a hand-made test graph alike.
 */
import type { Certainty, Polarity, RelationshipType } from "../vocabulary";

/** One relationship as the analyses need it: a subset of GraphEdge["data"] in lib/api-types.ts. */
export interface AnalysisEdge {
  id: string;
  source: string;
  target: string;
  type: RelationshipType;
  polarity: Polarity;
  certainty: Certainty;
}

export interface AnalysisGraph {
  nodes: string[];
  edges: AnalysisEdge[];
}
