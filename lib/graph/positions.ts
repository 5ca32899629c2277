/**
 * Layouts computed without a page, for lib/server/store/layout.ts to store. Up to COLA_MAX_EDGES
 * relationships: the explorer's cola layout on a headless Cytoscape with the same stylesheet (node
 * sizes matter to cola's overlap avoidance), start positions and options the page once ran itself,
 * so the seed keeps the picture it always had. Beyond: ForceAtlas2 (graphology), which scales.
 */
import cytoscape from "cytoscape";
import cola from "cytoscape-cola";
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { GraphEdge, GraphNode } from "../api/types";
import { COLA_MAX_EDGES, COLA_OPTIONS, edgeLength, hashUnit, LAYOUT_BOX, MIN_SPACING, spreadOut, startPositions, type LayoutNetwork, type Point } from "./layout";
import { graphStylesheet } from "./style";

let colaRegistered = false;

/** Registers cytoscape-cola once per process (Cytoscape warns when an extension is added twice). */
export function registerCola(): void {
  if (colaRegistered) return;
  cytoscape.use(cola);
  colaRegistered = true;
}

/** Which layout a network of this size gets. */
export type LayoutAlgorithm = "cola" | "forceatlas2";
export const layoutAlgorithmFor = (edgeCount: number): LayoutAlgorithm => (edgeCount <= COLA_MAX_EDGES ? "cola" : "forceatlas2");

/** The whole network laid out from scratch, with the algorithm its size calls for. */
export function layoutNetwork(net: LayoutNetwork): { algorithm: LayoutAlgorithm; positions: Map<string, Point> } {
  const algorithm = layoutAlgorithmFor(net.edges.length);
  return { algorithm, positions: algorithm === "cola" ? colaPositions(net) : forceAtlasPositions(net) };
}

/** Nodes and edges in id order, as /api/graph lists them: cola's result depends on the order it is given. */
const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export function colaPositions(net: LayoutNetwork): Map<string, Point> {
  registerCola();
  const nodes = byId(net.nodes);
  const start = startPositions(nodes.map((n) => ({ data: n })));
  const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStylesheet({ fadeMs: 0 }) });
  try {
    cy.add(nodes.map((n) => ({ group: "nodes" as const, data: { id: n.id, kind: n.kind, label: "" }, position: { ...start.get(n.id)! } })));
    cy.add(byId(net.edges).map((e) => ({ group: "edges" as const, data: { id: e.id, source: e.source, target: e.target, structural: e.structural } })));
    cy.layout({ ...COLA_OPTIONS, edgeLength } as cytoscape.LayoutOptions).run();
    return new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
  } finally {
    cy.destroy();
  }
}

/** The explorer's cola layout over a graph answer's elements (the benchmark's entry point). */
export function layoutPositions(all: { nodes: GraphNode[]; edges: GraphEdge[] }): Map<string, Point> {
  return colaPositions({ nodes: all.nodes.map((n) => n.data), edges: all.edges.map((e) => e.data) });
}

/**
 * Iterations of ForceAtlas2: 150 settles a network of a few thousand actors; each iteration cost
 * about 0.3 s at 20,000 actors and 100,000 relationships (measured with Barnes-Hut's theta at 0.5;
 * about 0.1 s at FA2_THETA), so large networks get fewer, down to 30: the hubs and their clusters are apart by then, and spreadOut opens
 * up what is still packed.
 */
const fa2Iterations = (elements: number) => Math.max(30, Math.min(150, Math.round(2_000_000 / Math.max(elements, 1))));

/**
 * Barnes-Hut's accuracy: a group of actors far enough away (its size over its distance below this)
 * repels as one. 1.2 is Gephi's default; graphology's 0.5 made the repulsion cost three times as much
 * for the same picture, measured with scripts/bench-layout.ts on the synthetic datasets (CPU time,
 * 10k: 2.8 s → 0.9 s, 100k: 12.0 s → 3.9 s), with the same share of overlapping actors (0%), the
 * same spread of tie lengths (coefficient of variation 0.517 → 0.516 and 0.496 → 0.496) and ties
 * as short against the distance between random actors (0.602 → 0.602, 0.753 → 0.752).
 */
export const FA2_THETA = 1.2;

/**
 * ForceAtlas2 with Barnes-Hut, from start positions hashed from each id (deterministic, and
 * independent of the order actors are listed in), then scaled so that the median tie is as long as
 * cola's (125 px): the page's zoom, label and spacing rules then hold at any size.
 */
export function forceAtlasPositions(net: LayoutNetwork, tuning: { barnesHutTheta?: number; iterations?: number } = {}): Map<string, Point> {
  // `tuning` is for scripts/bench-layout.ts, which compares settings; the store always uses the defaults.
  const graph = new Graph({ type: "undirected", multi: true, allowSelfLoops: false });
  const side = Math.sqrt(net.nodes.length) * 100;
  for (const n of byId(net.nodes)) graph.addNode(n.id, { x: hashUnit(`${n.id}:x`) * side, y: hashUnit(`${n.id}:y`) * side });
  for (const e of byId(net.edges)) {
    if (e.source !== e.target && graph.hasNode(e.source) && graph.hasNode(e.target)) graph.addEdgeWithKey(e.id, e.source, e.target, { weight: e.structural ? 2 : 1 });
  }
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500, linLogMode: false, barnesHutTheta: tuning.barnesHutTheta ?? FA2_THETA };
  const raw = forceAtlas2(graph, { iterations: tuning.iterations ?? fa2Iterations(graph.order + graph.size), settings, getEdgeWeight: "weight" });

  const lengths: number[] = [];
  graph.forEachEdge((_e, _a, s, t) => {
    const p = raw[s]!;
    const q = raw[t]!;
    lengths.push(Math.hypot(p.x - q.x, p.y - q.y));
  });
  lengths.sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] || 1;
  // Ties as long as cola's, but never denser than one actor per (1.5 MIN_SPACING)² on average, or
  // opening out the hubs' leaves would have to push them far.
  const ids = Object.keys(raw);
  const cx = ids.reduce((s, id) => s + raw[id]!.x, 0) / (ids.length || 1);
  const cy = ids.reduce((s, id) => s + raw[id]!.y, 0) / (ids.length || 1);
  const rms = Math.sqrt(ids.reduce((s, id) => s + (raw[id]!.x - cx) ** 2 + (raw[id]!.y - cy) ** 2, 0) / (ids.length || 1)) || 1;
  const wantedRadius = Math.sqrt((ids.length * (1.5 * MIN_SPACING) ** 2) / Math.PI);
  const scale = Math.max(125 / median, wantedRadius / rms);
  const scaled = new Map<string, Point>();
  for (const [id, p] of Object.entries(raw)) scaled.set(id, { x: LAYOUT_BOX.w / 2 + (p.x - cx) * scale, y: LAYOUT_BOX.h / 2 + (p.y - cy) * scale });
  // Hubs keep their places; their leaves are opened out around them.
  const order = graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a) || (a < b ? -1 : a > b ? 1 : 0));
  return spreadOut(order, scaled);
}
