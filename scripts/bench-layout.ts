/**
 * Measures the two whole-network layouts on synthetic datasets (lib/dataset/synth.ts): time and
 * two signs of picture quality, the share of actors drawn on top of another (centres closer than a
 * node's width) and the spread of tie lengths (coefficient of variation: lower is more even).
 * COLA_MAX_EDGES in lib/graph/layout.ts is chosen from these figures. Prints a table, then JSON.
 *   npx tsx scripts/bench-layout.ts [--sizes 500,1000,2000] [--cola-max 2000] [--theta 0.5,1.2]
 * --theta runs ForceAtlas2 once per Barnes-Hut theta given (default: the store's, FA2_THETA), with the
 * CPU time of this process beside the wall time (the machine is shared), and a third sign of quality:
 * the mean tie length against the mean distance between random actors (lower: neighbours sit closer).
 */
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { synthesizeDataset } from "../lib/dataset/synth";
import type { LayoutNetwork, Point } from "../lib/graph/layout";
import { colaPositions, FA2_THETA, forceAtlasPositions } from "../lib/graph/positions";
import { RELATIONSHIP_TYPES } from "../lib/model/vocabulary";

const { values } = parseArgs({ options: { sizes: { type: "string", default: "84,500,1000,2000,10000,100000" }, "cola-max": { type: "string", default: "2000" }, theta: { type: "string", default: String(FA2_THETA) } } });
const thetas = values.theta!.split(",").map(Number);
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
  // Random pairs from a fixed sequence, so two runs compare the same pairs.
  const ids = [...pos.keys()];
  let seed = 1;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  let random = 0;
  const pairs = 20000;
  for (let i = 0; i < pairs; i++) {
    const a = pos.get(ids[Math.floor(next() * ids.length)]!)!, b = pos.get(ids[Math.floor(next() * ids.length)]!)!;
    random += Math.hypot(a.x - b.x, a.y - b.y);
  }
  return { overlapShare: overlapping / pos.size, lengthCv: sd / mean, tieToRandom: mean / (random / pairs) };
}

const rows: { relationships: number; actors: number; algorithm: string; seconds: number; cpuSeconds: number; overlapShare: number; lengthCv: number; tieToRandom: number }[] = [];
for (const size of sizes) {
  const net = network(size);
  const runs = [...(size <= colaMax ? [{ algorithm: "cola" }] : []), ...thetas.map((theta) => ({ algorithm: `forceatlas2 θ${theta}`, theta }))];
  for (const run of runs) {
    const t = performance.now();
    const c = process.cpuUsage();
    const pos = "theta" in run ? forceAtlasPositions(net, { barnesHutTheta: run.theta }) : colaPositions(net);
    const seconds = (performance.now() - t) / 1000;
    const used = process.cpuUsage(c);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const row = { relationships: size, actors: net.nodes.length, algorithm: run.algorithm, seconds: Math.round(seconds * 100) / 100, cpuSeconds: Math.round(cpuSeconds * 100) / 100, ...quality(net, pos) };
    rows.push(row);
    console.log(
      `${String(size).padStart(7)} rel ${String(net.nodes.length).padStart(6)} actors  ${run.algorithm.padEnd(17)} ${row.seconds.toFixed(2).padStart(7)} s (cpu ${row.cpuSeconds.toFixed(2).padStart(6)} s)` +
        `  overlapping ${(row.overlapShare * 100).toFixed(1).padStart(5)}%  length cv ${row.lengthCv.toFixed(3)}  tie/random ${row.tieToRandom.toFixed(3)}`,
    );
  }
}
console.log(JSON.stringify(rows));
