import "server-only";
import { getSessionUser } from "./session";

/** GET /api/session: the signed-in user or null; per person, so never kept by any cache. */
export async function sessionAnswer(request: Request): Promise<Response> {
  let user = null;
  try {
    user = await getSessionUser(request);
  } catch (e) {
    // A store that cannot answer (missing, not migrated) means nobody can be signed in.
    console.error("reading the session failed:", e instanceof Error ? e.message : e);
  }
  return Response.json({ user }, { headers: { "cache-control": "no-store" } });
}
