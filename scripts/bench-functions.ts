/**
 * Benchmark: how long the data functions behind the routes (and the exports) take over the seeded
 * dataset, and the process's memory. Prints figures; asserts nothing (these machines are shared and noisy).
 *   npm run bench -- --functions     (uses a temporary copy of the store, seeded from seed/data)
 * The server at several sizes, over HTTP, is scripts/bench-routes.ts (npm run bench).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

async function layoutOnce(all: Awaited<ReturnType<typeof import("../lib/server/reads/graph").getGraph>>) {
  const { layoutPositions } = await import("../lib/graph/positions");
  layoutPositions(all.elements);
}

async function sweepViews(all: Awaited<ReturnType<typeof import("../lib/server/reads/graph").getGraph>>, perYear: typeof all[]) {
  const { computeGraphView } = await import("../lib/graph/view");
  const { DEFAULT_VIEW } = await import("../lib/view/state");
  for (const g of perYear) computeGraphView({ all: all.elements, current: g, state: { ...DEFAULT_VIEW, triangle: true }, endedBefore: g.window.first ?? "" });
}

type Graph = Awaited<ReturnType<typeof import("../lib/server/reads/graph").getGraph>>;
const analysisGraph = (g: Graph) => ({ nodes: g.elements.nodes.map((n) => n.data.id), edges: g.elements.edges.map((e) => e.data) });

/** The reading tools' analyses over every year: what the explorer computes per slider step. */
async function analyseEveryYear(perYear: Graph[], run: "measures" | "paths") {
  const { actorMeasures } = await import("../lib/graph/analysis/measures");
  const { shortestPaths } = await import("../lib/graph/analysis/paths");
  for (const g of perYear) {
    const graph = analysisGraph(g);
    if (run === "measures") actorMeasures(graph);
    else shortestPaths(graph, "iraqi-government", "iraqi-baathists", { cooperativeOnly: false, directed: false });
  }
}

async function compareEveryPair(perYear: Graph[]) {
  const { diffGraphs } = await import("../lib/graph/analysis/compare");
  for (const a of perYear) for (const b of perYear) diffGraphs(a.elements.edges.map((e) => e.data), b.elements.edges.map((e) => e.data));
}

async function main() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "explorer-bench-")), "bench.db");
  const env = { ...process.env, DATABASE_URL: `file:${file}` };
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { env, stdio: "ignore" });
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "seed/load.ts"], { env, stdio: "ignore" });
  process.env.DATABASE_URL = env.DATABASE_URL;

  const { getGraph } = await import("../lib/server/reads/graph");
  const { listRelationships } = await import("../lib/server/reads/relationships");
  const { listActors, getActor } = await import("../lib/server/reads/actors");
  const { listEvents } = await import("../lib/server/reads/events");
  const { listSources } = await import("../lib/server/reads/sources");
  const { getTimeline } = await import("../lib/server/reads/timeline");
  const { exportFile } = await import("../lib/server/reads/export");
  const timeline = await getTimeline();
  const years = timeline.years.map((y) => y.year);
  const wholeGraph = await getGraph({});
  const graphPerYear = await Promise.all(years.map((at) => getGraph({ at })));

  const cases: [string, () => Promise<unknown>][] = [
    [`graph, every year ${years[0]}-${years.at(-1)} (one slider sweep)`, () => Promise.all(years.map((at) => getGraph({ at })))],
    ["graph, whole dataset", () => getGraph({})],
    ["relationships, all with citations", () => listRelationships({})],
    ["relationships at 2009", () => listRelationships({ at: "2009" })],
    ["actors", () => listActors()],
    ["actor detail (assad-government)", () => getActor("assad-government")],
    ["events", () => listEvents({})],
    ["sources with counts", () => listSources()],
    ["timeline", () => getTimeline()],
    // The explorer's own work, run here in Node: what the browser does once on load and per step.
    ["explorer: cola layout of the whole network (once per load)", () => layoutOnce(wholeGraph)],
    ["explorer: drawing rules for every year (one slider sweep)", () => sweepViews(wholeGraph, graphPerYear)],
    // The reading tools, in Node as in the browser: per slider step, and every pair of years compared.
    ["reading tools: degree and betweenness for every year", () => analyseEveryYear(graphPerYear, "measures")],
    ["reading tools: shortest chains for every year", () => analyseEveryYear(graphPerYear, "paths")],
    [`reading tools: compare every pair of years (${years.length ** 2} diffs)`, () => compareEveryPair(graphPerYear)],
    ["story (all steps with citations)", async () => (await import("../lib/server/reads/story")).listStory()],
    // Exports: the same work /api/export does, bytes included (the JSON lays the network out too).
    ["export: GraphML at 2009", () => exportFile({ format: "graphml", at: "2009" })],
    ["export: GEXF, whole dataset", () => exportFile({ format: "gexf" })],
    ["export: CSV relationships, whole dataset", () => exportFile({ format: "csv" })],
    ["export: Cytoscape JSON at 2009 (with layout)", () => exportFile({ format: "json", at: "2009" })],
    ["export: dataset bundle", () => exportFile({ format: "bundle" })],
  ];

  console.log(`rounds per case: ${ROUNDS} (after one warm-up)`);
  for (const [name, run] of cases) {
    await run();
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
    console.log(`${name.padEnd(60)} median ${at(0.5).padStart(8)} ms   p90 ${at(0.9).padStart(8)} ms`);
  }
  const m = process.memoryUsage();
  console.log(`memory: rss ${(m.rss / 2 ** 20).toFixed(1)} MiB, heap used ${(m.heapUsed / 2 ** 20).toFixed(1)} MiB`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
