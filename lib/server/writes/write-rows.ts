import "server-only";
/**
 * Writes one entity's rows: its own row (with its new version) and the rows it owns (dated names,
 * citations, places, participants, an event's relationships), replaced whole. The rows come from
 * datasetToRows, the loader's own flattening, so an entity written here reads back exactly as if it
 * had been loaded from a seed file.
 */
import { datasetToRows } from "../../dataset/rows";
import type { Actor, Dataset, Event, Place, Relationship, Source } from "../../dataset/schema";
import type { EntityKind, Entry } from "../../dataset/write-schema";
import type { Tx } from "./store";

const EMPTY: Dataset = { sources: [], places: [], actors: [], relationships: [], events: [], story: [] };

/** Removes the rows an entity owns (not the entity's own row: others may point at it). */
async function deleteOwnedRows(tx: Tx, kind: EntityKind, id: string): Promise<void> {
  switch (kind) {
    case "actor":
      await tx.actorName.deleteMany({ where: { actorId: id } });
      return;
    case "relationship":
      await tx.citation.deleteMany({ where: { relationshipId: id } });
      await tx.relationshipPlace.deleteMany({ where: { relationshipId: id } });
      return;
    case "event":
      await tx.citation.deleteMany({ where: { eventId: id } });
      await tx.eventParticipant.deleteMany({ where: { eventId: id } });
      await tx.eventRelationship.deleteMany({ where: { eventId: id } });
      return;
    default:
      return;
  }
}

/**
 * Makes the store hold `entry` at `version`: creates the entity's row or updates it in place (its id
 * stays, so relationships and citations that point at it stay valid), and replaces what it owns.
 * One row at a time: an entry's lists are bounded (LIMITS), so this grows with the change, and no
 * statement binds a list whose length comes from the data.
 */
export async function writeEntityRows(tx: Tx, kind: EntityKind, entry: Entry, version: number, exists: boolean): Promise<void> {
  const id = entry.id;
  if (exists) await deleteOwnedRows(tx, kind, id);
  switch (kind) {
    case "source": {
      const [row] = datasetToRows({ ...EMPTY, sources: [entry as Source] }).sources;
      const { id: _id, ...data } = row!;
      await (exists ? tx.source.update({ where: { id }, data: { ...data, version } }) : tx.source.create({ data: { ...row!, version } }));
      return;
    }
    case "place": {
      const [row] = datasetToRows({ ...EMPTY, places: [entry as Place] }).places;
      const { id: _id, ...data } = row!;
      await (exists ? tx.place.update({ where: { id }, data: { ...data, version } }) : tx.place.create({ data: { ...row!, version } }));
      return;
    }
    case "actor": {
      const rows = datasetToRows({ ...EMPTY, actors: [entry as Actor] });
      const { id: _id, ...data } = rows.actors[0]!;
      await (exists ? tx.actor.update({ where: { id }, data: { ...data, version } }) : tx.actor.create({ data: { ...rows.actors[0]!, version } }));
      for (const name of rows.actorNames) await tx.actorName.create({ data: name });
      return;
    }
    case "relationship": {
      const rows = datasetToRows({ ...EMPTY, relationships: [entry as Relationship] });
      const { id: _id, ...data } = rows.relationships[0]!;
      await (exists
        ? tx.relationship.update({ where: { id }, data: { ...data, version } })
        : tx.relationship.create({ data: { ...rows.relationships[0]!, version } }));
      for (const place of rows.relationshipPlaces) await tx.relationshipPlace.create({ data: place });
      for (const citation of rows.citations) await tx.citation.create({ data: citation });
      return;
    }
    case "event": {
      const rows = datasetToRows({ ...EMPTY, events: [entry as Event] });
      const { id: _id, ...data } = rows.events[0]!;
      await (exists ? tx.event.update({ where: { id }, data: { ...data, version } }) : tx.event.create({ data: { ...rows.events[0]!, version } }));
      for (const participant of rows.participants) await tx.eventParticipant.create({ data: participant });
      for (const link of rows.eventRelationships) await tx.eventRelationship.create({ data: link });
      for (const citation of rows.citations) await tx.citation.create({ data: citation });
      return;
    }
  }
}

/** Deletes an entity with everything it owns; the caller has checked nothing else still uses it. */
export async function deleteEntityRows(tx: Tx, kind: EntityKind, id: string): Promise<void> {
  await deleteOwnedRows(tx, kind, id);
  switch (kind) {
    case "source":
      await tx.source.delete({ where: { id } });
      return;
    case "place":
      await tx.place.delete({ where: { id } });
      return;
    case "actor":
      await tx.actor.delete({ where: { id } });
      return;
    case "relationship":
      await tx.relationship.delete({ where: { id } });
      return;
    case "event":
      await tx.event.delete({ where: { id } });
      return;
  }
}
