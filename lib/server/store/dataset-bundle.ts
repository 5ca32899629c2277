import "server-only";
/**
 * The whole store as one JSON bundle (lib/dataset/bundle-schema.ts), and back. An export reads every table
 * into a Dataset in the shape the zod schemas give; an import goes through the seed's path
 * (validateDataset, then replaceDataset in one transaction), so it is all or nothing. Exporting a
 * store, importing the file into an empty store and exporting again gives the same bytes.
 */
import { BUNDLE_FORMAT, BUNDLE_VERSION, parseBundle, type Bundle } from "../../dataset/bundle-schema";
import type { Dataset, StoryStep } from "../../dataset/schema";
import { actorEntry, citationEntries, eventEntry, opt, placeEntry, relationshipEntry, sourceEntry } from "./entries";
import { getDatasetVersion } from "./dataset-version";
import { replaceDataset, type LoadCounts } from "./load-dataset";
import { countRevisions } from "./revision-log";
import type { PrismaClient } from "./prisma-client";

function groupBy<T, K>(rows: T[], key: (row: T) => K | null): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * The store back as a Dataset, each entry in the canonical shape the schemas output (bounds as
 * { date, qualifier }, polarity written out, lists in their stored order, optional fields left out
 * when empty) and the key order of the schemas. The store keeps no order of entries, so each section
 * is in id order; canonicalDataset (lib/dataset/bundle-schema.ts) says what else a load normalises.
 * The tables are read in one transaction, so a concurrent import is seen whole or not at all.
 */
export async function readDataset(client: PrismaClient): Promise<Dataset> {
  const [sources, places, actors, names, relationships, relationshipPlaces, events, participants, eventRelationships, steps, stepActors, stepRelationships, citations] =
    await client.$transaction([
      client.source.findMany({ orderBy: { id: "asc" } }),
      client.place.findMany({ orderBy: { id: "asc" } }),
      client.actor.findMany({ orderBy: { id: "asc" } }),
      client.actorName.findMany({ orderBy: [{ actorId: "asc" }, { position: "asc" }] }),
      client.relationship.findMany({ orderBy: { id: "asc" } }),
      client.relationshipPlace.findMany({ orderBy: [{ relationshipId: "asc" }, { position: "asc" }] }),
      client.event.findMany({ orderBy: { id: "asc" } }),
      client.eventParticipant.findMany({ orderBy: [{ eventId: "asc" }, { position: "asc" }] }),
      // No order is stored for these: id order, so the same store always reads the same.
      client.eventRelationship.findMany({ orderBy: [{ eventId: "asc" }, { relationshipId: "asc" }] }),
      client.storyStep.findMany({ orderBy: { position: "asc" } }),
      client.storyStepActor.findMany({ orderBy: [{ stepId: "asc" }, { position: "asc" }] }),
      client.storyStepRelationship.findMany({ orderBy: [{ stepId: "asc" }, { position: "asc" }] }),
      client.citation.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }] }),
    ]);

  const namesOf = groupBy(names, (n) => n.actorId);
  const placesOf = groupBy(relationshipPlaces, (p) => p.relationshipId);
  const participantsOf = groupBy(participants, (p) => p.eventId);
  const relationshipsOf = groupBy(eventRelationships, (r) => r.eventId);
  const citationsOfRelationship = groupBy(citations, (c) => c.relationshipId);
  const citationsOfEvent = groupBy(citations, (c) => c.eventId);
  const citationsOfStep = groupBy(citations, (c) => c.storyStepId);
  const actorsOfStep = groupBy(stepActors, (a) => a.stepId);
  const relationshipsOfStep = groupBy(stepRelationships, (r) => r.stepId);
  return {
    sources: sources.map(sourceEntry),
    places: places.map(placeEntry),
    actors: actors.map((a) => actorEntry(a, namesOf.get(a.id) ?? [])),
    relationships: relationships.map((r) => relationshipEntry(r, placesOf.get(r.id) ?? [], citationsOfRelationship.get(r.id) ?? [])),
    events: events.map((e) => eventEntry(e, participantsOf.get(e.id) ?? [], relationshipsOf.get(e.id) ?? [], citationsOfEvent.get(e.id) ?? [])),
    story: steps.map(
      (s): StoryStep => ({
        id: s.id,
        title: s.title,
        date: s.date,
        ...opt("from", s.fromDate),
        actors: (actorsOfStep.get(s.id) ?? []).map((a) => a.actorId),
        relationships: (relationshipsOfStep.get(s.id) ?? []).map((r) => r.relationshipId),
        caption: s.caption,
        ...opt("dataNote", s.dataNote),
        citations: citationEntries(citationsOfStep.get(s.id)),
      }),
    ),
  };
}

/**
 * The store as a bundle, with its meta: the dataset version the data was read at (read first: a
 * write in between makes the bundle claim an older version, never a newer one than its data) and the
 * revisions its log held.
 */
export async function exportBundle(client: PrismaClient): Promise<Bundle> {
  const datasetVersion = await getDatasetVersion(client);
  const revisions = await countRevisions(client);
  const { sources, places, actors, relationships, events, story } = await readDataset(client);
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, meta: { datasetVersion, revisions }, sources, places, actors, relationships, events, story };
}

/**
 * The bundle as file text: two-space JSON with a trailing newline. It carries no timestamp or other
 * state of the moment on purpose (only the dataset's version and the log's length, which move only
 * when the data does), so the same store always gives the same bytes and two exports can be compared
 * with diff.
 */
export function bundleText(bundle: Bundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

/**
 * Replaces the store's contents with a bundle (already JSON.parse'd): validated like the seed, then
 * written in one transaction. A DatasetError (or any failure) leaves the store as it was.
 * `fileName` names the bundle in messages.
 */
export async function importBundle(client: PrismaClient, raw: unknown, fileName: string): Promise<LoadCounts> {
  return replaceDataset(client, parseBundle(raw, fileName));
}
