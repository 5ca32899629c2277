import "server-only";
import { datasetToRows } from "../dataset-rows";
import type { Dataset } from "../schemas/dataset";
import { bumpDatasetVersion } from "./dataset-version";
import type { PrismaClient } from "./prisma-client";

export interface LoadCounts {
  sources: number;
  places: number;
  actors: number;
  actorNames: number;
  relationships: number;
  events: number;
  participants: number;
  storySteps: number;
  citations: number;
}

/**
 * Makes the store hold exactly this dataset: everything is deleted and written again inside one
 * transaction, so a load is all or nothing and loading the same dataset twice gives the same rows.
 * The dataset must already have passed validateDataset.
 */
export async function replaceDataset(client: PrismaClient, dataset: Dataset): Promise<LoadCounts> {
  const rows = datasetToRows(dataset);
  await client.$transaction(async (tx) => {
    // Children before parents, so no foreign key is ever left dangling mid-way.
    await tx.citation.deleteMany();
    await tx.storyStepRelationship.deleteMany();
    await tx.storyStepActor.deleteMany();
    await tx.storyStep.deleteMany();
    await tx.eventRelationship.deleteMany();
    await tx.eventParticipant.deleteMany();
    await tx.relationshipPlace.deleteMany();
    await tx.event.deleteMany();
    await tx.relationship.deleteMany();
    await tx.actorName.deleteMany();
    await tx.actor.deleteMany();
    await tx.place.deleteMany();
    await tx.source.deleteMany();

    await tx.source.createMany({ data: rows.sources });
    await tx.place.createMany({ data: rows.places });
    await tx.actor.createMany({ data: rows.actors });
    await tx.actorName.createMany({ data: rows.actorNames });
    await tx.relationship.createMany({ data: rows.relationships });
    await tx.relationshipPlace.createMany({ data: rows.relationshipPlaces });
    await tx.event.createMany({ data: rows.events });
    await tx.eventParticipant.createMany({ data: rows.participants });
    await tx.eventRelationship.createMany({ data: rows.eventRelationships });
    await tx.storyStep.createMany({ data: rows.storySteps });
    await tx.storyStepActor.createMany({ data: rows.storyStepActors });
    await tx.storyStepRelationship.createMany({ data: rows.storyStepRelationships });
    await tx.citation.createMany({ data: rows.citations });
    await bumpDatasetVersion(tx);
  });
  return {
    sources: rows.sources.length,
    places: rows.places.length,
    actors: rows.actors.length,
    actorNames: rows.actorNames.length,
    relationships: rows.relationships.length,
    events: rows.events.length,
    participants: rows.participants.length,
    storySteps: rows.storySteps.length,
    citations: rows.citations.length,
  };
}

export async function isStoreEmpty(client: PrismaClient): Promise<boolean> {
  return (await client.actor.count()) === 0 && (await client.source.count()) === 0;
}
