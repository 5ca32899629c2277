/**
 * The stored layout on real SQLite files: the seed keeps the cola picture the page always drew, a
 * dataset that gains an actor moves nobody else, a layout is computed once per dataset version,
 * and positions travel with /api/graph.
 */
import { describe, expect, it } from "vitest";
import { clientsClosedAfterEach, freshDatabaseFile, SEED_DATASET } from "@/test/setup/database";
import { readDatasetDir } from "../../dataset/files";
import type { Dataset } from "../../dataset/schema";
import { colaPositions } from "../../graph/positions";
import { MIN_SPACING } from "../../graph/layout";
import { RELATIONSHIP_TYPES } from "../../model/vocabulary";
import { ensureLayout, getLayoutPositions, updateLayout } from "./layout";
import { replaceDataset } from "./load-dataset";
import type { PrismaClient } from "./prisma-client";

const open = clientsClosedAfterEach();

const stored = async (client: PrismaClient) =>
  new Map((await client.actorPosition.findMany()).map((p) => [p.actorId, { x: p.x, y: p.y }]));

/** The seed with one more actor, tied to the Assad government and to ISI. */
function withNewcomer(seed: Dataset): Dataset {
  const base = seed.relationships[0]!;
  const rel = (id: string, to: string) => ({ ...base, id, from: "newcomer", to, type: "support" as const, polarity: "cooperative" as const, places: [] });
  return {
    ...seed,
    actors: [...seed.actors, { ...seed.actors[0]!, id: "newcomer", name: "A newcomer", short: undefined, aliases: [], names: [] }],
    relationships: [...seed.relationships, rel("newcomer-supports-assad", "assad-government"), rel("newcomer-supports-is", "islamic-state")],
  };
}

describe("the stored layout", () => {
  it("lays the seed out with cola exactly as the page did, over every drawable actor", async () => {
    const client = open(freshDatabaseFile());
    const seed = readDatasetDir(SEED_DATASET);
    await replaceDataset(client, seed);
    const report = await updateLayout(client);
    expect(report).toMatchObject({ algorithm: "cola", kept: 0 });

    // What the page once ran: every actor at an end of a relationship or in an event, in id order.
    const drawable = new Set([...seed.relationships.flatMap((r) => [r.from, r.to]), ...seed.events.flatMap((e) => e.participants.map((p) => p.actor))]);
    const expected = colaPositions({
      nodes: seed.actors.filter((a) => drawable.has(a.id)).map((a) => ({ id: a.id, kind: a.kind })),
      edges: seed.relationships.map((r) => ({ id: r.id, source: r.from, target: r.to, structural: RELATIONSHIP_TYPES[r.type].structural })),
    });
    expect(await stored(client)).toEqual(expected);
    expect(report.placed).toBe(drawable.size);
  });

  it("places a new actor near its neighbours and moves nobody else", async () => {
    const client = open(freshDatabaseFile());
    const seed = readDatasetDir(SEED_DATASET);
    await replaceDataset(client, seed);
    await updateLayout(client);
    const before = await stored(client);

    await replaceDataset(client, withNewcomer(seed));
    const report = await updateLayout(client);
    expect(report).toMatchObject({ algorithm: "incremental", placed: 1, kept: before.size });
    const after = await stored(client);
    for (const [id, p] of before) expect(after.get(id), id).toEqual(p);

    const p = after.get("newcomer")!;
    const a = before.get("assad-government")!;
    const b = before.get("islamic-state")!;
    const others = [...before.values()];
    // Off every other actor, and nearer the middle of its two neighbours than most actors are.
    expect(Math.min(...others.map((q) => Math.hypot(q.x - p.x, q.y - p.y)))).toBeGreaterThanOrEqual(MIN_SPACING);
    const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    const distances = others.map((q) => Math.hypot(q.x - mid.x, q.y - mid.y)).sort((x, y) => x - y);
    expect(Math.hypot(p.x - mid.x, p.y - mid.y)).toBeLessThan(distances[Math.floor(distances.length / 2)]!);
  });

  it("is computed once per dataset version, lazily when a load did not", async () => {
    const client = open(freshDatabaseFile());
    await replaceDataset(client, readDatasetDir(SEED_DATASET));
    // No layout yet: the first readers compute it (one computation for both).
    const [p1, p2] = await Promise.all([getLayoutPositions(client), getLayoutPositions(client)]);
    expect(p1).toEqual(p2);
    expect(p1.get("assad-government")).toBeDefined();
    const info = await client.layoutInfo.findUniqueOrThrow({ where: { id: 1 } });
    expect(await ensureLayout(client)).toBe(info.datasetVersion);
    // Nothing changed: no new computation.
    expect((await client.layoutInfo.findUniqueOrThrow({ where: { id: 1 } })).computedAt).toBe(info.computedAt);
  });

  it("starts afresh when the store holds another dataset, and forgets actors that left", async () => {
    const client = open(freshDatabaseFile());
    const seed = readDatasetDir(SEED_DATASET);
    await replaceDataset(client, withNewcomer(seed));
    await updateLayout(client);
    await replaceDataset(client, seed);
    const report = await updateLayout(client);
    expect(report).toMatchObject({ algorithm: "incremental", placed: 0 });
    expect((await stored(client)).has("newcomer")).toBe(false);
  });
});
