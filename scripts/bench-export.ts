/**
 * Benchmark: the whole-store exports in-process over an existing store, each consumed to its last
 * byte, a few rounds each. Prints wall and CPU time (on a shared machine the CPU time of this process
 * says more than the wall time) and a sha256 of each body, to check that a change keeps the bytes.
 *   DATABASE_URL=file:/tmp/s100000.db npx tsx --conditions=react-server scripts/bench-export.ts [--rounds 3] [--formats gexf,graphml]
 */
import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";

async function main() {
  const { values } = parseArgs({ options: { rounds: { type: "string", default: "3" }, formats: { type: "string", default: "gexf,graphml,csv,csv-actors,json" } } });
  const { exportFile } = await import("../lib/server/reads/export");
  for (const name of values.formats!.split(",")) {
    const q = name === "csv-actors" ? { format: "csv" as const, table: "actors" as const } : { format: name as "gexf" };
    const times: number[] = [];
    const cpu: number[] = [];
    let hash = "";
    let bytes = 0;
    for (let i = 0; i < Number(values.rounds); i++) {
      const t = performance.now();
      const c = process.cpuUsage();
      const answer = await exportFile(q);
      const h = createHash("sha256");
      bytes = 0;
      if (typeof answer.body === "string") {
        h.update(answer.body);
        bytes = Buffer.byteLength(answer.body);
      } else {
        const reader = (answer.body as ReadableStream<Uint8Array>).getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          h.update(value);
          bytes += value.byteLength;
        }
      }
      times.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      hash = h.digest("hex").slice(0, 16);
    }
    console.log(`${name.padEnd(11)} ${times.map((t) => t.toFixed(0).padStart(6)).join(" ")} ms wall, cpu ${cpu.map((t) => t.toFixed(0)).join(" ")} ms   ${(bytes / 2 ** 20).toFixed(1)} MiB  sha256 ${hash}`);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
