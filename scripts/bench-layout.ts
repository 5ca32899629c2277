/**
 * Measures the two whole-network layouts on synthetic datasets (lib/dataset/synth.ts): time and
 * two signs of picture quality, the share of actors drawn on top of another (centres closer than a
 * node's width) and the spread of tie lengths (coefficient of variation: lower is more even).
 * COLA_MAX_EDGES in lib/graph/layout.ts is chosen from these figures. Prints a table, then JSON.
 *   npx tsx scripts/bench-layout.ts [--sizes 500,1000,2000] [--cola-max 2000]
 */
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { synthesizeDataset } from "../lib/dataset/synth";
import type { LayoutNetwork, Point } from "../lib/graph/layout";
import { colaPositions, forceAtlasPositions } from "../lib/graph/positions";
import { RELATIONSHIP_TYPES } from "../lib/model/vocabulary";

const { values } = parseArgs({ options: { sizes: { type: "string", default: "84,500,1000,2000,10000,100000" }, "cola-max": { type: "string", default: "2000" } } });
const sizes = values.sizes!.split(",").map(Number);
const colaMax = Number(values["cola-max"]);

function network(relationships: number): LayoutNetwork {
  const d = synthesizeDataset({ relationships });
  const edges = d.relationships.map((r) => ({ id: r.id, source: r.from, target: r.to, structural: RELATIONSHIP_TYPES[r.type].structural }));
  const ids = new Set(edges.flatMap((e) => [e.source, e.target]));
  return { nodes: d.actors.filter((a) => ids.has(a.id)).map((a) => ({ id: a.id, kind: a.kind })), edges };
}

function quality(net: LayoutNetwork, pos: Map<string, Point>) {
  const cell = 38;
  const grid = new Map<string, Point[]>();
  for (const p of pos.values()) {
    const k = `${Math.floor(p.x / cell)},${Math.floor(p.y / cell)}`;
    (grid.get(k) ?? grid.set(k, []).get(k)!).push(p);
  }
  let overlapping = 0;
  for (const p of pos.values()) {
    const cx = Math.floor(p.x / cell), cy = Math.floor(p.y / cell);
    let hit = false;
    for (let dx = -1; dx <= 1 && !hit; dx++) for (let dy = -1; dy <= 1 && !hit; dy++)
      for (const q of grid.get(`${cx + dx},${cy + dy}`) ?? []) if (q !== p && Math.hypot(q.x - p.x, q.y - p.y) < cell) { hit = true; break; }
    if (hit) overlapping++;
  }
  const lengths = net.edges.map((e) => { const a = pos.get(e.source)!, b = pos.get(e.target)!; return Math.hypot(a.x - b.x, a.y - b.y); });
  const mean = lengths.reduce((s, x) => s + x, 0) / lengths.length;
  const sd = Math.sqrt(lengths.reduce((s, x) => s + (x - mean) ** 2, 0) / lengths.length);
  return { overlapShare: overlapping / pos.size, lengthCv: sd / mean };
}

const rows: { relationships: number; actors: number; algorithm: string; seconds: number; overlapShare: number; lengthCv: number }[] = [];
for (const size of sizes) {
  const net = network(size);
  for (const algorithm of ["cola", "forceatlas2"] as const) {
    if (algorithm === "cola" && size > colaMax) continue;
    const t = performance.now();
    const pos = algorithm === "cola" ? colaPositions(net) : forceAtlasPositions(net);
    const seconds = (performance.now() - t) / 1000;
    const row = { relationships: size, actors: net.nodes.length, algorithm, seconds: Math.round(seconds * 100) / 100, ...quality(net, pos) };
    rows.push(row);
    console.log(`${String(size).padStart(7)} rel ${String(net.nodes.length).padStart(6)} actors  ${algorithm.padEnd(12)} ${row.seconds.toFixed(2).padStart(7)} s  overlapping ${(row.overlapShare * 100).toFixed(1).padStart(5)}%  length cv ${row.lengthCv.toFixed(2)}`);
  }
}
console.log(JSON.stringify(rows));
