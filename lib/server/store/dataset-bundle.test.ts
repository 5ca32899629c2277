import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCommand } from "@/test/setup/command";
import { clientsClosedAfterEach, dumpStore, freshDatabaseFile, loadedDatabaseFile, MINI_DATASET, SEED_DATASET } from "@/test/setup/database";
import { readDatasetDir } from "../../dataset/files";
import { DatasetError, type DatasetProblem } from "../../dataset/validation";
import { BUNDLE_FORMAT, BUNDLE_VERSION, canonicalDataset, parseBundle, type Bundle } from "../../dataset/bundle-schema";
import { bundleText, exportBundle, importBundle, readDataset } from "./dataset-bundle";
import { isStoreEmpty } from "./load-dataset";

const open = clientsClosedAfterEach();
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "explorer-bundle-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The seed's bundle text, exported once from a seeded store. */
let seedText: string | undefined;
async function seedBundleText(): Promise<string> {
  seedText ??= bundleText(await exportBundle(open(await loadedDatabaseFile(SEED_DATASET))));
  return seedText;
}
const seedBundle = async () => JSON.parse(await seedBundleText()) as Bundle;

/** The problems a rejected promise or call carried, or a failure if it did not throw a DatasetError. */
async function problemsOf(attempt: Promise<unknown> | (() => unknown)): Promise<DatasetProblem[]> {
  try {
    await (typeof attempt === "function" ? attempt() : attempt);
  } catch (e) {
    if (e instanceof DatasetError) return e.problems;
    throw e;
  }
  throw new Error("expected a DatasetError, but nothing was thrown");
}

describe("export and import of the whole store", () => {
  it("round trip on the seed: export, import into an empty store, export again gives the same bytes and rows", async () => {
    const seeded = open(await loadedDatabaseFile(SEED_DATASET));
    const a = bundleText(await exportBundle(seeded));
    expect(a.endsWith("}\n")).toBe(true);
    // The store was loaded once and never edited: dataset version 1, an empty log.
    expect(JSON.parse(a)).toMatchObject({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, meta: { datasetVersion: 1, revisions: 0 } });
    expect(Object.keys(JSON.parse(a))).toEqual(["format", "version", "meta", "sources", "places", "actors", "relationships", "events", "story"]);

    const empty = open(freshDatabaseFile());
    expect(await isStoreEmpty(empty)).toBe(true);
    const counts = await importBundle(empty, JSON.parse(a), "bundle.json");
    // The story grows as it is edited: its figures come from the seed file, the rest are fixed.
    const story = readDatasetDir(SEED_DATASET).story;
    expect(story.length).toBeGreaterThan(0);
    expect(counts).toEqual({
      actors: 42,
      actorNames: 41,
      relationships: 85,
      events: 30,
      participants: 88,
      sources: 11,
      places: 17,
      storySteps: story.length,
      citations: 134 + story.reduce((n, s) => n + s.citations.length, 0),
    });

    const b = bundleText(await exportBundle(empty));
    expect(b === a).toBe(true);
    expect(await dumpStore(empty)).toEqual(await dumpStore(seeded));
  });

  it("exports the seed as the seed files say it, in the canonical shape the schemas output", async () => {
    const store = await readDataset(open(await loadedDatabaseFile(SEED_DATASET)));
    // Not the seed files verbatim: the store keeps no order of entries (a bundle lists each section in
    // id order), writes out each relationship's polarity (the seed gives it only where it differs from
    // the type's) and keeps an event's relationships as a set; canonicalDataset applies exactly that.
    const seed = readDatasetDir(SEED_DATASET);
    expect(store).toStrictEqual(canonicalDataset(seed));
    // Entry for entry, those are the only differences.
    const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((e) => [e.id, e]));
    for (const section of ["sources", "places", "actors"] as const) {
      const stored = byId<{ id: string }>(store[section]);
      for (const entry of seed[section]) expect(stored.get(entry.id)).toStrictEqual(entry);
    }
    const relationships = byId(store.relationships);
    for (const r of seed.relationships) {
      const stored = relationships.get(r.id)!;
      expect({ ...r, polarity: stored.polarity }).toStrictEqual(stored);
      if (r.polarity) expect(stored.polarity).toBe(r.polarity);
    }
    const events = byId(store.events);
    for (const e of seed.events) {
      const stored = events.get(e.id)!;
      expect({ ...e, relationships: stored.relationships }).toStrictEqual(stored);
      expect(stored.relationships).toEqual([...new Set(e.relationships)].sort());
    }

    // A fixed point: what an export holds passes the schemas unchanged, down to key order, so an
    // import of an export writes the same rows and reads back the same.
    const reparsed = parseBundle(JSON.parse(await seedBundleText()), "bundle.json");
    expect(reparsed).toStrictEqual(store);
    expect(JSON.stringify(reparsed)).toBe(JSON.stringify(store));
  });

  it("round trip on the small fixture, whose entries use optional fields the seed may not", async () => {
    const store = await readDataset(open(await loadedDatabaseFile(MINI_DATASET)));
    expect(store).toStrictEqual(canonicalDataset(readDatasetDir(MINI_DATASET)));
    const bundle = await exportBundle(open(await loadedDatabaseFile(MINI_DATASET)));
    const empty = open(freshDatabaseFile());
    await importBundle(empty, JSON.parse(bundleText(bundle)), "mini.json");
    expect(bundleText(await exportBundle(empty))).toBe(bundleText(bundle));
  });
});

describe("a broken bundle changes nothing", () => {
  it("one bad entry deep inside: the store keeps its rows and the error names file, section, entry and field", async () => {
    const bundle = await seedBundle();
    const twelfth = bundle.relationships[11]!;
    twelfth.citations[0]!.source = "no-such-source";

    for (const target of [open(await loadedDatabaseFile(MINI_DATASET)), open(freshDatabaseFile())]) {
      const before = await dumpStore(target);
      const problems = await problemsOf(importBundle(target, bundle, "bundle.json"));
      expect(problems).toEqual([
        {
          file: "bundle.json › relationships",
          entry: `#12 (id: ${twelfth.id})`,
          field: "citations.0.source",
          message: 'unknown source "no-such-source" (not in bundle.json › sources)',
        },
      ]);
      expect(await dumpStore(target)).toEqual(before);
    }
  });

  it("a wrong version or format is refused before any entry is read", async () => {
    const target = open(await loadedDatabaseFile(MINI_DATASET));
    const before = await dumpStore(target);
    const bundle = await seedBundle();

    expect(await problemsOf(importBundle(target, { ...bundle, version: 2 }, "old.json"))).toEqual([
      { file: "old.json", entry: null, field: "version", message: "unsupported version 2: this explorer reads version 1 bundles" },
    ]);
    expect(await problemsOf(importBundle(target, { ...bundle, version: "1" }, "old.json"))).toEqual([
      { file: "old.json", entry: null, field: "version", message: 'expected the version number 1, found "1"' },
    ]);
    // Another format's version means nothing: only the format is reported.
    expect(await problemsOf(importBundle(target, { format: "cytoscape", version: 3, elements: [] }, "graph.json"))).toEqual([
      { file: "graph.json", entry: null, field: "format", message: `expected "${BUNDLE_FORMAT}" (a dataset bundle of this explorer), found "cytoscape"` },
    ]);
    expect(await dumpStore(target)).toEqual(before);
  });

  it("the envelope: not an object, a missing or unknown section", async () => {
    for (const raw of [null, [], "text", 3]) {
      const problems = await problemsOf(() => parseBundle(raw, "x.json"));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ file: "x.json", entry: null, field: null });
      expect(problems[0]!.message).toMatch(/^expected a dataset bundle: a JSON object with "format"/);
    }
    const { places: _places, ...withoutPlaces } = await seedBundle();
    expect(await problemsOf(() => parseBundle({ ...withoutPlaces, actor: [] }, "x.json"))).toEqual([
      { file: "x.json", entry: null, field: "places", message: "expected the list of places, found nothing" },
      { file: "x.json", entry: null, field: "actor", message: "unknown section; a bundle holds only format, version, meta, sources, places, actors, relationships, events, story" },
    ]);
    // A bundle written before the story existed has no "story": it reads as a dataset without one.
    const { story: _story, ...withoutStory } = await seedBundle();
    expect(parseBundle(withoutStory, "old.json").story).toEqual([]);
    // Entries are checked by the seed's schemas: every problem of every section is named.
    const bundle = await seedBundle();
    bundle.events[3]!.start = { date: "2003-13", qualifier: "exact" };
    (bundle.actors[0] as { kind: string }).kind = "dragon";
    const problems = await problemsOf(() => parseBundle(bundle, "x.json"));
    expect(problems.map((p) => [p.file, p.entry, p.field])).toEqual([
      ["x.json › actors", `#1 (id: ${bundle.actors[0]!.id})`, "kind"],
      ["x.json › events", `#4 (id: ${bundle.events[3]!.id})`, "start.date"],
    ]);
  });
});

describe("the command line", () => {
  /** One run of scripts/dataset-bundle.ts on a store; each costs a second or two. */
  const cli = (args: string[], databaseFile: string, stdoutFd?: number) => runCommand("scripts/dataset-bundle.ts", args, databaseFile, { stdoutFd });

  it("exports to a file and imports it into an empty store; a file that is not JSON changes nothing", async () => {
    const dir = tempDir();
    const out = path.join(dir, "bundle.json");
    const seeded = await loadedDatabaseFile(SEED_DATASET);

    const exported = await cli(["export", "--out", out], seeded);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/^dataset:export: wrote 42 actors, 85 relationships, 30 events, 11 sources, 17 places from .* \(\d+ bytes\)\n$/);
    expect(readFileSync(out, "utf8")).toBe(await seedBundleText());

    const empty = freshDatabaseFile();
    const imported = await cli(["import", out], empty);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain("dataset:import: loaded 42 actors (41 names and aliases), 85 relationships");
    expect(bundleText(await exportBundle(open(empty)))).toBe(await seedBundleText());

    const broken = path.join(dir, "broken.json");
    writeFileSync(broken, (await seedBundleText()).slice(0, 500));
    const targetFile = await loadedDatabaseFile(MINI_DATASET);
    const target = open(targetFile);
    const before = await dumpStore(target);
    const refused = await cli(["import", broken], targetFile);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^dataset:import: nothing was written; the dataset has 1 problem:\n {2}.*broken\.json: not valid JSON: /);
    expect(await dumpStore(target)).toEqual(before);
  }, 90_000); // three commands, the import laying the store out too: slow on a loaded machine

  it("refuses to replace a store whose revisions the bundle lacks, unless --force; a bundle exported after them loads", async () => {
    const dir = tempDir();
    const old = path.join(dir, "old.json");
    writeFileSync(old, await seedBundleText());
    const storeFile = await loadedDatabaseFile(MINI_DATASET);
    const store = open(storeFile);
    // Two revisions, made as an editor's import makes them.
    const { importSpreadsheet } = await import("./import-spreadsheet");
    await importSpreadsheet(store, { nodes: { name: "nodes.csv", text: "id,label,type,description\nnew-one,New One,person,Someone new.\nstate-a,State A Renamed,,\n" } });
    expect(await store.revision.count()).toBe(2);
    const before = await dumpStore(store);

    const refused = await cli(["import", old], storeFile);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(/^dataset:import: refused, nothing was written; the store holds 2 revisions and .*old\.json includes 0, so loading would undo edits made in the explorer; export them first \(npm run dataset:export -- --out FILE\) or run again with --force\n$/);
    expect(await dumpStore(store)).toEqual(before);

    const current = path.join(dir, "current.json");
    expect((await cli(["export", "--out", current], storeFile)).code).toBe(0);
    expect(JSON.parse(readFileSync(current, "utf8")).meta).toEqual({ datasetVersion: 2, revisions: 2 });
    const reloaded = await cli(["import", current], storeFile);
    expect(reloaded.code, reloaded.stderr).toBe(0);

    const forced = await cli(["import", old, "--force"], storeFile);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain("dataset:import: loaded 42 actors");
  }, 120_000);

  it("--if-empty leaves a store with data as it is", async () => {
    const dir = tempDir();
    const file = path.join(dir, "bundle.json");
    writeFileSync(file, await seedBundleText());
    const store = await loadedDatabaseFile(MINI_DATASET);
    const before = await dumpStore(open(store));
    const run = await cli(["import", file, "--if-empty"], store);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/already holds data; left as it is/);
    expect(await dumpStore(open(store))).toEqual(before);
  });

  it("a full disk or a missing directory: one line, no stack, a non-zero exit, the previous file untouched", async () => {
    const seeded = await loadedDatabaseFile(SEED_DATASET);
    // Every write to /dev/full fails with ENOSPC: the bundle is exported to stdout there.
    const full = openSync("/dev/full", "w");
    let run;
    try {
      run = await cli(["export"], seeded, full);
    } finally {
      closeSync(full);
    }
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("dataset:export: failed: the disk is full (ENOSPC); nothing was written, any previous file is as it was\n");

    const dir = tempDir();
    const missing = await cli(["export", "--out", path.join(dir, "no-such-dir", "bundle.json")], seeded);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^dataset:export: failed: a file or directory does not exist \(ENOENT\); nothing was written.*\n$/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);

    // A good export over a previous one replaces it whole and leaves no temporary file beside it.
    const out = path.join(dir, "bundle.json");
    writeFileSync(out, "previous backup\n");
    expect((await cli(["export", "--out", out], seeded)).code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(await seedBundleText());
    expect(readdirSync(dir)).toEqual(["bundle.json"]);
  });

  it("refuses a bundle over the size limit before reading it, and one 2 MB description by name", async () => {
    const dir = tempDir();
    const store = await loadedDatabaseFile(MINI_DATASET);
    const before = await dumpStore(open(store));
    const huge = path.join(dir, "huge.json");
    // Sparse: the size is there without the bytes, and nothing reads them.
    writeFileSync(huge, "");
    truncateSync(huge, 300 * 1024 * 1024);
    const refused = await cli(["import", huge], store);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^dataset:import: nothing was written; the dataset has 1 problem:\n {2}.*huge\.json: the file is 300\.0 MB; at most 256 MB is read\n$/);

    const bundle = await seedBundle();
    const index = bundle.actors.findIndex((a) => a.id === "bashar-al-assad");
    bundle.actors[index]!.description = "x".repeat(2 * 1024 * 1024);
    const wordy = path.join(dir, "wordy.json");
    writeFileSync(wordy, JSON.stringify(bundle));
    const long = await cli(["import", wordy], store);
    expect(long.code).toBe(1);
    expect(long.stderr).toContain(
      `wordy.json › actors, entry #${index + 1} (id: bashar-al-assad), field description: expected a description of at most 4,000 characters, found 2,097,152`,
    );
    expect(await dumpStore(open(store))).toEqual(before);
  });
});
