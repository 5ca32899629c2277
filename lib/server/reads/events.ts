import "server-only";
import type { ApiEvent } from "../../api/types";
import { windowOf } from "../../model/dates";
import { QueryError, type EventsQuery } from "../../api/query-schema";
import { actorExists } from "./actors";
import { readEvents } from "./read-rows";
import { NotFoundError } from "../http/respond";
import { toEvent } from "./serialize";
import { eventIdsSql } from "./window-sql";

export async function listEvents(q: EventsQuery): Promise<ApiEvent[]> {
  if (q.actor !== undefined && !(await actorExists(q.actor))) throw new QueryError("actor", "expected the id of an actor (see /api/actors)", q.actor);
  const rows = await readEvents(eventIdsSql(windowOf(q), q.actor));
  return rows.map(toEvent);
}

export async function getEvent(id: string): Promise<ApiEvent> {
  const [row] = await readEvents({ sql: `SELECT id FROM "Event" WHERE id = ?`, params: [id] });
  if (!row) throw new NotFoundError("id", `no event with id "${id}"`);
  return toEvent(row);
}
