import "server-only";
import type { ApiActor, ApiActorDetail } from "../../api/types";
import type { ParticipantRole } from "../../model/vocabulary";
import { db } from "../store/db";
import { NotFoundError } from "../http/respond";
import { readActors, readRelationships } from "./read-rows";
import { eventSelect, toActor, toEvent, toRelationship } from "./serialize";
import { ALL_ACTORS } from "./window-sql";

export async function listActors(): Promise<ApiActor[]> {
  return (await readActors(ALL_ACTORS)).map(toActor);
}

/** One actor with every relationship it is party to and every event it took part in. */
export async function getActor(id: string): Promise<ApiActorDetail> {
  const [row] = await readActors({ sql: `SELECT id FROM "Actor" WHERE id = ?`, params: [id] });
  if (!row) throw new NotFoundError("id", `no actor with id "${id}"`);
  // A hub may be party to thousands of relationships: read in SQL, never as a list of ids.
  const [relationships, roles] = await Promise.all([
    readRelationships(
      { sql: `SELECT id FROM "Relationship" WHERE fromId = ? UNION SELECT id FROM "Relationship" WHERE toId = ?`, params: [id, id] },
      { byStart: true },
    ),
    db.eventParticipant.findMany({
      where: { actorId: id },
      select: { role: true, event: { select: eventSelect } },
      orderBy: [{ event: { spanStart: "asc" } }, { eventId: "asc" }, { position: "asc" }],
    }),
  ]);
  const events = new Map<string, ApiActorDetail["events"][number]>();
  for (const { role, event } of roles) {
    const known = events.get(event.id);
    if (known) known.roles.push(role as ParticipantRole);
    else events.set(event.id, { ...toEvent(event), roles: [role as ParticipantRole] });
  }
  return { ...toActor(row), relationships: relationships.map(toRelationship), events: [...events.values()] };
}

/** For filters that name an actor: an unknown id is the caller's mistake, reported on that parameter. */
export async function actorExists(id: string): Promise<boolean> {
  return (await db.actor.count({ where: { id } })) > 0;
}
