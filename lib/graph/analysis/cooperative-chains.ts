/**
 * "Only cooperative relationships" for the Paths tool. Belonging ties (leadership, membership, part
 * of) are not cooperation, so they are left out, and the panel says so. But a person or an organ
 * often reaches the other side only through the body it leads or belongs to (Bashar al-Assad leads
 * the government, whose intelligence services met ISI): when cooperative ties alone find no chain,
 * the chains that also pass through belonging ties are given instead, marked as such.
 */
import { SIDE_TYPES } from "../triangle";
import { shortestPaths, type PathResult } from "./paths";
import type { AnalysisGraph } from "./types";

export interface CooperativeChains {
  result: PathResult;
  /** The chains use belonging ties too, because cooperative ties alone found none. */
  throughBelonging: boolean;
  /** How many belonging ties of the drawn graph the cooperative search left out. */
  belongingLeftOut: number;
}

export function cooperativeChains(graph: AnalysisGraph, from: string, to: string, directed: boolean): CooperativeChains {
  const belonging = graph.edges.filter((e) => SIDE_TYPES.includes(e.type));
  const strict = shortestPaths(graph, from, to, { cooperativeOnly: true, directed });
  if (strict.hops !== null || belonging.length === 0) return { result: strict, throughBelonging: false, belongingLeftOut: belonging.length };
  const usable = { nodes: graph.nodes, edges: graph.edges.filter((e) => e.polarity === "cooperative" || SIDE_TYPES.includes(e.type)) };
  const wider = shortestPaths(usable, from, to, { cooperativeOnly: false, directed });
  return { result: wider.hops === null ? strict : wider, throughBelonging: wider.hops !== null, belongingLeftOut: belonging.length };
}

