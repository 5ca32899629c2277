/**
 * Where labels go so that none covers another label or a node: each label offers candidate
 * positions in its order of preference (under its node, then around it, then further out; along
 * its edge, then off to either side), and is put at the first one that is free. Greedy, in the
 * order given, so the caller decides who wins a crowded spot (actors before ties, highlighted
 * first). A label with no free candidate is left out and reported, never drawn over something.
 * Pure geometry in one coordinate space, with a grid of buckets so it stays linear in practice;
 * the figure composer uses it, and so can anything that draws labels on a plane.
 */

export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface LabelRequest {
  id: string;
  width: number;
  height: number;
  /** Centres to try, best first. */
  candidates: Point[];
}

export interface PlacedLabel {
  id: string;
  box: Rect;
  /** Which candidate it took (0 = where it wanted to be). */
  candidate: number;
}

export interface Placement {
  placed: PlacedLabel[];
  /** Ids of labels for which no candidate was free. */
  left: string[];
}

export const overlaps = (a: Rect, b: Rect): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

const inside = (r: Rect, bounds: Rect): boolean => r.x1 >= bounds.x1 && r.y1 >= bounds.y1 && r.x2 <= bounds.x2 && r.y2 <= bounds.y2;

export const boxAround = (c: Point, width: number, height: number): Rect => ({
  x1: c.x - width / 2,
  y1: c.y - height / 2,
  x2: c.x + width / 2,
  y2: c.y + height / 2,
});

/** Rectangles bucketed on a square grid: a query looks only at the buckets it touches. */
class RectGrid {
  private cells = new Map<string, Rect[]>();
  constructor(private size: number) {}

  private keys(r: Rect): string[] {
    const out: string[] = [];
    const [cx1, cy1, cx2, cy2] = [r.x1, r.y1, r.x2, r.y2].map((v) => Math.floor(v / this.size)) as [number, number, number, number];
    for (let x = cx1; x <= cx2; x++) for (let y = cy1; y <= cy2; y++) out.push(`${x},${y}`);
    return out;
  }

  add(r: Rect): void {
    for (const k of this.keys(r)) {
      const list = this.cells.get(k);
      if (list) list.push(r);
      else this.cells.set(k, [r]);
    }
  }

  hits(r: Rect): boolean {
    return this.keys(r).some((k) => this.cells.get(k)?.some((o) => overlaps(o, r)) ?? false);
  }
}

/**
 * Places labels in order: each at its first candidate that lies within `bounds` (when given) and
 * touches neither an obstacle (the nodes) nor a label placed before it. `gap` keeps that much air
 * between a label and anything else.
 */
export function placeLabels(requests: readonly LabelRequest[], obstacles: readonly Rect[], bounds: Rect | null, gap = 1): Placement {
  const typical = requests.length ? requests.reduce((s, r) => s + r.width + r.height, 0) / (2 * requests.length) : 50;
  const grid = new RectGrid(Math.max(8, typical * 2));
  for (const o of obstacles) grid.add(o);
  const placed: PlacedLabel[] = [];
  const left: string[] = [];
  for (const req of requests) {
    let done = false;
    for (let i = 0; i < req.candidates.length && !done; i++) {
      const box = boxAround(req.candidates[i]!, req.width, req.height);
      if (bounds && !inside(box, bounds)) continue;
      const padded = { x1: box.x1 - gap, y1: box.y1 - gap, x2: box.x2 + gap, y2: box.y2 + gap };
      if (grid.hits(padded)) continue;
      grid.add(box);
      placed.push({ id: req.id, box, candidate: i });
      done = true;
    }
    if (!done) left.push(req.id);
  }
  return { placed, left };
}

/**
 * Candidates for an actor's label around its node's box: under it (where the explorer draws it),
 * above, to the right and left, the four corners, then the same ring further out, step by step.
 */
export function nodeLabelCandidates(node: Rect, width: number, height: number, opts: { gap?: number; rings?: number; step?: number } = {}): Point[] {
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
  return out;
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
export function edgeLabelCandidates(line: readonly Point[], width: number, height: number): Point[] {
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
  return out;
}

/** Pairs of boxes that overlap: what a test asserts is empty. */
export function overlappingPairs(boxes: readonly (Rect & { id: string })[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i]!, boxes[j]!)) out.push([boxes[i]!.id, boxes[j]!.id]);
  return out;
}
