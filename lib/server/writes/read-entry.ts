import "server-only";
import type { EntityKind, Entry } from "../../dataset/write-schema";
import { actorEntry, eventEntry, placeEntry, relationshipEntry, sourceEntry } from "../store/entries";
import { NotFoundError } from "../http/respond";
import { db } from "../store/db";
import type { Tx } from "./store";

export interface VersionedEntry {
  entry: Entry;
  version: number;
}

/** One entity as its seed file would hold it, with its version; null when there is none with that id. */
export async function readEntry(tx: Tx, kind: EntityKind, id: string): Promise<VersionedEntry | null> {
  switch (kind) {
    case "source": {
      const row = await tx.source.findUnique({ where: { id } });
      return row && { entry: sourceEntry(row), version: row.version };
    }
    case "place": {
      const row = await tx.place.findUnique({ where: { id } });
      return row && { entry: placeEntry(row), version: row.version };
    }
    case "actor": {
      const row = await tx.actor.findUnique({ where: { id }, include: { names: { orderBy: { position: "asc" } } } });
      return row && { entry: actorEntry(row, row.names), version: row.version };
    }
    case "relationship": {
      const row = await tx.relationship.findUnique({
        where: { id },
        include: { places: { orderBy: { position: "asc" } }, citations: { orderBy: { position: "asc" } } },
      });
      return row && { entry: relationshipEntry(row, row.places, row.citations), version: row.version };
    }
    case "event": {
      const row = await tx.event.findUnique({
        where: { id },
        include: {
          participants: { orderBy: { position: "asc" } },
          relationships: { orderBy: { relationshipId: "asc" } },
          citations: { orderBy: { position: "asc" } },
        },
      });
      return row && { entry: eventEntry(row, row.participants, row.relationships, row.citations), version: row.version };
    }
  }
}

/** What a detail route adds for the edit form: `{ version, entry }`; 404 when there is no such entity. */
export async function getVersionedEntry(kind: EntityKind, id: string): Promise<VersionedEntry> {
  const found = await readEntry(db, kind, id);
  if (!found) throw new NotFoundError("id", `no ${kind} with id "${id}"`);
  return { version: found.version, entry: found.entry };
}
