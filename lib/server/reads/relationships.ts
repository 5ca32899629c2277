import "server-only";
import type { ApiRelationship } from "../../api/types";
import { windowOf } from "../../model/dates";
import { QueryError, type RelationshipsQuery } from "../../api/query-schema";
import { actorExists } from "./actors";
import { readRelationships } from "./read-rows";
import { NotFoundError } from "../http/respond";
import { toRelationship } from "./serialize";
import { relationshipIdsSql } from "./window-sql";

export async function listRelationships(q: RelationshipsQuery): Promise<ApiRelationship[]> {
  if (q.actor !== undefined && !(await actorExists(q.actor))) throw new QueryError("actor", "expected the id of an actor (see /api/actors)", q.actor);
  const rows = await readRelationships(relationshipIdsSql(windowOf(q), { types: q.type, certainties: q.certainty, actor: q.actor }), { byStart: true });
  return rows.map(toRelationship);
}

export async function getRelationship(id: string): Promise<ApiRelationship> {
  const [row] = await readRelationships({ sql: `SELECT id FROM "Relationship" WHERE id = ?`, params: [id] });
  if (!row) throw new NotFoundError("id", `no relationship with id "${id}"`);
  return toRelationship(row);
}
