/**
 * On touch, what a tap meant (see lib/graph/edge-hit.ts): a node when the finger is on its body,
 * otherwise the nearest edge within a finger's width, otherwise what Cytoscape found.
 */
import type { Core, EdgeSingular, EventObject } from "cytoscape";
import { insideBox, nearestEdge } from "@/lib/graph/edge-hit";

/** About half a fingertip, in screen pixels. */
const TOUCH_TOLERANCE = 22;

export const isTouch = (e: EventObject) => {
  const o = e.originalEvent as Event | undefined;
  return !!o && (o.type.startsWith("touch") || (o as PointerEvent).pointerType === "touch");
};

export function touchPick(cy: Core, e: EventObject): { kind: "actor" | "relationship"; id: string } | null {
  const p = e.renderedPosition;
  const target = e.target === cy ? null : (e.target as cytoscape.SingularElementArgument);
  if (target?.isNode() && insideBox(p, target.renderedBoundingBox({ includeLabels: false, includeOverlays: false }))) return { kind: "actor", id: target.id() };
  const edges = cy.edges(":visible").map((edge: EdgeSingular) => ({
    id: edge.id(),
    points: [edge.renderedSourceEndpoint(), edge.renderedMidpoint(), edge.renderedTargetEndpoint()],
  }));
  const id = nearestEdge(p, edges, TOUCH_TOLERANCE);
  if (id) return { kind: "relationship", id };
  if (target) return { kind: target.isNode() ? "actor" : "relationship", id: target.id() };
  return null;
}
