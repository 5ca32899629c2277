/**
 * The store under concurrent use, with real processes: imports run as `npm run dataset:import` does,
 * while this process reads through a route and through Prisma, as the running app would.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "@/test/setup/command";
import { callRoute, loadedDatabaseFile, SEED_DATASET } from "@/test/setup/database";
import { readDatasetDir } from "../../dataset/files";
import { synthesizeDataset } from "../../dataset/synth";
import { BUNDLE_FORMAT, BUNDLE_VERSION } from "../../dataset/bundle-schema";
import { createPrismaClient } from "./prisma-client";

let dir: string;
let bundleFile: string;
const large = synthesizeDataset({ relationships: 10_000, seed: 11 });

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "explorer-concurrency-"));
  bundleFile = path.join(dir, "large.json");
  writeFileSync(bundleFile, JSON.stringify({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, ...large }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run dataset:import -- FILE` in a child process of its own. */
const importInChild = (file: string, databaseFile: string) => runCommand("scripts/dataset-bundle.ts", ["import", file], databaseFile);

describe("the store while an import commits", () => {
  it("answers every read, each with the whole old or the whole new dataset", async () => {
    const file = await loadedDatabaseFile(SEED_DATASET);
    process.env.DATABASE_URL = `file:${file}`;
    // Imported only now, so the process's one Prisma client opens this file.
    const sourcesRoute = await import("@/app/api/sources/route");
    const client = createPrismaClient(file);
    const seed = readDatasetDir(SEED_DATASET);
    const old = { sources: seed.sources.length, actors: seed.actors.length, relationships: seed.relationships.length };
    const fresh = { sources: large.sources.length, actors: large.actors.length, relationships: large.relationships.length };

    const seen: string[] = [];
    const failures: string[] = [];
    let done = false;
    const importing = importInChild(bundleFile, file).finally(() => (done = true));
    try {
      while (!done) {
        // Prisma over better-sqlite3 answers in microtasks only; without a turn of the event loop the
        // child's exit would never be noticed.
        await new Promise((resolve) => setImmediate(resolve));
        const answer = await callRoute(sourcesRoute.GET, "/api/sources");
        if (answer.status !== 200) failures.push(`/api/sources answered ${answer.status}: ${JSON.stringify(answer.body)}`);
        else if (![old.sources, fresh.sources].includes(answer.body.sources.length)) failures.push(`/api/sources held ${answer.body.sources.length} sources`);
        // Three counts in one transaction: a half-written store would mix them.
        const [sources, actors, relationships] = await client.$transaction([client.source.count(), client.actor.count(), client.relationship.count()]);
        const counts = { sources, actors, relationships };
        if (JSON.stringify(counts) === JSON.stringify(old)) seen.push("old");
        else if (JSON.stringify(counts) === JSON.stringify(fresh)) seen.push("new");
        else failures.push(`a read saw ${JSON.stringify(counts)}`);
      }
      const result = await importing;
      expect(result.code, result.stderr).toBe(0);
      expect(failures).toEqual([]);
      // Reads ran while the import was under way (the child takes seconds to start), not only after it.
      expect(seen).toContain("old");
      // Once the import has returned, every reader sees the new dataset.
      expect(await client.relationship.count()).toBe(fresh.relationships);
      expect((await callRoute(sourcesRoute.GET, "/api/sources")).body.sources).toHaveLength(fresh.sources);
      // And never back: once a read saw the new dataset, none saw the old one again.
      if (seen.includes("new")) expect(seen.slice(seen.indexOf("new"))).not.toContain("old");
    } finally {
      await client.$disconnect();
    }
  });

  it("runs two imports at once one after the other: the second waits for the first, neither fails", async () => {
    const file = await loadedDatabaseFile(SEED_DATASET);
    const seedBundle = path.join(dir, "seed-sized.json");
    const small = synthesizeDataset({ relationships: 300, seed: 5 });
    writeFileSync(seedBundle, JSON.stringify({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, ...small }));
    const [a, b] = await Promise.all([importInChild(bundleFile, file), importInChild(seedBundle, file)]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const client = createPrismaClient(file);
    try {
      const relationships = await client.relationship.count();
      const actors = await client.actor.count();
      // Whichever committed last holds the store, whole.
      expect([
        [large.relationships.length, large.actors.length],
        [small.relationships.length, small.actors.length],
      ]).toContainEqual([relationships, actors]);
    } finally {
      await client.$disconnect();
    }
  });

  it("an import waits while another connection holds the write lock, then loads", async () => {
    const file = await loadedDatabaseFile(SEED_DATASET);
    const holder = new Database(file);
    holder.exec("BEGIN IMMEDIATE");
    const importing = importInChild(bundleFile, file);
    // Released only after the import has had time to start and find the store locked.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    holder.exec("ROLLBACK");
    holder.close();
    const result = await importing;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/dataset:import: loaded 2000 actors/);
  });
});
