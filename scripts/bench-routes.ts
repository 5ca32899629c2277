/**
 * Benchmark of the server at several sizes (issue 12). Prints figures; asserts nothing (these
 * machines are shared and noisy). Needs a build (`npm run build`).
 *
 *   npm run bench                                   seed, 1k, 10k and 100k relationships
 *   npm run bench -- --sizes seed,1000 --duration 5 --port 3401 --plain-port 3400 --proxy-port 3402
 *   npm run bench -- --sizes seed,10000 --throughput-only --rounds 3   only the autocannon part, to compare two builds
 *   npm run bench -- --functions                    the data functions in-process, on the seed (the older benchmark)
 *
 * For each size: a synthetic dataset (lib/dataset/synth.ts; `seed` is seed/data) is imported into a
 * fresh store by a child process (time, and its peak memory from /proc's VmHWM); `next start` serves
 * it; then over HTTP:
 * - `/api/graph?at=Y` uncached, for ten years, against the same rows read in raw SQL by this process
 *   plus JSON.stringify (the floor any server could reach), and cached;
 * - each export of the whole store, uncached (time to the last byte, size);
 * - autocannon, 100 connections: `/api/graph?at=2009` cached and Next serving a static file of the
 *   same bytes from public/, in turn on the same server (`--rounds`, 2 by default), then a plain
 *   node:http server sending the same bytes, and the answer through nginx with deploy/nginx.conf
 *   (when nginx is installed);
 * - the browser part, when scripts/bench-browser.ts exists (`--url`; JSON on its last output line).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { NGINX, startNginx } from "./nginx-proxy";

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "seed,1000,10000,100000" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "100" },
    port: { type: "string", default: "3091" },
    "plain-port": { type: "string" },
    "proxy-port": { type: "string" },
    functions: { type: "boolean", default: false },
    "throughput-only": { type: "boolean", default: false },
    rounds: { type: "string", default: "2" },
  },
});
const PORT = Number(args.port);
const PLAIN_PORT = Number(args["plain-port"] ?? PORT + 1);
const PROXY_PORT = Number(args["proxy-port"] ?? PORT + 2);
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const BASE = `http://127.0.0.1:${PORT}`;
const ROOT = process.cwd();
const STATIC_NAME = "bench-static.json";
/** Only the autocannon part (the import still runs): to compare throughput before and after a change in minutes. */
const THROUGHPUT_ONLY = args["throughput-only"]!;
/** The cached graph and the static file are measured in turn this many times each, on one server. */
const ROUNDS = Math.max(1, Number(args.rounds));

const ms = (n: number) => `${n < 10 ? n.toFixed(1) : n.toFixed(0)} ms`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Peak resident memory of a running process, from the kernel's high-water mark. */
function peakRss(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs a child to its end, sampling its peak memory until it exits. */
function runMeasured(argv: string[], env: NodeJS.ProcessEnv): Promise<{ seconds: number; peak: number; output: string }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, argv, { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let peak = 0;
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setInterval(() => (peak = Math.max(peak, peakRss(child.pid))), 50);
    child.on("exit", (code) => {
      clearInterval(timer);
      if (code === 0) resolve({ seconds: (performance.now() - t) / 1000, peak, output });
      else reject(new Error(`${argv.join(" ")} exited ${code}: ${output.slice(-2000)}`));
    });
  });
}

async function fetchTimed(url: string) {
  const t = performance.now();
  const res = await fetch(url);
  const bytes = (await res.arrayBuffer()).byteLength;
  return { status: res.status, ms: performance.now() - t, bytes, etag: res.headers.get("etag") };
}

/** Refuses to measure whatever else may be listening on the port. */
async function portIsFree(): Promise<boolean> {
  try {
    await fetch(`${BASE}/`);
    return false;
  } catch {
    return true;
  }
}

async function waitForServer(server: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error("next start exited");
    try {
      if ((await fetch(`${BASE}/api/timeline`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("next start did not answer within 150 s");
}

function stop(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null) return resolve();
    server.on("exit", () => resolve());
    server.kill("SIGTERM");
  });
}

/** CPU time a process has used, in ms (utime + stime from /proc, in clock ticks of 10 ms). */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/**
 * autocannon against one URL; with the serving process's pid, also the CPU it spent per answer:
 * on a shared machine the rate follows whatever else runs, the CPU an answer costs much less so.
 */
async function cannon(url: string, pid?: number) {
  const before = cpuMs(pid);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, timeout: 10 });
  const cpu = (cpuMs(pid) - before) / result.requests.total;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, timeouts: result.timeouts, errors: result.errors, non2xx: result.non2xx, cpu };
}
type Cannon = Awaited<ReturnType<typeof cannon>>;

/** Several runs as one: mean rate, median latencies, every time-out and error counted. */
function combined(runs: Cannon[]): Cannon {
  const sum = (f: (c: Cannon) => number) => runs.reduce((a, c) => a + f(c), 0);
  return {
    rps: sum((c) => c.rps) / runs.length,
    p50: median(runs.map((c) => c.p50)),
    p99: median(runs.map((c) => c.p99)),
    timeouts: sum((c) => c.timeouts),
    errors: sum((c) => c.errors),
    non2xx: sum((c) => c.non2xx),
    cpu: sum((c) => c.cpu) / runs.length,
  };
}

/**
 * The same rows /api/graph?at=Y reads (relationships active in the year with their citation counts,
 * events with participants, the actors present with their names), in raw SQL over better-sqlite3,
 * plus JSON.stringify: what the route costs with nothing of ours in between.
 */
function rawGraph(db: Database.Database, year: string) {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const active = `SELECT id FROM Relationship WHERE (spanStart IS NULL OR spanStart <= @last) AND (spanEnd IS NULL OR spanEnd >= @first)`;
  const relationships = db
    .prepare(`SELECT r.*, (SELECT COUNT(*) FROM Citation c WHERE c.relationshipId = r.id) AS citations FROM Relationship r WHERE r.id IN (${active}) ORDER BY r.id`)
    .all({ first, last });
  const events = db
    .prepare(`SELECT e.id, e.title, e.kind, e.startDate, e.endDate, e.spanStart, e.spanEnd, p.actorId FROM Event e LEFT JOIN EventParticipant p ON p.eventId = e.id WHERE e.spanStart <= @last AND e.spanEnd >= @first ORDER BY e.spanStart, e.id`)
    .all({ first, last });
  const actors = db
    .prepare(
      `SELECT a.id, a.kind, a.name, a.short, n.name AS nName, n.short AS nShort, n.spanStart, n.spanEnd FROM Actor a LEFT JOIN ActorName n ON n.actorId = a.id
       WHERE a.id IN (SELECT fromId FROM Relationship WHERE id IN (${active}) UNION SELECT toId FROM Relationship WHERE id IN (${active})
         UNION SELECT p.actorId FROM EventParticipant p JOIN Event e ON e.id = p.eventId WHERE e.spanStart <= @last AND e.spanEnd >= @first)
       ORDER BY a.id`,
    )
    .all({ first, last });
  return JSON.stringify({ relationships, events, actors }).length;
}

type Row = [string, string];

/**
 * Latencies over HTTP, one request at a time: `/api/graph?at=Y` uncached for ten years against raw
 * SQL, the cached answer, the whole network, each export of the whole store.
 */
async function latencies(db: Database.Database, rows: Row[]) {
  // Uncached: each year is asked for the first time (the process keeps answers per version and query).
  const years = Array.from({ length: 10 }, (_, i) => String(2005 + i));
  const http1: number[] = [];
  const raw: number[] = [];
  let bytes = 0;
  for (const y of years) {
    const r = await fetchTimed(`${BASE}/api/graph?at=${y}`);
    if (r.status !== 200) throw new Error(`/api/graph?at=${y} answered ${r.status}`);
    http1.push(r.ms);
    if (y === "2009") bytes = r.bytes;
    const t = performance.now();
    rawGraph(db, y);
    raw.push(performance.now() - t);
  }
  rows.push(
    ["/api/graph?at=Y, uncached (median of 10 years)", ms(median(http1))],
    ["raw SQL + JSON.stringify, same rows (median)", ms(median(raw))],
    ["  ratio", `${(median(http1) / median(raw)).toFixed(1)}×`],
  );
  const cached: number[] = [];
  for (let i = 0; i < 10; i++) cached.push((await fetchTimed(`${BASE}/api/graph?at=2009`)).ms);
  rows.push(["/api/graph?at=2009, cached (median)", `${ms(median(cached))}, ${(bytes / 1024).toFixed(0)} KiB`]);
  const whole = await fetchTimed(`${BASE}/api/graph`);
  rows.push(["/api/graph (whole network), uncached", `${ms(whole.ms)}, ${mib(whole.bytes)}`]);

  for (const [name, query] of [
    ["GEXF", "format=gexf"],
    ["GraphML", "format=graphml"],
    ["CSV relationships", "format=csv"],
    ["CSV actors", "format=csv&table=actors"],
    ["Cytoscape JSON", "format=json"],
    ["bundle", "format=bundle"],
  ] as const) {
    const r = await fetchTimed(`${BASE}/api/export?${query}`);
    rows.push([`export ${name}, whole store`, r.status === 200 ? `${ms(r.ms)}, ${mib(r.bytes)}` : `status ${r.status}`]);
  }
}

async function startServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  if (!(await portIsFree())) throw new Error(`something already answers on port ${PORT}; choose another with --port`);
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"], { env, stdio: "ignore" });
  await waitForServer(server);
  return server;
}

async function benchSize(size: string): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), `explorer-bench-${size}-`));
  const file = path.join(dir, "bench.db");
  const env = { ...process.env, DATABASE_URL: `file:${file}`, NEXT_TELEMETRY_DISABLED: "1" };
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { env, stdio: "ignore" });

  const tsx = ["--conditions=react-server", "--import", "tsx"];
  let imported;
  if (size === "seed") {
    imported = await runMeasured([...tsx, "seed/load.ts"], env);
  } else {
    const bundle = path.join(dir, "synth.json");
    execFileSync(process.execPath, ["--import", "tsx", "scripts/dataset-synth.ts", "--relationships", size, "--out", bundle], { stdio: "ignore" });
    rows.push(["synthetic bundle", mib(statSync(bundle).size)]);
    imported = await runMeasured([...tsx, "scripts/dataset-bundle.ts", "import", bundle], env);
    rmSync(bundle);
  }
  rows.push(["import: time", `${imported.seconds.toFixed(1)} s`], ["import: peak memory (RSS)", mib(imported.peak)]);

  let server: ChildProcess | undefined;
  let plain: http.Server | undefined;
  try {
    // Next serves only the files public/ held when it started, but reads each one when asked: a
    // placeholder now, the answer's bytes once known, so one server serves both in turn.
    mkdirSync(path.join(ROOT, "public"), { recursive: true });
    writeFileSync(path.join(ROOT, "public", STATIC_NAME), "{}");
    // The server's read-ahead (lib/server/http/read-ahead.ts) would compute the next years of the
    // uncached loop below in the background, so those would be neither uncached nor alone: off here,
    // and on again (the default) for the browser, whose steps it serves.
    server = await startServer({ ...env, READ_AHEAD: "0" });
    const db = new Database(file, { readonly: true });
    const counts = db.prepare(`SELECT (SELECT COUNT(*) FROM Actor) AS actors, (SELECT COUNT(*) FROM Relationship) AS relationships`).get() as { actors: number; relationships: number };
    rows.push(["store", `${counts.actors} actors, ${counts.relationships} relationships`]);

    if (!THROUGHPUT_ONLY) await latencies(db, rows);
    db.close();

    // Throughput: the same bytes three ways. The cached graph and Next's static file take turns on
    // one server, so a change in the machine's load during the run weighs on both alike.
    const body = Buffer.from(await (await fetch(`${BASE}/api/graph?at=2009`)).arrayBuffer());
    writeFileSync(path.join(ROOT, "public", STATIC_NAME), body);
    const served = Buffer.from(await (await fetch(`${BASE}/${STATIC_NAME}`)).arrayBuffer());
    if (!served.equals(body)) throw new Error(`Next did not serve public/${STATIC_NAME} with the answer's bytes`);
    const graphRuns: Cannon[] = [];
    const staticRuns: Cannon[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      graphRuns.push(await cannon(`${BASE}/api/graph?at=2009`, server.pid));
      staticRuns.push(await cannon(`${BASE}/${STATIC_NAME}`, server.pid));
    }
    const graph = combined(graphRuns);
    const staticFile = combined(staticRuns);
    rows.push(["next start: peak memory (RSS)", mib(peakRss(server.pid))]);
    plain = http.createServer((_req, res) => res.writeHead(200, { "content-type": "application/json", "content-length": body.byteLength }).end(body));
    await new Promise<void>((r) => plain!.listen(PLAIN_PORT, "127.0.0.1", r));
    const node = await cannon(`http://127.0.0.1:${PLAIN_PORT}/`);
    await new Promise<void>((r) => plain!.close(() => r()));
    plain = undefined;
    // The same answer through deploy/nginx.conf in front of the app: what a deployment serves.
    let proxied = "nginx not installed: not measured";
    if (NGINX) {
      const nginx = startNginx({ appPort: PORT, proxyPort: PROXY_PORT, dir: path.join(dir, "nginx") });
      try {
        const proxyUrl = `http://127.0.0.1:${PROXY_PORT}/api/graph?at=2009`;
        for (let i = 0; i < 40 && !(await fetch(proxyUrl).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 250));
        const c = await cannon(proxyUrl);
        proxied = `${c.rps.toFixed(0)} req/s, p50 ${c.p50} ms, p99 ${c.p99} ms, ${c.timeouts} time-outs, ${c.errors} errors, ${c.non2xx} non-2xx`;
      } finally {
        await stop(nginx);
      }
    }
    const line = (c: Cannon) =>
      `${c.rps.toFixed(0)} req/s, p50 ${c.p50} ms, p99 ${c.p99} ms, ${c.timeouts} time-outs, ${c.errors} errors, ${c.non2xx} non-2xx` +
      (Number.isFinite(c.cpu) ? `, ${c.cpu.toFixed(2)} ms server CPU an answer` : "");
    const percent = (a: Cannon, b: Cannon) => `${((a.rps / b.rps) * 100).toFixed(0)}%`;
    rows.push(
      [`autocannon ${CONNECTIONS} conn × ${DURATION} s × ${ROUNDS}: /api/graph?at=2009 cached`, line(graph)],
      ["  Next serving the same bytes from public/, in turn", line(staticFile)],
      ["  plain node:http, same bytes", line(node)],
      ["  through nginx (deploy/nginx.conf) in front of the app", proxied],
      [
        "  cached graph against Next's static file",
        staticFile.non2xx > 0 ? "n/a (static file not served)" : `${percent(graph, staticFile)} (each round: ${graphRuns.map((g, i) => percent(g, staticRuns[i]!)).join(", ")})`,
      ],
      ["  the same by server CPU an answer (static ÷ graph)", `${((staticFile.cpu / graph.cpu) * 100).toFixed(0)}%`],
    );

    const browser = path.join(ROOT, "scripts", "bench-browser.ts");
    if (THROUGHPUT_ONLY) {
      // not measured
    } else if (existsSync(browser)) {
      await stop(server);
      server = await startServer(env);
      try {
        const out = execFileSync(process.execPath, ["--import", "tsx", browser, "--url", BASE], { encoding: "utf8", timeout: 600_000 });
        const figures = JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as Record<string, unknown>;
        for (const [k, v] of Object.entries(figures)) rows.push([`browser: ${k}`, String(v)]);
      } catch (e) {
        rows.push(["browser", `failed: ${(e as Error).message.split("\n")[0]}`]);
      }
    } else {
      rows.push(["browser", "scripts/bench-browser.ts absent: not measured"]);
    }
  } finally {
    rmSync(path.join(ROOT, "public", STATIC_NAME), { force: true });
    // Leaves no empty public/ behind when the benchmark made it.
    if (existsSync(path.join(ROOT, "public")) && readdirSync(path.join(ROOT, "public")).length === 0) rmSync(path.join(ROOT, "public"), { recursive: true });
    await new Promise<void>((r) => (plain ? plain.close(() => r()) : r()));
    if (server) await stop(server);
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

function printTable(size: string, rows: Row[]) {
  rows.push(["load average after", loadavg().map((l) => l.toFixed(1)).join(" ")]);
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n## ${size === "seed" ? "seed dataset" : `${Number(size).toLocaleString("en")} relationships`}\n`);
  console.log(`| ${"figure".padEnd(width)} | value |`);
  console.log(`| ${"-".repeat(width)} | --- |`);
  for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`);
}

async function main() {
  if (args.functions) {
    await import("./bench-functions");
    return;
  }
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    console.error("bench: no build found; run npm run build first");
    process.exit(2);
  }
  console.log(
    `bench ${new Date().toISOString()} · node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? "cpu"} · ${mib(totalmem())} · ` +
      `load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} (other work on the machine slows every figure) · sizes ${args.sizes}`,
  );
  for (const size of args.sizes!.split(",").map((s) => s.trim())) {
    if (size !== "seed" && !/^\d+$/.test(size)) {
      console.error(`bench: --sizes takes seed or whole numbers, found ${JSON.stringify(size)}`);
      process.exit(2);
    }
    try {
      printTable(size, await benchSize(size));
    } catch (e) {
      console.log(`\n## ${size}\n\nfailed: ${(e as Error).message}`);
    }
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
