/**
 * Where labels go so that none covers another label or an obstacle (the actors): each label offers
 * candidate boxes in its order of preference, and is put at the first one that is free. Greedy, in
 * the order given, so the caller decides who wins a crowded spot. A label with no free candidate is
 * left out and reported, never drawn over something.
 *
 * The one placer for the screen and the figures: the callers only say where a label may go (the
 * screen's actor names: lib/graph/label-placement-names.ts; a figure's names and ties' words:
 * lib/export/figure-labels.ts). Pure geometry in one coordinate space, with a grid of buckets so
 * it stays linear in practice.
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
  /** Boxes the label may take, best first. */
  candidates: readonly Rect[];
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

export interface PlaceOptions {
  /** Labels stay inside this box, when given. */
  bounds?: Rect | null;
  /** Air kept between two labels. */
  gap?: number;
  /** Air kept between a label and an obstacle (the label gap unless said). */
  obstacleGap?: number;
}

export const overlaps = (a: Rect, b: Rect): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

const inside = (r: Rect, bounds: Rect): boolean => r.x1 >= bounds.x1 && r.y1 >= bounds.y1 && r.x2 <= bounds.x2 && r.y2 <= bounds.y2;

const grow = (r: Rect, d: number): Rect => (d ? { x1: r.x1 - d, y1: r.y1 - d, x2: r.x2 + d, y2: r.y2 + d } : r);

export const boxAround = (c: Point, width: number, height: number): Rect => ({
  x1: c.x - width / 2,
  y1: c.y - height / 2,
  x2: c.x + width / 2,
  y2: c.y + height / 2,
});

/** Rectangles bucketed on a square grid: a query looks only at the buckets it touches. */
export class RectGrid {
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

/** A bucket about twice a typical label's side: few buckets per query, few boxes per bucket. */
function bucketSize(requests: readonly LabelRequest[]): number {
  let sum = 0;
  let count = 0;
  for (const r of requests) {
    const c = r.candidates[0];
    if (!c) continue;
    sum += c.x2 - c.x1 + (c.y2 - c.y1);
    count++;
  }
  return Math.max(8, count ? sum / count : 50);
}

/**
 * Places labels in order: each at its first candidate that lies within `bounds` (when given) and
 * touches neither an obstacle nor a label placed before it, with the gaps kept clear around it.
 */
export function placeLabels(requests: readonly LabelRequest[], obstacles: readonly Rect[], opts: PlaceOptions = {}): Placement {
  const { bounds = null, gap = 1 } = opts;
  const obstacleGap = opts.obstacleGap ?? gap;
  const size = bucketSize(requests);
  const blocked = new RectGrid(size);
  for (const o of obstacles) blocked.add(o);
  // Obstacles and labels apart when their gaps differ, so each keeps its own air.
  const labels = obstacleGap === gap ? blocked : new RectGrid(size);
  const placed: PlacedLabel[] = [];
  const left: string[] = [];
  for (const req of requests) {
    const i = req.candidates.findIndex((box) => {
      if (bounds && !inside(box, bounds)) return false;
      if (blocked.hits(grow(box, obstacleGap))) return false;
      return labels === blocked || !labels.hits(grow(box, gap));
    });
    if (i < 0) {
      left.push(req.id);
      continue;
    }
    const box = req.candidates[i]!;
    labels.add(box);
    placed.push({ id: req.id, box, candidate: i });
  }
  return { placed, left };
}

/** Pairs of boxes that overlap: what a test asserts is empty. */
export function overlappingPairs(boxes: readonly (Rect & { id: string })[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i]!, boxes[j]!)) out.push([boxes[i]!.id, boxes[j]!.id]);
  return out;
}
