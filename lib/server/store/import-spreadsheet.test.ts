/**
 * The spreadsheet import on real SQLite stores: about 500 ties written as nodes.csv, edges.csv and
 * sources.csv (from the synthetic generator, dates as people write them), previewed, then applied;
 * a file with one bad row refused by file, row and column with nothing written, through the CLI too.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { clientsClosedAfterEach, dumpStore, loadedDatabaseFile, MINI_DATASET } from "@/test/setup/database";
import { spreadsheetOf } from "@/test/setup/spreadsheet-files";
import { synthesizeDataset } from "../../dataset/synth";
import type { Dataset } from "../../dataset/schema";
import { readDataset } from "./dataset-bundle";
import { importSpreadsheet } from "./import-spreadsheet";
import { StaleDatasetError } from "./load-dataset";
import { getDatasetVersion } from "./dataset-version";
import { readEntry } from "../writes/read-entry";
import type { EntityKind } from "../../dataset/write-schema";
import Database from "better-sqlite3";

const open = clientsClosedAfterEach();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const synth = () => synthesizeDataset({ relationships: 500, seed: 3 });

describe("importSpreadsheet", () => {
  it("about 500 ties: a preview that writes nothing, then the whole import in one go, the store's actors keeping their places", async () => {
    const client = open(await loadedDatabaseFile(MINI_DATASET));
    const { updateLayout } = await import("./layout");
    await updateLayout(client);
    const placedBefore = await client.actorPosition.findMany({ orderBy: { actorId: "asc" } });
    const before = await dumpStore(client);
    const d = synth();
    const files = spreadsheetOf(d);

    const preview = await importSpreadsheet(client, files, { dryRun: true });
    expect(preview.plan.refused).toEqual([]);
    expect(preview.applied).toBeNull();
    expect(preview.plan.added.relationships).toHaveLength(500);
    expect(preview.plan.added.actors).toHaveLength(d.actors.length);
    expect(preview.plan.added.sources).toHaveLength(d.sources.length);
    expect(await dumpStore(client)).toEqual(before);

    const done = await importSpreadsheet(client, files, { ifVersion: preview.datasetVersion });
    expect(done.applied?.counts.relationships).toBe(500 + 4);
    expect(await client.revision.count({ where: { action: "create" } })).toBe(500 + d.actors.length + d.sources.length);
    const store = await readDataset(client);
    // What a spreadsheet holds of each tie comes back exactly: ends, type, dates and qualifiers, every citation.
    const imported = new Map(store.relationships.map((r) => [r.id, r]));
    for (const r of d.relationships) {
      const { places: _places, note: _note, ...kept } = r;
      expect(imported.get(r.id)).toEqual({ ...kept, places: [] });
    }
    expect(store.actors.filter((a) => a.id.startsWith("actor-")).map((a) => [a.id, a.kind, a.name, a.aliases])).toEqual(d.actors.map((a) => [a.id, a.kind, a.name, a.aliases]));
    const placedAfter = await client.actorPosition.findMany({ where: { actorId: { in: placedBefore.map((p) => p.actorId) } }, orderBy: { actorId: "asc" } });
    expect(placedAfter).toEqual(placedBefore);
    expect(await client.actorPosition.count()).toBeGreaterThan(placedBefore.length);

    // The same files again: nothing to add or change.
    const again = await importSpreadsheet(client, files, { dryRun: true });
    expect(again.plan).toMatchObject({ refused: [], changed: [], added: { actors: [], relationships: [], sources: [] } });
    expect(again.plan.unchanged).toBe(500 + d.actors.length + d.sources.length);
  }, 600_000);

  it("one bad row refuses the whole import, naming file, row and column, and writes nothing", async () => {
    const client = open(await loadedDatabaseFile(MINI_DATASET));
    const before = await dumpStore(client);
    const files = spreadsheetOf(synth());
    const lines = files.edges.text.split("\r\n");
    // Row 14 of the sheet is line 14 of the file: every cell is on one line.
    lines[13] = lines[13]!.replace(/^("[^"]*","[^"]*","[^"]*","[^"]*",)"[^"]*"/, '$1"2003?"');
    const result = await importSpreadsheet(client, { ...files, edges: { name: "edges.csv", text: lines.join("\r\n") } });
    expect(result.applied).toBeNull();
    expect(result.plan.refused).toEqual([
      expect.objectContaining({ file: "edges.csv", row: 14, column: "start", value: "2003?", message: expect.stringMatching(/a question mark is not a date/) }),
    ]);
    expect(await dumpStore(client)).toEqual(before);
  }, 600_000);

  it("refuses to apply a preview the store has moved on from", async () => {
    const client = open(await loadedDatabaseFile(MINI_DATASET));
    const files = { nodes: { name: "nodes.csv", text: "id,label,type,description\nnew-one,New One,person,Someone new in the data.\n" } };
    const preview = await importSpreadsheet(client, files, { dryRun: true });
    await importSpreadsheet(client, { nodes: { name: "nodes.csv", text: "id,label\nstate-a,State A Renamed\n" } });
    await expect(importSpreadsheet(client, files, { ifVersion: preview.datasetVersion })).rejects.toBeInstanceOf(StaleDatasetError);
    expect(await client.actor.count()).toBe(4);
  });
});

describe("an import is a change like any other", () => {
  /** The log and the version: what a write must move and a failure must leave alone. */
  const logOf = async (client: ReturnType<typeof open>) => ({
    revisions: await client.revision.findMany({ orderBy: { id: "asc" } }),
    datasetVersion: await getDatasetVersion(client),
  });
  const NODES = { name: "nodes.csv", text: "id,label,type,description\nnew-one,New One,person,Someone new in the data.\nstate-a,State A Renamed,,\n" };

  it("records one revision per entry added or changed, with exact before and after, and moves the versions on", async () => {
    const client = open(await loadedDatabaseFile(MINI_DATASET));
    const stateA = await readEntry(client, "actor", "state-a");
    const versionBefore = await getDatasetVersion(client);
    const done = await importSpreadsheet(client, { nodes: NODES }, { reason: "Renamed after the 2010 report" });
    expect(done.applied?.revisions).toEqual({ created: 1, updated: 1 });
    expect(await getDatasetVersion(client)).toBe(versionBefore + 1);

    const rows = await client.revision.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.entityKind, r.entityId, r.action, r.version, r.reason, r.authorId, r.authorName])).toEqual([
      ["actor", "new-one", "create", 1, "Renamed after the 2010 report", null, "command line"],
      ["actor", "state-a", "update", 2, "Renamed after the 2010 report", null, "command line"],
    ]);
    const [created, updated] = rows;
    expect(created!.before).toBeNull();
    expect(JSON.parse(created!.after!)).toEqual({ id: "new-one", kind: "person", name: "New One", names: [], description: "Someone new in the data.", aliases: [] });
    expect(JSON.parse(updated!.before!)).toEqual(stateA!.entry);
    expect(JSON.parse(updated!.after!)).toEqual({ ...stateA!.entry, name: "State A Renamed" });
    expect(await readEntry(client, "actor", "state-a")).toEqual({ version: 2, entry: { ...stateA!.entry, name: "State A Renamed" } });
    expect((await readEntry(client, "actor", "new-one"))?.version).toBe(1);
    // Untouched entries keep their versions.
    expect((await readEntry(client, "actor", "power-b"))?.version).toBe(1);

    // The same file again changes nothing, so it records nothing and leaves the version alone.
    const log = await logOf(client);
    const again = await importSpreadsheet(client, { nodes: NODES });
    expect(again.plan.unchanged).toBe(2);
    expect(await logOf(client)).toEqual(log);
  });

  it("names the files in the default reason and the signed-in editor as the author", async () => {
    const client = open(await loadedDatabaseFile(MINI_DATASET));
    const user = await client.user.create({ data: { id: "u-eda", email: "eda@example.org", name: "Eda Editor", role: "editor" } });
    await importSpreadsheet(client, { nodes: NODES, edges: { name: "edges.csv", text: "from,to,type\n" } }, { author: user });
    const rows = await client.revision.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.reason, r.authorId, r.authorName, r.authorEmail])).toEqual([
      ["spreadsheet import: nodes.csv, edges.csv", "u-eda", "Eda Editor", "eda@example.org"],
      ["spreadsheet import: nodes.csv, edges.csv", "u-eda", "Eda Editor", "eda@example.org"],
    ]);
  });

  it("a failure part-way leaves the data, the log and the version as they were", async () => {
    const client = open(await loadedDatabaseFile(MINI_DATASET));
    const data = await dumpStore(client);
    const log = await logOf(client);
    // An author whose account does not exist: the first revision fails its foreign key after the rows were written.
    await expect(importSpreadsheet(client, { nodes: NODES }, { author: { id: "no-such-account", name: "Ghost", email: "ghost@example.org" } })).rejects.toThrow(/foreign key/i);
    expect(await dumpStore(client)).toEqual(data);
    expect(await logOf(client)).toEqual(log);
  });
});

describe("the import is written as one batch", () => {
  /** The log and the version: what a write must move and a failure must leave alone. */
  const logOf = async (client: ReturnType<typeof open>) => ({
    revisions: await client.revision.findMany({ orderBy: { id: "asc" } }),
    datasetVersion: await getDatasetVersion(client),
  });

  /**
   * Every revision after `afterId` against the write API's own read of the entity (read-entry.ts,
   * through Prisma): its `after` is what the store holds now, at the version it records. Every
   * `step`th one: reading thousands through Prisma one by one would take most of a minute.
   */
  async function expectRevisionsMatchStore(client: ReturnType<typeof open>, afterId: number, step = 1) {
    const rows = await client.revision.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" } });
    for (const r of rows.filter((_, i) => i % step === 0 || i === rows.length - 1)) {
      const now = await readEntry(client, r.entityKind as EntityKind, r.entityId);
      expect(now, `${r.entityKind} ${r.entityId}`).toEqual({ entry: JSON.parse(r.after!), version: r.version });
    }
    return rows;
  }

  it("a failure in the middle of the batch leaves the data, the positions, the revision log and the version untouched", async () => {
    const file = await loadedDatabaseFile(MINI_DATASET);
    const client = open(file);
    // A log that already holds revisions, so "untouched" means more than "still empty".
    await importSpreadsheet(client, { nodes: { name: "nodes.csv", text: "id,label\nstate-a,State A Renamed\n" } });
    const d = synth();
    const middle = d.relationships[250]!.id;
    // A real failure of the store itself, half-way through the relationships, after every source and
    // actor and 250 relationships with their revisions were written in the same transaction.
    const raw = new Database(file);
    raw.exec(`CREATE TRIGGER "fail_mid_batch" BEFORE INSERT ON "Relationship" WHEN NEW."id" = '${middle}' BEGIN SELECT RAISE(ABORT, 'the disk is full'); END`);
    raw.close();
    const data = await dumpStore(client);
    const positions = await client.actorPosition.findMany({ orderBy: { actorId: "asc" } });
    const log = await logOf(client);

    await expect(importSpreadsheet(client, spreadsheetOf(d))).rejects.toThrow(/the disk is full/);
    expect(await dumpStore(client)).toEqual(data);
    expect(await client.actorPosition.findMany({ orderBy: { actorId: "asc" } })).toEqual(positions);
    expect(await logOf(client)).toEqual(log);
  }, 600_000);

  it("waits for another connection's write in the same process without blocking it, then writes", async () => {
    const file = await loadedDatabaseFile(MINI_DATASET);
    const importer = open(file);
    const editor = open(file);
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => (locked = resolve));
    // Another request's transaction holds the store's write lock across an await, as the write API's do.
    const write = editor.$transaction(
      async (tx) => {
        await tx.user.create({ data: { id: "u-late", email: "late@example.org", name: "Late Editor", role: "editor" } });
        locked();
        await new Promise((resolve) => setTimeout(resolve, 500));
      },
      { timeout: 60_000 },
    );
    await holding;
    // A lock taken by waiting synchronously would stop this process's event loop, so the other
    // transaction could never commit and the import would fail with SQLITE_BUSY.
    const done = await importSpreadsheet(importer, { nodes: { name: "nodes.csv", text: "id,label\nstate-a,State A Renamed\n" } });
    await write;
    expect(done.applied?.revisions).toEqual({ created: 0, updated: 1 });
    expect(await importer.user.count({ where: { id: "u-late" } })).toBe(1);
  }, 120_000);

  it("3,000 ties import in one go, each entry with its revision as the write API records it, and again record nothing", async () => {
    const client = open(await loadedDatabaseFile(MINI_DATASET));
    const d = synthesizeDataset({ relationships: 3000, seed: 5 });
    const files = spreadsheetOf(d);
    const citationsBefore = await client.citation.count();
    const done = await importSpreadsheet(client, files, { reason: "The 3,000 ties of the survey" });
    const entries = 3000 + d.actors.length + d.sources.length;
    expect(done.applied?.revisions).toEqual({ created: entries, updated: 0 });
    expect(done.applied?.counts.relationships).toBe(3000 + 4);
    expect(done.applied?.counts.citations).toBe(citationsBefore + d.relationships.reduce((n, r) => n + r.citations.length, 0));
    const rows = await expectRevisionsMatchStore(client, 0, 29);
    expect(rows).toHaveLength(entries);
    // What an entry names comes first: sources, then actors, then relationships.
    expect([...new Set(rows.map((r) => r.entityKind))]).toEqual(["source", "actor", "relationship"]);
    expect(new Set(rows.map((r) => [r.action, r.version, r.reason, r.authorName, r.before].join("|")))).toEqual(new Set(["create|1|The 3,000 ties of the survey|command line|"]));
    const store = await readDataset(client);
    const imported = new Map(store.relationships.map((r) => [r.id, r]));
    for (const r of d.relationships) {
      const { places: _places, note: _note, ...kept } = r;
      expect(imported.get(r.id)).toEqual({ ...kept, places: [] });
    }
    // Every new actor that is drawn got a position.
    const drawn = new Set(d.relationships.flatMap((r) => [r.from, r.to]));
    expect(await client.actorPosition.count({ where: { actorId: { startsWith: "actor-" } } })).toBe(drawn.size);

    const log = await logOf(client);
    const again = await importSpreadsheet(client, files);
    expect(again.applied?.revisions).toEqual({ created: 0, updated: 0 });
    expect(await logOf(client)).toEqual(log);
  }, 600_000);

  it("an import mixing new and changed entries records creates and updates with exact before and after, and leaves the rest alone", async () => {
    const client = open(await loadedDatabaseFile(MINI_DATASET));
    const d = synth();
    await importSpreadsheet(client, spreadsheetOf(d));
    const lastBefore = (await client.revision.findFirst({ orderBy: { id: "desc" } }))!.id;
    const versionBefore = await getDatasetVersion(client);

    const renamed = d.actors[3]!;
    const corrected = d.relationships.filter((_, i) => i % 7 === 0);
    const cited = d.relationships[1]!;
    const newActor = { id: "actor-newcomer", kind: "person" as const, name: "A Newcomer", description: "Someone the survey found later.", aliases: ["The Newcomer"], names: [] };
    const newTies = [0, 1, 2].map((i) => ({
      ...d.relationships[10 + i]!,
      id: `newcomer-tie-${i}`,
      from: newActor.id,
      summary: `The newcomer's tie number ${i}.`,
    }));
    const next: Dataset = {
      ...d,
      actors: [...d.actors.map((a) => (a.id === renamed.id ? { ...a, name: `${a.name} Renamed` } : a)), newActor],
      relationships: [
        ...d.relationships.map((r) => {
          if (r.id === cited.id) return { ...r, citations: [...r.citations, { source: d.sources[0]!.id, pages: "99", note: "A further report of the same tie." }] };
          return corrected.includes(r) ? { ...r, summary: `${r.summary} (corrected)` } : r;
        }),
        ...newTies,
      ],
    };
    const changedIds = new Set([renamed.id, cited.id, ...corrected.map((r) => r.id)]);
    const beforeOf = new Map<string, Awaited<ReturnType<typeof readEntry>>>();
    for (const id of changedIds) beforeOf.set(id, await readEntry(client, id === renamed.id ? "actor" : "relationship", id));
    const untouched = d.relationships[2]!;
    const untouchedBefore = await readEntry(client, "relationship", untouched.id);

    const done = await importSpreadsheet(client, spreadsheetOf(next), { reason: "The survey's second wave" });
    expect(done.applied?.revisions).toEqual({ created: 1 + newTies.length, updated: changedIds.size });
    expect(await getDatasetVersion(client)).toBe(versionBefore + 1);

    const rows = await expectRevisionsMatchStore(client, lastBefore);
    expect(rows.map((r) => `${r.action} ${r.entityKind} ${r.entityId}`).sort()).toEqual(
      [
        `create actor ${newActor.id}`,
        ...newTies.map((r) => `create relationship ${r.id}`),
        `update actor ${renamed.id}`,
        ...[...changedIds].filter((id) => id !== renamed.id).map((id) => `update relationship ${id}`),
      ].sort(),
    );
    for (const r of rows) {
      expect(r.reason).toBe("The survey's second wave");
      if (r.action === "create") {
        expect([r.before, r.version]).toEqual([null, 1]);
      } else {
        const before = beforeOf.get(r.entityId)!;
        expect(JSON.parse(r.before!)).toEqual(before.entry);
        expect(r.version).toBe(before.version + 1);
      }
    }
    expect((await readEntry(client, "relationship", cited.id))?.entry).toMatchObject({ citations: [...cited.citations, { source: d.sources[0]!.id, pages: "99", note: "A further report of the same tie." }] });
    expect(await readEntry(client, "relationship", untouched.id)).toEqual(untouchedBefore);
    expect(await client.actorPosition.findUnique({ where: { actorId: newActor.id } })).not.toBeNull();
  }, 600_000);
});

describe("npm run dataset:import -- --nodes --edges", () => {
  const run = promisify(execFile);
  async function importCommand(file: string, ...args: string[]) {
    try {
      const { stdout, stderr } = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/dataset-bundle.ts", "import", ...args], {
        env: { ...process.env, DATABASE_URL: `file:${file}` },
      });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  }

  it("prints the preview with --dry-run, refuses a bad row with exit 1 writing nothing, and applies a good file", async () => {
    const file = await loadedDatabaseFile(MINI_DATASET);
    const dir = mkdtempSync(path.join(tmpdir(), "explorer-csv-"));
    dirs.push(dir);
    const nodes = path.join(dir, "nodes.csv");
    const edges = path.join(dir, "edges.csv");
    writeFileSync(nodes, "id,label,type,description\r\nnew-one,New One,person,Someone new in the data.\r\n");
    writeFileSync(
      edges,
      "from,to,type,start,end,certainty,summary,source,pages,note\r\n" +
        "new-one,state-a,support,Aug 2009,at least until 2011,reported,New One backs State A.,source-a,4,Says New One backed the state.\r\n" +
        "new-one,power-b,support,08/19/2009,,reported,New One backs Power B.,source-a,4,Says New One backed power B.\r\n",
    );
    const client = open(file);
    const before = await dumpStore(client);

    const bad = await importCommand(file, "--nodes", nodes, "--edges", edges);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^dataset:import: plan: add 1 actor, 1 relationship, 0 sources; change 0 entries; 0 entries unchanged; 1 problem\n/);
    expect(bad.stdout).toContain(`edges.csv row 3, column "start": cannot read "08/19/2009" as a date: numeric dates are read day first (DD/MM/YYYY)`);
    expect(bad.stderr).toMatch(/nothing was written/);
    expect(await dumpStore(client)).toEqual(before);

    writeFileSync(edges, (await import("node:fs")).readFileSync(edges, "utf8").replace("08/19/2009", "19/08/2009"));
    const preview = await importCommand(file, "--nodes", nodes, "--edges", edges, "--dry-run");
    expect(preview.code).toBe(0);
    expect(preview.stdout).toBe(
      "dataset:import: preview: add 1 actor, 2 relationships, 0 sources; change 0 entries; 0 entries unchanged; 0 problems\n" +
        "dataset:import: dry run; nothing was written\n",
    );
    expect(await dumpStore(client)).toEqual(before);

    const applied = await importCommand(file, "--nodes", nodes, "--edges", edges, "--reason", "The 2009 report");
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/the store now holds 5 actors, 6 relationships/);
    expect(applied.stdout).toMatch(/recorded 3 revisions \(3 created, 0 updated\) as "command line"/);
    expect(await client.revision.findMany({ select: { entityId: true, action: true, reason: true, authorName: true }, orderBy: { id: "asc" } })).toEqual([
      { entityId: "new-one", action: "create", reason: "The 2009 report", authorName: "command line" },
      { entityId: "new-one-support-state-a-2009-08", action: "create", reason: "The 2009 report", authorName: "command line" },
      { entityId: "new-one-support-power-b-2009-08-19", action: "create", reason: "The 2009 report", authorName: "command line" },
    ]);
    expect(await client.relationship.findUnique({ where: { id: "new-one-support-power-b-2009-08-19" } })).toMatchObject({ startDate: "2009-08-19" });
  }, 600_000);
});
