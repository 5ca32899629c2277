import "server-only";
/**
 * The stored layout: where every actor is drawn, computed once per dataset version and kept in the
 * store (ActorPosition, LayoutInfo), so no browser and no request lays the network out. A load
 * calls updateLayout once it has committed; a server that finds the layout older than the data
 * (another process loaded it) brings it up to date once, lazily, never two computations at a time.
 *
 * Incremental: actors that already have a position keep it and only new actors are placed, near
 * their neighbours (lib/graph/layout.ts placeNewActors), so a dataset that gains one actor moves
 * nobody else. The whole network is laid out afresh only when no actor of it has a position.
 */
import { placeNewActors, type LayoutNetwork, type Point } from "../../graph/layout";
import { layoutNetwork } from "../../graph/positions";
import { RELATIONSHIP_TYPES, type ActorKind, type RelationshipType } from "../../model/vocabulary";
import { db } from "./db";
import { getDatasetVersion } from "./dataset-version";
import type { PrismaClient } from "./prisma-client";

type Store = Pick<PrismaClient, "actor" | "relationship" | "eventParticipant" | "actorPosition" | "layoutInfo" | "datasetInfo" | "$transaction" | "$executeRaw">;

export interface LayoutReport {
  datasetVersion: number;
  /** "cola" or "forceatlas2" for a whole layout, "incremental" when only new actors were placed, "current" when nothing was to do. */
  algorithm: string;
  placed: number;
  kept: number;
  seconds: number;
  /** The above in words, for the load commands to print. */
  summary: string;
}

/** What the layout covers: every actor that can be drawn (an end of a relationship or in an event). */
async function readNetwork(store: Store): Promise<LayoutNetwork> {
  const [relationships, participants, actors] = await Promise.all([
    store.relationship.findMany({ select: { id: true, fromId: true, toId: true, type: true } }),
    store.eventParticipant.findMany({ select: { actorId: true }, distinct: ["actorId"] }),
    store.actor.findMany({ select: { id: true, kind: true } }),
  ]);
  const drawable = new Set(participants.map((p) => p.actorId));
  for (const r of relationships) drawable.add(r.fromId).add(r.toId);
  return {
    nodes: actors.filter((a) => drawable.has(a.id)).map((a) => ({ id: a.id, kind: a.kind as ActorKind })),
    edges: relationships.map((r) => ({ id: r.id, source: r.fromId, target: r.toId, structural: RELATIONSHIP_TYPES[r.type as RelationshipType]?.structural ?? false })),
  };
}

async function layoutVersion(store: Store): Promise<number | null> {
  const row = await store.layoutInfo.findUnique({ where: { id: 1 }, select: { datasetVersion: true } });
  return row?.datasetVersion ?? null;
}

/**
 * Brings the stored layout up to the store's dataset version: places the actors that have no
 * position (all of them when none has one) and forgets the positions of actors no longer in the store.
 */
export async function updateLayout(store: Store = db): Promise<LayoutReport> {
  const started = performance.now();
  const version = await getDatasetVersion(store);
  const [net, stored] = await Promise.all([readNetwork(store), store.actorPosition.findMany({ select: { actorId: true, x: true, y: true } })]);
  const ids = new Set(net.nodes.map((n) => n.id));
  const kept = new Map<string, Point>();
  for (const p of stored) if (ids.has(p.actorId)) kept.set(p.actorId, { x: p.x, y: p.y });
  const missing = net.nodes.map((n) => n.id).filter((id) => !kept.has(id));

  let algorithm: string;
  let placed: Map<string, Point>;
  if (kept.size === 0 && missing.length > 0) {
    const whole = layoutNetwork(net);
    algorithm = whole.algorithm;
    placed = whole.positions;
  } else {
    algorithm = "incremental";
    placed = placeNewActors(kept, missing, net.edges);
  }

  const rows = JSON.stringify([...placed].map(([id, p]) => [id, p.x, p.y]));
  const computedAt = new Date().toISOString();
  await store.$transaction([
    // One bound parameter whatever the number of actors (SQLite allows 999): the rows travel as JSON.
    store.$executeRaw`DELETE FROM "ActorPosition" WHERE "actorId" NOT IN (SELECT "id" FROM "Actor")`,
    store.$executeRaw`INSERT OR REPLACE INTO "ActorPosition" ("actorId", "x", "y")
      SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(${rows})`,
    store.layoutInfo.upsert({
      where: { id: 1 },
      create: { id: 1, datasetVersion: version, algorithm, computedAt },
      update: { datasetVersion: version, algorithm, computedAt },
    }),
  ]);
  const seconds = (performance.now() - started) / 1000;
  const summary = `laid out ${placed.size} actors (${algorithm}; ${kept.size} kept their places) in ${seconds.toFixed(1)} s`;
  return { datasetVersion: version, algorithm, placed: placed.size, kept: kept.size, seconds, summary };
}

// Per store (tests open many): one computation at a time, and the current version's positions in memory.
const running = new WeakMap<Store, Promise<unknown>>();
const cached = new WeakMap<Store, { version: number; positions: Map<string, Point> }>();

/** The layout is current, computing it first if the data changed since (once, however many ask). */
export async function ensureLayout(store: Store = db): Promise<number> {
  for (;;) {
    const version = await getDatasetVersion(store);
    if ((await layoutVersion(store)) === version) return version;
    let job = running.get(store);
    if (!job) {
      job = updateLayout(store).finally(() => running.delete(store));
      running.set(store, job);
    }
    await job;
    // Loop: the data may have changed again while the layout was computed.
  }
}

/** Every drawable actor's position for the current dataset version: what /api/graph and the exports attach. Shared: read, never change it. */
export async function getLayoutPositions(store: Store = db): Promise<Map<string, Point>> {
  const version = await ensureLayout(store);
  let hit = cached.get(store);
  if (hit?.version !== version) {
    const rows = await store.actorPosition.findMany({ select: { actorId: true, x: true, y: true } });
    hit = { version, positions: new Map(rows.map((r) => [r.actorId, { x: r.x, y: r.y }])) };
    cached.set(store, hit);
  }
  return hit.positions;
}
