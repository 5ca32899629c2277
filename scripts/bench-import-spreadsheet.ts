/**
 * Benchmark: a spreadsheet import of N synthetic ties (nodes.csv, edges.csv and sources.csv made
 * deterministically from lib/dataset/synth.ts, dates as people write them) applied into a fresh
 * temporary store that holds the test fixture's small dataset, laid out. Then a second import of the
 * same files with every tenth tie's summary changed: the update path. Each size runs in its own
 * process, so the peak RSS printed is that size's own. Prints wall and CPU seconds of
 * importSpreadsheet (plan, write and layout) and the process's peak RSS; what the import recorded is printed too, so
 * two versions of the code can be compared on what they did as well as how fast.
 *   npx tsx --conditions=react-server scripts/bench-import-spreadsheet.ts [--ties 500,3000,20000]
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { Dataset } from "../lib/dataset/schema";
import { spreadsheetOf } from "../test/setup/spreadsheet-files";

/** One size, in this process: prints one line. */
async function runOne(ties: number, template: string): Promise<void> {
  const { readDatasetDir } = await import("../lib/dataset/files");
  const { synthesizeDataset } = await import("../lib/dataset/synth");
  const { replaceDataset } = await import("../lib/server/store/load-dataset");
  const { createPrismaClient } = await import("../lib/server/store/prisma-client");
  const { updateLayout } = await import("../lib/server/store/layout");
  const { importSpreadsheet } = await import("../lib/server/store/import-spreadsheet");

  const dir = mkdtempSync(path.join(tmpdir(), "bench-import-"));
  const file = path.join(dir, "store.db");
  copyFileSync(template, file);
  const client = createPrismaClient(file);
  try {
    await replaceDataset(client, readDatasetDir(path.resolve("test/fixtures/mini")));
    await updateLayout(client);
    const d = synthesizeDataset({ relationships: ties, seed: 3 });
    const files = spreadsheetOf(d);

    // CPU seconds of this process beside the wall's: on a shared machine they say more.
    const cpuSince = (c: NodeJS.CpuUsage) => {
      const u = process.cpuUsage(c);
      return (u.user + u.system) / 1e6;
    };
    let t = performance.now();
    let c = process.cpuUsage();
    const first = await importSpreadsheet(client, files);
    const added = (performance.now() - t) / 1000;
    const addedCpu = cpuSince(c);
    if (!first.applied) throw new Error(`the import was refused: ${JSON.stringify(first.plan.refused.slice(0, 3))}`);

    const changedSummaries = { ...d, relationships: d.relationships.map((r, i) => (i % 10 === 0 ? { ...r, summary: `${r.summary} (corrected)` } : r)) };
    const second = spreadsheetOf(changedSummaries);
    t = performance.now();
    c = process.cpuUsage();
    const again = await importSpreadsheet(client, second);
    const changed = (performance.now() - t) / 1000;
    const changedCpu = cpuSince(c);
    if (!again.applied) throw new Error(`the second import was refused: ${JSON.stringify(again.plan.refused.slice(0, 3))}`);

    const revisions = await client.revision.count();
    const peak = process.resourceUsage().maxRSS / 1024;
    const r1 = first.applied.revisions;
    const r2 = again.applied.revisions;
    console.log(
      `${String(ties).padStart(6)} ties: add ${added.toFixed(1).padStart(6)} s, cpu ${addedCpu.toFixed(1)} s (${r1.created} created, layout ${first.applied.layout.seconds.toFixed(1)} s)` +
        `   change ${changed.toFixed(1).padStart(6)} s, cpu ${changedCpu.toFixed(1)} s (${r2.updated} updated)   ${revisions} revisions   peak RSS ${peak.toFixed(0)} MiB`,
    );
  } finally {
    await client.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const { values } = parseArgs({ options: { ties: { type: "string", default: "500,3000,20000" }, one: { type: "string" }, template: { type: "string" } } });
  if (values.one !== undefined) return runOne(Number(values.one), values.template!);

  // One migrated empty store, copied for each size: migrating is slow, copying is not.
  const dir = mkdtempSync(path.join(tmpdir(), "bench-import-template-"));
  const template = path.join(dir, "template.db");
  try {
    execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: `file:${template}` },
      stdio: "pipe",
    });
    for (const ties of values.ties!.split(",").map(Number)) {
      execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", process.argv[1]!, "--one", String(ties), "--template", template], { stdio: "inherit" });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
