import "server-only";
import type { ApiEvent } from "../api-types";
import { overlapWhere, windowOf } from "../dates";
import { QueryError, type EventsQuery } from "../schemas/query";
import { actorExists } from "./actors";
import { db } from "./db";
import { NotFoundError } from "./respond";
import { eventSelect, toEvent } from "./serialize";

export async function listEvents(q: EventsQuery): Promise<ApiEvent[]> {
  if (q.actor !== undefined && !(await actorExists(q.actor))) throw new QueryError("actor", "expected the id of an actor (see /api/actors)", q.actor);
  const rows = await db.event.findMany({
    where: { AND: [overlapWhere(windowOf(q), { openEnds: false }), q.actor ? { participants: { some: { actorId: q.actor } } } : {}] },
    select: eventSelect,
    orderBy: [{ spanStart: "asc" }, { id: "asc" }],
  });
  return rows.map(toEvent);
}

export async function getEvent(id: string): Promise<ApiEvent> {
  const row = await db.event.findUnique({ where: { id }, select: eventSelect });
  if (!row) throw new NotFoundError("id", `no event with id "${id}"`);
  return toEvent(row);
}
