/**
 * The YAML round trip through the real commands: a store exported as seed files
 * (`dataset:export -- --format yaml --out DIR`), loaded into an empty store (`db:seed -- --from DIR`)
 * and exported again gives the same files byte for byte and the same rows in every table.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { bundleText } from "@/lib/server/store/dataset-bundle";
import { BUNDLE_FORMAT, BUNDLE_VERSION } from "@/lib/dataset/bundle-schema";
import { synthesizeDataset } from "@/lib/dataset/synth";
import { runCommand } from "@/test/setup/command";
import { freshDatabaseFile, SEED_DATASET } from "@/test/setup/database";

// Four runs of the real commands, each laying out the network: minutes on a loaded machine.
const SLOW = 600_000;

const command = (file: string, script: string, ...args: string[]) => runCommand(script, args, file);

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "explorer-yaml-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The version counters and timestamps of the moment say when, not what: every other table is compared. */
const NOT_DATA = new Set(["_prisma_migrations", "DatasetInfo", "LayoutInfo"]);

/** Every row of every table of the store, each table in the order of all its columns. */
function everyTable(file: string): Record<string, unknown[]> {
  const sqlite = new Database(file, { readonly: true });
  try {
    const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
    const out: Record<string, unknown[]> = {};
    for (const { name } of tables) {
      if (NOT_DATA.has(name)) continue;
      const columns = (sqlite.prepare(`SELECT COUNT(*) AS n FROM pragma_table_info(?)`).get(name) as { n: number }).n;
      out[name] = sqlite.prepare(`SELECT * FROM "${name}" ORDER BY ${Array.from({ length: columns }, (_, i) => i + 1).join(", ")}`).all();
    }
    return out;
  } finally {
    sqlite.close();
  }
}

const filesOf = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));

async function roundTrip(loadFirst: (file: string) => Promise<void>) {
  const a = freshDatabaseFile();
  await loadFirst(a);
  const first = tempDir();
  const exported = await command(a, "scripts/dataset-bundle.ts", "export", "--format", "yaml", "--out", first);
  expect(exported.stderr).toBe("");
  expect(exported.code).toBe(0);
  expect(exported.stdout).toMatch(/as seed files in .* \(\d+ bytes; dataset version 1, 0 revisions in the log\)/);
  // A store loaded once: the files say which state of the data they are.
  expect(readFileSync(path.join(first, "export.yaml"), "utf8")).toMatch(/^datasetVersion: 1\nrevisions: 0\n$/m);

  const b = freshDatabaseFile();
  const seeded = await command(b, "seed/load.ts", "--from", first);
  expect(seeded.stderr).toBe("");
  expect(seeded.code).toBe(0);
  const second = tempDir();
  expect((await command(b, "scripts/dataset-bundle.ts", "export", "--format", "yaml", "--out", second)).code).toBe(0);

  const files = filesOf(first);
  expect(Object.keys(files)).toEqual(["actors.yaml", "events.yaml", "export.yaml", "places.yaml", "relationships.yaml", "sources.yaml", "story.yaml"]);
  expect(filesOf(second)).toEqual(files);
  const rowsA = everyTable(a);
  expect(rowsA.Actor!.length).toBeGreaterThan(0);
  expect(rowsA.ActorPosition!.length).toBeGreaterThan(0);
  expect(everyTable(b)).toEqual(rowsA);
  return files;
}

describe("YAML round trip: export, db:seed --from, export", () => {
  it("the article's seed: the same files and the same rows in every table", async () => {
    const files = await roundTrip(async (file) => {
      expect((await command(file, "seed/load.ts")).code).toBe(0);
    });
    expect(files["relationships.yaml"]).toMatch(/^- id: afghan-jihadists-fight-soviets$/m);
    expect(files["relationships.yaml"]).toContain('end: {date: "2014", qualifier: at-least}');
  }, SLOW);

  it("a synthetic dataset of 200 relationships: the same files and the same rows in every table", async () => {
    const dataset = synthesizeDataset({ relationships: 200, seed: 7 });
    const bundle = path.join(tempDir(), "synth.json");
    writeFileSync(bundle, bundleText({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, ...dataset }));
    const files = await roundTrip(async (file) => {
      expect((await command(file, "scripts/dataset-bundle.ts", "import", bundle)).code).toBe(0);
    });
    expect(files["relationships.yaml"]!.match(/^- id: /gm)).toHaveLength(200);
  }, SLOW);
});
