/**
 * Which edge a touch meant. A finger covers more than an edge's width, and Cytoscape prefers a
 * nearby node's wider hit area, so a tap on an edge could open an actor beside it. On touch the
 * graph asks this instead: the node only when the tap is on its body, else the nearest edge within
 * a finger's tolerance. Pure geometry in rendered pixels, tested without a browser.
 */
export interface Point {
  x: number;
  y: number;
}

/** Distance from p to the segment a–b. */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Distance from p to a polyline (an edge drawn through its source end, midpoint and target end). */
export function distanceToPolyline(p: Point, points: readonly Point[]): number {
  if (points.length === 1) return Math.hypot(p.x - points[0]!.x, p.y - points[0]!.y);
  let best = Infinity;
  for (let i = 1; i < points.length; i++) best = Math.min(best, distanceToSegment(p, points[i - 1]!, points[i]!));
  return best;
}

/** The id of the edge nearest to p within `tolerance` pixels, or null. */
export function nearestEdge(p: Point, edges: readonly { id: string; points: readonly Point[] }[], tolerance: number): string | null {
  let best: { id: string; d: number } | null = null;
  for (const e of edges) {
    const d = distanceToPolyline(p, e.points);
    if (d <= tolerance && (best === null || d < best.d)) best = { id: e.id, d };
  }
  return best?.id ?? null;
}

/** Whether p lies within a box (a node's body, without its label). */
export const insideBox = (p: Point, b: { x1: number; y1: number; x2: number; y2: number }) => p.x >= b.x1 && p.x <= b.x2 && p.y >= b.y1 && p.y <= b.y2;
