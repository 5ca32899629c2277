/**
 * Where actors sit. The layout is settled once per dataset on the server (lib/server/store/layout.ts) over
 * every actor and relationship, whatever the date, and stored, so stepping through the years never
 * moves anyone and every page draws the same picture at once. It is deterministic (fixed start, fixed
 * canvas, no random start, bounded iterations), and incremental: an actor added to the dataset is
 * placed near its neighbours and nobody else moves.
 */
import type { GraphEdge, GraphNode } from "../api/types";

export interface Point {
  x: number;
  y: number;
}

/** What a layout needs of the network: ids, kinds (node sizes) and which ties are structural. */
export interface LayoutNetwork {
  nodes: Pick<GraphNode["data"], "id" | "kind">[];
  edges: Pick<GraphEdge["data"], "id" | "source" | "target" | "structural">[];
}

/** The canvas the layout works in, independent of the window, so phones and desktops agree. */
export const LAYOUT_BOX = { x1: 0, y1: 0, w: 1400, h: 1000 } as const;

/**
 * Up to this many relationships the whole network is laid out with cytoscape-cola, whose picture
 * (overlap avoidance, structural ties pulled tight) is the best; above it with ForceAtlas2. Measured
 * with scripts/bench-layout.ts on the synthetic datasets, on a shared two-core machine: cola takes
 * 1-1.5 s at the seed's 84 relationships, 4-8 s at 1,000 and grows quadratically (at 100k its overlap
 * removal fails outright); ForceAtlas2 with Barnes-Hut and spreadOut takes 0.25 s at 1,000, 4-5 s at
 * 10,000 and 15 s at 100,000 (with Barnes-Hut's theta at 0.5; about a third of that at FA2_THETA in
 * lib/graph/positions.ts), with no actor on another and ties as even as cola's (coefficient of
 * variation of their lengths 0.51 against cola's 0.50 at 1,000).
 */
export const COLA_MAX_EDGES = 1000;

/** Two actor centres never closer than this when an actor is placed (a node is 38 px, cola keeps 22 px between). */
export const MIN_SPACING = 60;

/** Start positions: a circle in id order. */
export function startPositions(nodes: { data: { id: string } }[]): Map<string, Point> {
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

/** A number in [0, 1) from a string, the same on every machine: deterministic seeding without an order. */
export function hashUnit(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  h = Math.imul(h ^ (h >>> 15), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/** Positions on a grid of cells MIN_SPACING wide, to find near neighbours without scanning everyone. */
class SpatialIndex {
  private cells = new Map<string, Point[]>();
  constructor(private readonly size: number) {}
  private key(x: number, y: number) {
    return `${Math.floor(x / this.size)},${Math.floor(y / this.size)}`;
  }
  add(p: Point) {
    const k = this.key(p.x, p.y);
    const cell = this.cells.get(k);
    if (cell) cell.push(p);
    else this.cells.set(k, [p]);
  }
  /** Whether any point lies closer than `size` to p. */
  crowded(p: Point): boolean {
    const cx = Math.floor(p.x / this.size);
    const cy = Math.floor(p.y / this.size);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const q of this.cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          if ((q.x - p.x) ** 2 + (q.y - p.y) ** 2 < this.size ** 2) return true;
        }
    return false;
  }
}

/** The golden angle: successive points of the spiral never line up. */
const GOLDEN = Math.PI * (3 - Math.sqrt(5));

/** The first free spot on a spiral around `target`, at least MIN_SPACING from every placed actor. */
function freeSpot(target: Point, index: SpatialIndex): Point {
  for (let i = 0; ; i++) {
    const r = MIN_SPACING * 0.75 * Math.sqrt(i);
    const p = { x: Math.round(target.x + r * Math.cos(i * GOLDEN)), y: Math.round(target.y + r * Math.sin(i * GOLDEN)) };
    if (!index.crowded(p)) return p;
  }
}

/**
 * Moves actors off one another: each, in the order given (put hubs first, so they stay), keeps its
 * place if nobody placed before it is closer than MIN_SPACING, else takes the nearest free spot on a
 * spiral around it. ForceAtlas2 packs the many leaves of a hub on top of each other; this opens them
 * out without undoing the picture's large structure.
 */
export function spreadOut(order: readonly string[], positions: ReadonlyMap<string, Point>): Map<string, Point> {
  const index = new SpatialIndex(MIN_SPACING);
  const out = new Map<string, Point>();
  for (const id of order) {
    const p = positions.get(id);
    if (!p) continue;
    const q = freeSpot(p, index);
    index.add(q);
    out.set(id, q);
  }
  return out;
}

/**
 * Positions for actors that have none, leaving every placed actor where it is: each goes to the
 * centroid of its already placed neighbours, nudged along a spiral off any overlap; actors reached
 * only through other new actors follow them (breadth first); an actor tied to nothing placed starts
 * from the middle of the drawing. Deterministic: ids are taken in sorted order.
 */
export function placeNewActors(
  placed: ReadonlyMap<string, Point>,
  newIds: readonly string[],
  edges: readonly Pick<GraphEdge["data"], "source" | "target">[],
): Map<string, Point> {
  const result = new Map<string, Point>();
  if (newIds.length === 0) return result;
  const waiting = new Set(newIds);
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    if (!waiting.has(a) || a === b) return;
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const e of edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  const where = (id: string) => placed.get(id) ?? result.get(id);
  const index = new SpatialIndex(MIN_SPACING);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of placed.values()) {
    index.add(p);
    minX = Math.min(minX, p.x); maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y); maxY = Math.max(maxY, p.y);
  }
  const middle = placed.size ? { x: (minX + maxX) / 2, y: (minY + maxY) / 2 } : { x: LAYOUT_BOX.w / 2, y: LAYOUT_BOX.h / 2 };

  const place = (id: string) => {
    const around = (neighbours.get(id) ?? []).map(where).filter((p): p is Point => !!p);
    const target = around.length
      ? { x: around.reduce((s, p) => s + p.x, 0) / around.length, y: around.reduce((s, p) => s + p.y, 0) / around.length }
      : middle;
    const p = freeSpot(target, index);
    index.add(p);
    result.set(id, p);
    waiting.delete(id);
  };

  const sorted = [...waiting].sort();
  // First those with a placed neighbour, breadth first from them; then what is left, one component at a time.
  let queue = sorted.filter((id) => (neighbours.get(id) ?? []).some((n) => placed.has(n)));
  for (const start of [null, ...sorted]) {
    if (start !== null) {
      if (!waiting.has(start)) continue;
      queue = [start];
    }
    while (queue.length) {
      const next: string[] = [];
      for (const id of queue) if (waiting.has(id)) place(id);
      for (const id of queue) for (const n of neighbours.get(id) ?? []) if (waiting.has(n)) next.push(n);
      queue = [...new Set(next)].sort();
    }
  }
  return result;
}
