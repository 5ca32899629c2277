/**
 * Where actors sit. The layout is settled once over every actor and relationship in the dataset,
 * whatever the date, so stepping through the years never moves anyone: the Assad government found
 * in 2003 is in the same place in 2015. It is deterministic (fixed start, fixed canvas, no random
 * start, run to convergence without animation), so the same link draws the same picture on any
 * screen.
 */
import type { GraphEdge, GraphNode } from "./api-types";

/** The canvas the layout works in, independent of the window, so phones and desktops agree. */
export const LAYOUT_BOX = { x1: 0, y1: 0, w: 1400, h: 1000 } as const;

/** Start positions: a circle in id order. */
export function startPositions(nodes: Pick<GraphNode, "data">[]): Map<string, { x: number; y: number }> {
  const ids = nodes.map((n) => n.data.id).sort();
  const cx = LAYOUT_BOX.w / 2;
  const cy = LAYOUT_BOX.h / 2;
  const r = Math.min(cx, cy) * 0.8;
  return new Map(
    ids.map((id, i) => {
      const a = (2 * Math.PI * i) / ids.length;
      return [id, { x: Math.round(cx + r * Math.cos(a)), y: Math.round(cy + r * Math.sin(a)) }];
    }),
  );
}

/** Membership and parts pull tight; ties between separate actors get room for their labels. */
export function edgeLength(edge: Pick<GraphEdge, "data">): number {
  return edge.data.structural ? 70 : 125;
}

/**
 * Options for cytoscape-cola (see its README). With `animate: false` it runs synchronously, and
 * its convergence loop has no bound of its own (a strict threshold hung the page). So the work is
 * cola's three fixed iteration phases and nothing more: an infinite threshold ends the loop after
 * the first tick. Bounded, deterministic, about 0.2 s for the seed data.
 */
export const COLA_OPTIONS = {
  name: "cola",
  animate: false,
  randomize: false,
  fit: false,
  centerGraph: false,
  boundingBox: LAYOUT_BOX,
  avoidOverlap: true,
  handleDisconnected: true,
  nodeDimensionsIncludeLabels: false,
  nodeSpacing: () => 22,
  convergenceThreshold: Number.POSITIVE_INFINITY,
  maxSimulationTime: 8000,
  unconstrIter: 100,
  userConstIter: 50,
  allConstIter: 100,
} as const;
