import "server-only";
import type { EntityKind, Entry } from "../../dataset/write-schema";
import { db } from "../store/db";

/** One change as GET /api/revisions answers it: never an account's id, password or session. */
export interface ApiRevision {
  id: number;
  at: string;
  /** The email only for a signed-in editor or admin: the public sees who by name. */
  author: { name: string; email?: string };
  /** "relationship:ID" */
  entity: string;
  action: "create" | "update" | "delete" | "restore";
  reason: string;
  before: Entry | null;
  after: Entry | null;
  version: number;
}

export interface RevisionsQuery {
  limit: number;
  before?: number;
  entity?: string;
}

/** The latest changes first, `limit` of them, older than revision `before`, of one entity or all. */
export async function listRevisions(q: RevisionsQuery, withEmail: boolean): Promise<ApiRevision[]> {
  const [kind, ...rest] = q.entity?.split(":") ?? [];
  const rows = await db.revision.findMany({
    where: {
      ...(q.before !== undefined && { id: { lt: q.before } }),
      ...(q.entity !== undefined && { entityKind: kind as EntityKind, entityId: rest.join(":") }),
    },
    orderBy: { id: "desc" },
    take: q.limit,
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    author: { name: r.authorName, ...(withEmail && { email: r.authorEmail }) },
    entity: `${r.entityKind}:${r.entityId}`,
    action: r.action as ApiRevision["action"],
    reason: r.reason,
    before: r.before === null ? null : (JSON.parse(r.before) as Entry),
    after: r.after === null ? null : (JSON.parse(r.after) as Entry),
    version: r.version,
  }));
}
