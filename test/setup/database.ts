/**
 * A fresh, migrated SQLite file for one test, optionally loaded with a dataset directory through the
 * real validation and loader. Point DATABASE_URL at it before importing route modules.
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, inject } from "vitest";
import { readDatasetDir } from "@/lib/dataset/files";
import { replaceDataset } from "@/lib/server/store/load-dataset";
import { createPrismaClient, type PrismaClient } from "@/lib/server/store/prisma-client";

export const MINI_DATASET = path.resolve("test/fixtures/mini");
export const SEED_DATASET = path.resolve("seed/data");

export function freshDatabaseFile(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "explorer-db-")), "test.db");
  copyFileSync(inject("templateDb"), file);
  return file;
}

export async function loadedDatabaseFile(datasetDir: string): Promise<string> {
  const file = freshDatabaseFile();
  const client = createPrismaClient(file);
  try {
    await replaceDataset(client, readDatasetDir(datasetDir));
  } finally {
    await client.$disconnect();
  }
  return file;
}

/** Every row of every table, in a stable order: what "the same rows" means. */
export async function dumpStore(client: PrismaClient) {
  return {
    sources: await client.source.findMany({ orderBy: { id: "asc" } }),
    places: await client.place.findMany({ orderBy: { id: "asc" } }),
    actors: await client.actor.findMany({ orderBy: { id: "asc" } }),
    names: await client.actorName.findMany({ orderBy: { id: "asc" } }),
    relationships: await client.relationship.findMany({ orderBy: { id: "asc" } }),
    events: await client.event.findMany({ orderBy: { id: "asc" } }),
    participants: await client.eventParticipant.findMany({ orderBy: [{ eventId: "asc" }, { actorId: "asc" }, { role: "asc" }] }),
    relationshipPlaces: await client.relationshipPlace.findMany({ orderBy: [{ relationshipId: "asc" }, { placeId: "asc" }] }),
    eventRelationships: await client.eventRelationship.findMany({ orderBy: [{ eventId: "asc" }, { relationshipId: "asc" }] }),
    storySteps: await client.storyStep.findMany({ orderBy: { id: "asc" } }),
    storyStepActors: await client.storyStepActor.findMany({ orderBy: [{ stepId: "asc" }, { actorId: "asc" }] }),
    storyStepRelationships: await client.storyStepRelationship.findMany({ orderBy: [{ stepId: "asc" }, { relationshipId: "asc" }] }),
    citations: await client.citation.findMany({ orderBy: { id: "asc" } }),
  };
}

/** Calls a route's GET as Next would, with a real Request. */
export async function callRoute(
  get: (request: Request, context: never) => Promise<Response>,
  url: string,
  params: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const response = await get(new Request(new URL(url, "http://localhost")), { params: Promise.resolve(params) } as never);
  return { status: response.status, body: await response.json() };
}

/**
 * For a test file that opens its own clients: returns `open(file)`, and every client it opened is
 * disconnected after each test, so no file handle outlives the test that made it.
 */
export function clientsClosedAfterEach(): (file: string) => PrismaClient {
  const clients: PrismaClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.$disconnect()));
  });
  return (file) => {
    const client = createPrismaClient(file);
    clients.push(client);
    return client;
  };
}
