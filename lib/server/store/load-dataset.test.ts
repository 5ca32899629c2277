import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clientsClosedAfterEach, dumpStore, freshDatabaseFile, MINI_DATASET, SEED_DATASET } from "@/test/setup/database";
import { readDatasetDir } from "../../dataset/files";
import { synthesizeDataset } from "../../dataset/synth";
import { canonicalDataset } from "../../dataset/bundle-schema";
import { readDataset } from "./dataset-bundle";
import { getDatasetVersion } from "./dataset-version";
import { isStoreEmpty, replaceDataset } from "./load-dataset";

const open = clientsClosedAfterEach();

describe("replaceDataset", () => {
  it("writes every entry with its derived spans", async () => {
    const client = open(freshDatabaseFile());
    expect(await isStoreEmpty(client)).toBe(true);
    const counts = await replaceDataset(client, readDatasetDir(MINI_DATASET));
    expect(counts).toMatchObject({ actors: 4, relationships: 4, events: 2, sources: 2, places: 2, storySteps: 2, citations: 10, actorNames: 4, participants: 4 });
    expect(await isStoreEmpty(client)).toBe(false);
    const r = await client.relationship.findUniqueOrThrow({ where: { id: "b-cooperates-with-a" } });
    expect(r).toMatchObject({ startDate: "2001", endDate: "2005", endQualifier: "at-least", spanStart: "2001-01-01", spanEnd: "2005-12-31", polarity: "cooperative" });
    const e = await client.event.findUniqueOrThrow({ where: { id: "attack-2014" } });
    expect(e).toMatchObject({ spanStart: "2014-08-24", spanEnd: "2014-08-24", placeId: "town" });
  });

  it("is idempotent: loading twice gives the same rows", async () => {
    const client = open(freshDatabaseFile());
    const dataset = readDatasetDir(MINI_DATASET);
    await replaceDataset(client, dataset);
    const first = await dumpStore(client);
    await replaceDataset(client, dataset);
    expect(await dumpStore(client)).toEqual(first);
  });

  it("is all or nothing: a load that fails half-way leaves the previous rows", async () => {
    const client = open(freshDatabaseFile());
    const dataset = readDatasetDir(MINI_DATASET);
    await replaceDataset(client, dataset);
    const before = await dumpStore(client);
    // Past validation on purpose: the database itself refuses the second citation's unknown source,
    // after the actors and relationships of the new load were already written inside the transaction.
    const bad = structuredClone(dataset);
    bad.actors.push({ ...bad.actors[0]!, id: "new-actor" });
    bad.relationships[1]!.citations.push({ source: "no-such-source", note: "A citation of a source that does not exist." });
    await expect(replaceDataset(client, bad)).rejects.toThrow();
    expect(await dumpStore(client)).toEqual(before);
  });

  it("bumps the dataset's version with every load, and not with a load that fails", async () => {
    const client = open(freshDatabaseFile());
    expect(await getDatasetVersion(client)).toBe(0);
    const dataset = readDatasetDir(MINI_DATASET);
    await replaceDataset(client, dataset);
    expect(await getDatasetVersion(client)).toBe(1);
    await replaceDataset(client, dataset);
    expect(await getDatasetVersion(client)).toBe(2);
    const bad = structuredClone(dataset);
    bad.relationships[0]!.citations.push({ source: "no-such-source", note: "A citation of a source that does not exist." });
    await expect(replaceDataset(client, bad)).rejects.toThrow();
    expect(await getDatasetVersion(client)).toBe(2);
  });
});

describe("the store", () => {
  it("runs in WAL mode with a busy timeout on the app's connections", async () => {
    const client = open(freshDatabaseFile());
    const [mode] = await client.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(mode?.journal_mode).toBe("wal");
    const [timeout] = await client.$queryRawUnsafe<{ timeout: bigint | number }[]>("PRAGMA busy_timeout");
    expect(Number(timeout?.timeout)).toBeGreaterThanOrEqual(5000);
  });

  it("loads thousands of relationships (no query grows with the data) and reads them back as they were", async () => {
    const client = open(freshDatabaseFile());
    const dataset = synthesizeDataset({ relationships: 5000, seed: 3 });
    const counts = await replaceDataset(client, dataset);
    expect(counts).toMatchObject({ relationships: 5000, actors: 1000 });
    expect(await readDataset(client)).toEqual(canonicalDataset(dataset));
  });

  it("gives the space back when a smaller dataset replaces a larger one", async () => {
    const file = freshDatabaseFile();
    const client = open(file);
    const size = () => statSync(file).size + (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0);
    await replaceDataset(client, readDatasetDir(SEED_DATASET));
    const seedSize = size();
    await replaceDataset(client, synthesizeDataset({ relationships: 5000 }));
    const largeSize = size();
    expect(largeSize).toBeGreaterThan(5 * seedSize);
    await replaceDataset(client, readDatasetDir(SEED_DATASET));
    expect(size()).toBeLessThan(2 * seedSize);
  });
});
