import "server-only";
import type { ApiRelationship } from "../api-types";
import { overlapWhere, windowOf } from "../dates";
import { QueryError, type RelationshipsQuery } from "../schemas/query";
import { actorExists } from "./actors";
import { db } from "./db";
import { NotFoundError } from "./respond";
import { relationshipSelect, toRelationship } from "./serialize";

export async function listRelationships(q: RelationshipsQuery): Promise<ApiRelationship[]> {
  if (q.actor !== undefined && !(await actorExists(q.actor))) throw new QueryError("actor", "expected the id of an actor (see /api/actors)", q.actor);
  const rows = await db.relationship.findMany({
    where: {
      AND: [
        overlapWhere(windowOf(q)),
        q.type ? { type: { in: q.type } } : {},
        q.certainty ? { certainty: { in: q.certainty } } : {},
        q.actor ? { OR: [{ fromId: q.actor }, { toId: q.actor }] } : {},
      ],
    },
    select: relationshipSelect,
    orderBy: [{ spanStart: { sort: "asc", nulls: "first" } }, { id: "asc" }],
  });
  return rows.map(toRelationship);
}

export async function getRelationship(id: string): Promise<ApiRelationship> {
  const row = await db.relationship.findUnique({ where: { id }, select: relationshipSelect });
  if (!row) throw new NotFoundError("id", `no relationship with id "${id}"`);
  return toRelationship(row);
}
