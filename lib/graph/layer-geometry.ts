/**
 * The geometry of a large view as the page draws it itself (components/graph/drawing-layer.ts):
 * where a straight tie leaves and meets its actors' outlines, its arrowhead, and which actor or tie
 * a pointer is on. Model coordinates throughout; pure, so it is tested without a browser.
 */
import { distanceToSegment, type Point } from "./edge-hit";
import type { ShapePoints } from "./style";

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Where the ray from an actor's centre towards `toward` leaves its outline: a polygon of `points`
 * in [-1, 1] scaled to `half`, or (null) a circle of radius `half`. The centre itself when the two
 * points coincide or the ray misses (a degenerate outline).
 */
export function outlineExit(centre: Point, half: number, points: ShapePoints | null, toward: Point): Point {
  const dx = toward.x - centre.x;
  const dy = toward.y - centre.y;
  const len = Math.hypot(dx, dy);
  if (len === 0) return { ...centre };
  if (!points) return { x: centre.x + (dx / len) * half, y: centre.y + (dy / len) * half };
  // The nearest crossing of the ray centre + t·(dx, dy), t > 0, with each side of the polygon.
  let best = Infinity;
  const n = points.length / 2;
  for (let i = 0; i < n; i++) {
    const ax = points[2 * i]! * half;
    const ay = points[2 * i + 1]! * half;
    const bx = points[2 * ((i + 1) % n)]! * half;
    const by = points[2 * ((i + 1) % n) + 1]! * half;
    const ex = bx - ax;
    const ey = by - ay;
    const det = dx * -ey - dy * -ex;
    if (Math.abs(det) < 1e-12) continue;
    const t = (ax * -ey - ay * -ex) / det;
    const s = (dx * ay - dy * ax) / det;
    if (t > 0 && s >= -1e-9 && s <= 1 + 1e-9 && t < best) best = t;
  }
  if (!Number.isFinite(best)) return { ...centre };
  return { x: centre.x + dx * best, y: centre.y + dy * best };
}

/**
 * Cytoscape's arrowhead size for a line `width` wide at `scale` (arrow-scale), in model units, and
 * its triangle: the tip at `tip`, pointing away from `from`; the line stops at `base`.
 */
export function arrowHead(tip: Point, from: Point, width: number, scale: number): { points: [Point, Point, Point]; base: Point } {
  const size = Math.max(Math.pow(width * 13.37, 0.9), 29) * scale;
  const dx = tip.x - from.x;
  const dy = tip.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const length = 0.3 * size;
  const half = 0.15 * size;
  const base = { x: tip.x - ux * length, y: tip.y - uy * length };
  return { points: [{ ...tip }, { x: base.x - uy * half, y: base.y + ux * half }, { x: base.x + uy * half, y: base.y - ux * half }], base };
}

export interface PickNode {
  id: string;
  x: number;
  y: number;
  /** Width and height, its border included. */
  size: number;
}

export interface PickEdge {
  id: string;
  from: Point;
  to: Point;
}

/**
 * What a pointer at model point `p` is on, at `zoom`: the topmost actor (the last in drawing order)
 * whose box, grown by `nodeSlack` screen pixels, holds it; else the nearest tie within `edgeSlack`
 * screen pixels; else null. A mouse is given 2 and 8 pixels as Cytoscape gives it; a finger 0 and
 * 22 (on its body only, as lib/graph/edge-hit.ts explains), and a tie wins over an actor beside it.
 */
export function pick(
  p: Point,
  zoom: number,
  nodes: readonly PickNode[],
  edges: readonly PickEdge[],
  { nodeSlack = 2, edgeSlack = 8 }: { nodeSlack?: number; edgeSlack?: number } = {},
): { kind: "actor" | "relationship"; id: string } | null {
  const grow = nodeSlack / zoom;
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    const h = n.size / 2 + grow;
    if (Math.abs(p.x - n.x) <= h && Math.abs(p.y - n.y) <= h) return { kind: "actor", id: n.id };
  }
  const tolerance = edgeSlack / zoom;
  let best: { id: string; d: number } | null = null;
  for (const e of edges) {
    // A cheap box test first: most ties are nowhere near the pointer.
    if (p.x < Math.min(e.from.x, e.to.x) - tolerance || p.x > Math.max(e.from.x, e.to.x) + tolerance) continue;
    if (p.y < Math.min(e.from.y, e.to.y) - tolerance || p.y > Math.max(e.from.y, e.to.y) + tolerance) continue;
    const d = distanceToSegment(p, e.from, e.to);
    if (d <= tolerance && (best === null || d < best.d)) best = { id: e.id, d };
  }
  return best ? { kind: "relationship", id: best.id } : null;
}

/** Greedy word wrap at `maxWidth` (Cytoscape's text-wrap: wrap); a word wider than that keeps a line of its own. */
export function wrapWords(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && measure(next) > maxWidth) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}
