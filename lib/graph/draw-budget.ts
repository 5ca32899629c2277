/**
 * The drawing budget: which of a view's elements Cytoscape holds. Cytoscape on a software canvas
 * spends seconds per step on a view of tens of thousands of elements, and at the fit of such a
 * view an actor is a pixel wide: drawing them all shows a hairball. So beyond a budget of
 * elements the graph holds what must never disappear, then a sample as dense as the canvas can
 * show: the actors in the viewport, most connected first, with every tie whose two ends are drawn;
 * zooming in on an area draws the rest
 * there. Pure and deterministic (ties broken by id): the same view and viewport give the same
 * drawing, so a step only changes what changed. Counts and lists elsewhere read the whole view.
 */
import type { GraphView } from "./view";

/**
 * Views up to this many elements (actors + ties) are drawn whole. A step's cost in the page grows
 * with what Cytoscape holds (measured at 100k with scripts/bench-browser.ts --budget: 0.5-0.75 ms
 * of main-thread CPU per element and step on this software canvas; a step took 16 s with the whole
 * 100k view drawn), so the budget is the smallest that still draws every date of a 10k-relationship
 * store whole (at most 2,000 elements, 2,462 with a step's ghosts) and the synthetic views of the
 * browser tests (about 720).
 */
export const DRAW_BUDGET = 3000;

/**
 * A view too large to draw whole is drawn as a sample: at most one element per this many square
 * pixels of the canvas (a square 15 px a side). At the fit of such a view an actor is a pixel or
 * two, so a denser sample adds no legible detail, only cost: at 100,000 relationships, on the
 * benchmark's 696 × 490 px canvas, a sample of 1,500 elements instead of 3,000 took a slider step
 * from about 570 to 380 ms (scripts/bench-browser.ts --budget, side by side). Zooming in draws the
 * rest where the reader looks; a larger screen draws more, up to the budget.
 */
export const SAMPLE_PX_PER_ELEMENT = 225;

/**
 * How many elements a view beyond `budget` is drawn with on a canvas `width` × `height` px: the
 * budget on a canvas not laid out yet (its first size draws it anew).
 */
export function sampleSize(budget: number, width: number, height: number): number {
  if (!(width > 0 && height > 0)) return budget;
  return Math.max(1, Math.min(budget, Math.floor((width * height) / SAMPLE_PX_PER_ELEMENT)));
}

/** A box in model coordinates (the stored layout's). */
export interface ModelBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Around the viewport, this share of its width and height on each side is drawn too: a small pan shows no empty border. */
export const VIEWPORT_MARGIN = 0.25;

export interface DrawPlan {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  /** Every element of the view is drawn. */
  complete: boolean;
  /** Actors and ties of the view, drawn and in all (a step's ghosts are not counted: they are marks). */
  actors: { drawn: number; total: number };
  ties: { drawn: number; total: number };
}

export interface PlanOptions {
  /** The focused actor: always drawn. */
  focus?: string | null;
  margin?: number;
  /** Beyond the budget, how many elements the sample holds (sampleSize; the budget by default). */
  sample?: number;
}

/** Classes that bring an element forward: the selection, a story step's or path's emphasis, the triangle. */
const KEPT = ["chosen", "highlighted"];
/** A comparison's marks (when the view compares two dates; a step's marks follow the rule like the rest). */
const COMPARED = ["added", "removed", "changed", "was"];

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function planDrawing(view: Pick<GraphView, "nodes" | "edges" | "diff">, viewport: ModelBox | null, budget: number, { focus = null, margin = VIEWPORT_MARGIN, sample = budget }: PlanOptions = {}): DrawPlan {
  const count = (ids: Iterable<string>, m: Map<string, { classes: string[] }>) => {
    let n = 0;
    for (const id of ids) if (!m.get(id)!.classes.includes("ghost")) n++;
    return n;
  };
  const totalActors = count(view.nodes.keys(), view.nodes);
  const totalTies = count(view.edges.keys(), view.edges);
  if (view.nodes.size + view.edges.size <= budget) {
    return { nodes: new Set(view.nodes.keys()), edges: new Set(view.edges.keys()), complete: true, actors: { drawn: totalActors, total: totalActors }, ties: { drawn: totalTies, total: totalTies } };
  }

  // Each actor's ties (both ends) and its degree over what the view shows (ghosts are marks, not ties).
  const ties = new Map<string, { edge: string; other: string }[]>();
  const degree = new Map<string, number>();
  for (const [id, e] of view.edges) {
    const { source, target } = e.data;
    if (!ties.has(source)) ties.set(source, []);
    ties.get(source)!.push({ edge: id, other: target });
    if (target !== source) {
      if (!ties.has(target)) ties.set(target, []);
      ties.get(target)!.push({ edge: id, other: source });
    }
    if (e.classes.includes("ghost")) continue;
    degree.set(source, (degree.get(source) ?? 0) + 1);
    if (target !== source) degree.set(target, (degree.get(target) ?? 0) + 1);
  }

  const nodes = new Set<string>();
  const edges = new Set<string>();
  // Drawing an actor draws every tie to an actor already drawn.
  const draw = (id: string) => {
    nodes.add(id);
    for (const t of ties.get(id) ?? []) if (nodes.has(t.other)) edges.add(t.edge);
  };
  const cost = (id: string) => {
    let n = 1;
    for (const t of ties.get(id) ?? []) if (t.other === id || nodes.has(t.other)) n++;
    return n;
  };

  // First what must never disappear: what the selection lights up (the rest is faded), the
  // focus, what is brought forward, a comparison's marks; a kept tie keeps its two ends.
  const lit = [...view.nodes.values(), ...view.edges.values()].some((v) => v.classes.includes("faded"));
  const comparing = view.diff !== null;
  const keeps = (classes: string[]) =>
    KEPT.some((c) => classes.includes(c)) || (lit && !classes.includes("faded")) || (comparing && COMPARED.some((c) => classes.includes(c)));
  const kept: string[] = [];
  if (focus !== null && view.nodes.has(focus)) kept.push(focus);
  for (const [id, v] of view.nodes) if (keeps(v.classes)) kept.push(id);
  for (const [id, v] of view.edges) if (keeps(v.classes)) kept.push(v.data.source, v.data.target);
  for (const id of kept.sort(byId)) if (view.nodes.has(id) && !nodes.has(id)) draw(id);
  for (const [id, v] of view.edges) if (keeps(v.classes) && nodes.has(v.data.source) && nodes.has(v.data.target)) edges.add(id);

  // Then the actors in the viewport (with its margin), most connected first, while the sample lasts.
  const box = viewport && grow(viewport, margin);
  const inside: [string, number][] = [];
  for (const [id, n] of view.nodes) if (!nodes.has(id) && (!box || within(box, n.position))) inside.push([id, degree.get(id) ?? 0]);
  inside.sort((a, b) => b[1] - a[1] || byId(a[0], b[0]));
  let used = nodes.size + edges.size;
  for (const [id] of inside) {
    const c = cost(id);
    // Stop at the first that does not fit: what is drawn is always the most connected there.
    if (used + c > Math.min(sample, budget)) break;
    draw(id);
    used += c;
  }

  const complete = nodes.size === view.nodes.size && edges.size === view.edges.size;
  return {
    nodes,
    edges,
    complete,
    actors: { drawn: count(nodes, view.nodes), total: totalActors },
    ties: { drawn: count(edges, view.edges), total: totalTies },
  };
}

function grow(b: ModelBox, margin: number): ModelBox {
  const dx = (b.x2 - b.x1) * margin;
  const dy = (b.y2 - b.y1) * margin;
  return { x1: b.x1 - dx, y1: b.y1 - dy, x2: b.x2 + dx, y2: b.y2 + dy };
}

function within(b: ModelBox, p: { x: number; y: number } | null | undefined): boolean {
  // An actor without a stored position is drawn at the origin.
  const { x, y } = p ?? { x: 0, y: 0 };
  return x >= b.x1 && x <= b.x2 && y >= b.y1 && y <= b.y2;
}

/** The words the graph shows while it draws part of the view; null when it draws all of it. */
export function budgetStatus(plan: DrawPlan): string | null {
  if (plan.complete) return null;
  const n = (x: number) => x.toLocaleString("en-US");
  return (
    `Drawing the ${n(plan.actors.drawn)} most connected of ${n(plan.actors.total)} actors and ${n(plan.ties.drawn)} of ${n(plan.ties.total)} ties here` +
    " — zoom in or focus an actor to see the rest"
  );
}
