/**
 * Every shortest chain of actors from one actor to another ("how is A connected to B?"), optionally
 * only through cooperative relationships and only in the direction the relationships point.
 * Cytoscape (headless) measures the distances; this module only lists the chains those allow.
 */
import cytoscape from "cytoscape";
import type { AnalysisGraph } from "./types";

export interface PathOptions {
  cooperativeOnly: boolean;
  directed: boolean;
  /** At most this many paths are listed (default DEFAULT_PATH_LIMIT). */
  limit?: number;
}

export interface PathHop {
  from: string;
  to: string;
  /** The relationships that can carry this hop under the options, sorted. */
  relationships: string[];
}

export interface ActorPath {
  actors: string[];
  hops: PathHop[];
}

export interface PathResult {
  from: string;
  to: string;
  /** Null when `to` cannot be reached (or either actor is unknown); 0 when from === to. */
  hops: number | null;
  paths: ActorPath[];
  /** More shortest paths exist than were listed. */
  truncated: boolean;
  /** Actors and relationships on the listed paths, sorted. */
  nodes: string[];
  edges: string[];
}

export const DEFAULT_PATH_LIMIT = 12;

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const hopKey = (u: string, v: string) => `${u}\u0000${v}`;

export function shortestPaths(graph: AnalysisGraph, from: string, to: string, options: PathOptions): PathResult {
  const limit = options.limit ?? DEFAULT_PATH_LIMIT;
  const actors = new Set(graph.nodes);
  if (!actors.has(from) || !actors.has(to)) return { from, to, hops: null, paths: [], truncated: false, nodes: [], edges: [] };
  if (from === to) return { from, to, hops: 0, paths: [{ actors: [from], hops: [] }], truncated: false, nodes: [from], edges: [] };

  // A path is a sequence of actors, so parallel relationships collapse into one usable hop u→v;
  // undirected, each relationship opens the hop both ways.
  const carriers = new Map<string, string[]>();
  const next = new Map<string, string[]>();
  const prev = new Map<string, string[]>();
  const open = (u: string, v: string, id: string) => {
    const key = hopKey(u, v);
    const ids = carriers.get(key);
    if (ids) {
      ids.push(id);
      return;
    }
    carriers.set(key, [id]);
    listAt(next, u).push(v);
    listAt(prev, v).push(u);
  };
  for (const e of graph.edges) {
    if (options.cooperativeOnly && e.polarity !== "cooperative") continue;
    // A loop never shortens a path; an edge to an unknown actor cannot be drawn.
    if (e.source === e.target || !actors.has(e.source) || !actors.has(e.target)) continue;
    open(e.source, e.target, e.id);
    if (!options.directed) open(e.target, e.source, e.id);
  }

  const dist = hopDistances([...actors], next, from, options.directed);
  const target = dist.get(to) ?? Infinity;
  if (target === Infinity) return { from, to, hops: null, paths: [], truncated: false, nodes: [], edges: [] };

  // Walking back from `to` marks the actors on some shortest path, so the forward walk below
  // never enters a dead end and can list paths in order and stop at the limit.
  const onPath = new Set([to]);
  const stack = [to];
  for (let v = stack.pop(); v !== undefined; v = stack.pop()) {
    const dv = dist.get(v)!;
    for (const u of prev.get(v) ?? []) {
      if (dist.get(u) === dv - 1 && !onPath.has(u)) {
        onPath.add(u);
        stack.push(u);
      }
    }
  }

  const found: string[][] = [];
  const walk = (seq: string[]) => {
    const u = seq[seq.length - 1]!;
    if (u === to) {
      found.push(seq);
      return;
    }
    const du = dist.get(u)!;
    const steps = (next.get(u) ?? []).filter((w) => onPath.has(w) && dist.get(w) === du + 1).sort(byString);
    // One more than the limit is enough to know the list was cut.
    for (const w of steps) if (found.length <= limit) walk([...seq, w]);
  };
  walk([from]);

  const paths = found.slice(0, limit).map((seq) => ({
    actors: seq,
    hops: seq.slice(1).map((v, i) => {
      const u = seq[i]!;
      return { from: u, to: v, relationships: [...carriers.get(hopKey(u, v))!].sort(byString) };
    }),
  }));
  const nodes = new Set(paths.flatMap((p) => p.actors));
  const edges = new Set(paths.flatMap((p) => p.hops.flatMap((h) => h.relationships)));
  return {
    from,
    to,
    hops: target,
    paths,
    truncated: found.length > limit,
    nodes: [...nodes].sort(byString),
    edges: [...edges].sort(byString),
  };
}

function listAt(map: Map<string, string[]>, key: string): string[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** Hops from `root` to every actor (Infinity when unreachable), by Cytoscape's Dijkstra on unit weights. */
function hopDistances(actors: string[], next: Map<string, string[]>, root: string, directed: boolean): Map<string, number> {
  // Relationship ids may coincide with actor ids, so Cytoscape names the edges itself.
  const edges = [...next].flatMap(([source, targets]) => targets.map((target) => ({ group: "edges" as const, data: { source, target } })));
  const cy = cytoscape({ headless: true, styleEnabled: false, elements: [...actors.map((id) => ({ group: "nodes" as const, data: { id } })), ...edges] });
  try {
    const search = cy.elements().dijkstra({ root: cy.getElementById(root), directed });
    return new Map(cy.nodes().map((n) => [n.id(), search.distanceTo(n)]));
  } finally {
    cy.destroy();
  }
}
