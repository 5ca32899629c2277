/**
 * Where a figure's labels may go, best first; lib/graph/label-placement.ts (the placer the screen
 * uses too) puts each at the first that is free. An actor's name: under its node (where the
 * explorer draws it), around it, then further out. A tie's words: along its line, then off it to
 * either side.
 */
import { boxAround, type Point, type Rect } from "@/lib/graph/label-placement";

/**
 * Candidates for an actor's label around its node's box: under it (where the explorer draws it),
 * above, to the right and left, the four corners, then the same ring further out, step by step.
 */
export function nodeLabelCandidates(node: Rect, width: number, height: number, opts: { gap?: number; rings?: number; step?: number } = {}): Rect[] {
  const gap = opts.gap ?? 3;
  const rings = opts.rings ?? 6;
  const step = opts.step ?? height;
  const cx = (node.x1 + node.x2) / 2;
  const cy = (node.y1 + node.y2) / 2;
  const out: Point[] = [];
  for (let ring = 0; ring <= rings; ring++) {
    const d = gap + ring * step;
    const below = node.y2 + d + height / 2;
    const above = node.y1 - d - height / 2;
    const right = node.x2 + d + width / 2;
    const leftX = node.x1 - d - width / 2;
    out.push(
      { x: cx, y: below },
      { x: cx, y: above },
      { x: right, y: cy },
      { x: leftX, y: cy },
      { x: right - width / 2, y: below },
      { x: leftX + width / 2, y: below },
      { x: right - width / 2, y: above },
      { x: leftX + width / 2, y: above },
      { x: right, y: below },
      { x: leftX, y: below },
      { x: right, y: above },
      { x: leftX, y: above },
    );
  }
  return out.map((c) => boxAround(c, width, height));
}

/** A point at share t of a polyline's length. */
export function pointAlong(points: readonly Point[], t: number): { at: Point; dir: Point } {
  if (points.length < 2) return { at: points[0] ?? { x: 0, y: 0 }, dir: { x: 1, y: 0 } };
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y));
  const total = lengths.reduce((a, b) => a + b, 0) || 1;
  let want = t * total;
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i]!;
    const a = points[i]!;
    const b = points[i + 1]!;
    if (want <= len || i === lengths.length - 1) {
      const s = len ? Math.min(1, want / len) : 0;
      return { at: { x: a.x + (b.x - a.x) * s, y: a.y + (b.y - a.y) * s }, dir: len ? { x: (b.x - a.x) / len, y: (b.y - a.y) / len } : { x: 1, y: 0 } };
    }
    want -= len;
  }
  return { at: points.at(-1)!, dir: { x: 1, y: 0 } };
}

/**
 * Candidates for a tie's label along the line it names (a polyline through its curve): the middle,
 * then further along either way, each on the line and then pushed off it to either side.
 */
export function edgeLabelCandidates(line: readonly Point[], width: number, height: number): Rect[] {
  const out: Point[] = [];
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78]) {
    const { at, dir } = pointAlong(line, t);
    // The normal to the line; the push clears the label's own extent in that direction.
    const nx = -dir.y;
    const ny = dir.x;
    const reach = Math.abs(nx) * (width / 2) + Math.abs(ny) * (height / 2);
    out.push(at);
    for (const k of [1, 2]) {
      const d = reach * k + 2;
      out.push({ x: at.x + nx * d, y: at.y + ny * d }, { x: at.x - nx * d, y: at.y - ny * d });
    }
  }
  return out.map((c) => boxAround(c, width, height));
}
