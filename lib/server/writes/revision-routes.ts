import "server-only";
import { canEdit } from "../../api/roles";
import { parseSearchParams, QueryError } from "../../api/query-schema";
import { restoreBodySchema, revisionsQuerySchema } from "../../dataset/write-schema";
import { getSessionUser } from "../auth/session";
import { errorResponse, storeUnavailable } from "../http/respond";
import { writeRoute } from "../http/write-route";
import { checkStore, storeProblemOf } from "../store/status";
import { listRevisions } from "./revisions";
import { restoreRevision } from "./write-entity";

/**
 * GET /api/revisions: public, but not shared through caches: a signed-in editor also sees the
 * authors' emails, so the answer depends on who asks.
 */
export async function revisionsAnswer(request: Request): Promise<Response> {
  try {
    const query = parseSearchParams(revisionsQuerySchema, new URL(request.url).searchParams);
    const problem = await checkStore();
    if (problem) return storeUnavailable(problem);
    const user = await getSessionUser(request);
    const revisions = await listRevisions(query, user !== null && canEdit(user.role));
    return Response.json({ revisions }, { headers: { "cache-control": "private, no-store" } });
  } catch (e) {
    if (e instanceof QueryError) return errorResponse(400, { error: "invalid parameter", field: e.field, expected: e.expected, ...(e.received !== undefined && { received: e.received }) });
    const problem = storeProblemOf(e);
    if (problem) return storeUnavailable(problem);
    console.error(e);
    return errorResponse(500, { error: "internal error", message: "the server failed to answer; this is a fault of ours, not of the request" });
  }
}

/** POST /api/revisions/{id}/restore `{ reason, version? }` → the entity as restored, a new revision. */
export const restoreRoute = writeRoute(restoreBodySchema, async (body, { user, params }: { user: { id: string; name: string; email: string }; params: { id: string } }) => {
  const id = /^\d{1,15}$/.test(params.id) ? Number(params.id) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) return { status: 404, body: { error: "not found", field: "id", message: `no revision with id "${params.id}"` } };
  return { body: await restoreRevision(id, body.version, body.reason, { id: user.id, name: user.name, email: user.email }) };
});
