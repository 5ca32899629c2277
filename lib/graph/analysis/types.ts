/**
 * The input shared by the network analyses (comparison, shortest paths, centrality): just the
 * actors and the fields of each relationship they depend on, so they run on API data, a saved
 * file or a hand-made test graph alike.
 */
import type { GraphEdge } from "../../api/types";

/** One relationship as the analyses need it: the API's graph edge, without what they never read. */
export type AnalysisEdge = Pick<GraphEdge["data"], "id" | "source" | "target" | "type" | "polarity" | "certainty">;

export interface AnalysisGraph {
  nodes: string[];
  edges: AnalysisEdge[];
}
