import "server-only";
import type { ApiActor, ApiActorDetail } from "../api-types";
import type { ParticipantRole } from "../vocabulary";
import { db } from "./db";
import { NotFoundError } from "./respond";
import { actorSelect, eventSelect, relationshipSelect, toActor, toEvent, toRelationship } from "./serialize";

export async function listActors(): Promise<ApiActor[]> {
  const rows = await db.actor.findMany({ select: actorSelect, orderBy: { id: "asc" } });
  return rows.map(toActor);
}

/** One actor with every relationship it is party to and every event it took part in. */
export async function getActor(id: string): Promise<ApiActorDetail> {
  const row = await db.actor.findUnique({ where: { id }, select: actorSelect });
  if (!row) throw new NotFoundError("id", `no actor with id "${id}"`);
  const [relationships, roles] = await Promise.all([
    db.relationship.findMany({
      where: { OR: [{ fromId: id }, { toId: id }] },
      select: relationshipSelect,
      orderBy: [{ spanStart: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    }),
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
