/**
 * Benchmark and byte check of the exports, in-process over an existing store. Each answer of
 * exportFile is consumed to its last byte, as the route sends it.
 *
 * Timing (the whole store, each format, a few rounds; on a shared machine the process's CPU time
 * says more than the wall time, and the heap peak says whether memory stays flat):
 *   DATABASE_URL=file:/tmp/s100k.db npx tsx --conditions=react-server scripts/bench-exports.ts [--rounds 3] [--formats gexf,graphml]
 * Bytes (sha256 of every format over several views: whole store, a date, a window, filters, a
 * focus), saved once before a change and compared after it:
 *   DATABASE_URL=… npx tsx --conditions=react-server scripts/bench-exports.ts --hashes --save /tmp/before-10k.json
 *   DATABASE_URL=… npx tsx --conditions=react-server scripts/bench-exports.ts --hashes --check /tmp/before-10k.json
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import type { ExportQuery } from "../lib/api/query-schema";

const FORMATS: Record<string, Pick<ExportQuery, "format" | "table">> = {
  graphml: { format: "graphml" },
  gexf: { format: "gexf" },
  csv: { format: "csv" },
  "csv-actors": { format: "csv", table: "actors" },
  json: { format: "json" },
  bundle: { format: "bundle" },
};

/** Views whose exports the byte check compares: the kinds of query the route takes. */
function views(focus: string | undefined): Record<string, Omit<ExportQuery, "format" | "table">> {
  return {
    whole: {},
    "at-2009": { at: "2009" },
    "at-2006-10": { at: "2006-10" },
    "from-2003-to-2008": { from: "2003", to: "2008" },
    "to-2005": { to: "2005" },
    "filters-2009": { at: "2009", type: ["support", "membership", "rivalry"], certainty: ["documented", "reported"] },
    "kind-whole": { kind: ["government", "militant-organisation"] },
    "polarity-upto": { to: "2010", polarity: ["hostile"] },
    ...(focus ? { "focus-whole": { focus }, "focus-2009": { at: "2009", focus } } : {}),
  };
}

/** Reads a body to its end; `sample` is called every few blocks (a timer would not fire: reading a stream runs in microtasks). */
async function consume(body: string | ReadableStream<Uint8Array> | Uint8Array, sample = () => {}): Promise<{ hash: string; bytes: number }> {
  let blocks = 0;
  const h = createHash("sha256");
  let bytes = 0;
  if (typeof body === "string" || body instanceof Uint8Array) {
    h.update(body);
    bytes = typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
  } else {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      h.update(value);
      bytes += value.byteLength;
      // process.memoryUsage() reads /proc: every 16th block of 64 KiB is often enough.
      if (++blocks % 16 === 0) sample();
    }
  }
  return { hash: h.digest("hex"), bytes };
}

async function main() {
  const { values } = parseArgs({
    options: {
      rounds: { type: "string", default: "3" },
      formats: { type: "string", default: "gexf,graphml,csv,csv-actors,json,bundle" },
      hashes: { type: "boolean", default: false },
      save: { type: "string" },
      check: { type: "string" },
    },
  });
  const { exportFile } = await import("../lib/server/reads/export");
  const formats = values.formats!.split(",");

  if (values.hashes) {
    const { sqlGet } = await import("../lib/server/store/sql");
    // The actor with the most relationships: a focus that keeps a neighbourhood at most dates.
    const focus = sqlGet<{ id: string }>(
      `SELECT id FROM (SELECT fromId AS id FROM "Relationship" UNION ALL SELECT toId FROM "Relationship") GROUP BY id ORDER BY COUNT(*) DESC, id LIMIT 1`,
    )?.id;
    const found: Record<string, string> = {};
    for (const [viewName, view] of Object.entries(views(focus))) {
      for (const name of formats) {
        if (name === "bundle" && viewName !== "whole") continue;
        const answer = await exportFile({ ...view, ...FORMATS[name] } as ExportQuery);
        const { hash, bytes } = await consume(answer.body);
        found[`${viewName} ${name}`] = `${hash} ${bytes}`;
      }
    }
    if (values.save) writeFileSync(values.save, `${JSON.stringify(found, null, 1)}\n`);
    if (values.check) {
      const before = JSON.parse(readFileSync(values.check, "utf8")) as Record<string, string>;
      let differ = 0;
      for (const key of new Set([...Object.keys(before), ...Object.keys(found)])) {
        if (before[key] === found[key]) continue;
        differ++;
        console.log(`DIFFERS ${key}: ${before[key] ?? "(absent)"} -> ${found[key] ?? "(absent)"}`);
      }
      console.log(`${Object.keys(found).length} exports, ${differ} differ from ${values.check}`);
      process.exitCode = differ ? 2 : 0;
    } else {
      for (const [key, v] of Object.entries(found)) console.log(`${key.padEnd(32)} ${v}`);
    }
    return;
  }

  for (const name of formats) {
    const times: number[] = [];
    const cpu: number[] = [];
    let hash = "";
    let bytes = 0;
    let heapPeak = 0;
    for (let i = 0; i < Number(values.rounds); i++) {
      globalThis.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      const sample = () => void (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed - heapBefore));
      const t = performance.now();
      const c = process.cpuUsage();
      const answer = await exportFile(FORMATS[name] as ExportQuery);
      sample();
      ({ hash, bytes } = await consume(answer.body, sample));
      times.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
    }
    console.log(
      `${name.padEnd(11)} ${times.map((t) => t.toFixed(0).padStart(6)).join(" ")} ms wall, cpu ${cpu.map((t) => t.toFixed(0)).join(" ")} ms, ` +
        `heap +${(heapPeak / 2 ** 20).toFixed(0)} MiB   ${(bytes / 2 ** 20).toFixed(1)} MiB  sha256 ${hash.slice(0, 16)}`,
    );
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
