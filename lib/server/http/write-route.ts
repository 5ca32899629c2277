import "server-only";
/**
 * The write routes' one wrapper, beside jsonRoute (respond.ts): the CSRF rule, the store's presence,
 * the session and its role, the body parsed with its zod schema, and every refusal mapped to its
 * status in the API's error shape. A handler is then "call one write function". Nothing a request
 * can send makes it answer 500.
 */
import type { z } from "zod";
import { crossOriginRefusal, isSameOrigin } from "../../api/same-origin";
import { firstProblem } from "../../dataset/write-schema";
import { AccessError, requireAdmin, requireEditor, type SessionUser } from "../auth/session";
import { checkStore, storeProblemOf } from "../store/status";
import { ConflictError } from "../writes/write-entity";
import { InvalidEntityError } from "../writes/checks";
import { errorResponse, NotFoundError, storeUnavailable } from "./respond";

/** A body larger than this is refused before it is parsed (an entry at its LIMITS is far smaller). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

class BodyError extends Error {
  constructor(
    readonly field: string,
    readonly expected: string,
    readonly received?: unknown,
  ) {
    super(`${field}: expected ${expected}`);
  }
}

/** The request's JSON body; `fromQuery` names query parameters that may stand in for it (DELETE). */
async function readBody(request: Request, fromQuery: readonly string[]): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new BodyError("body", `a JSON body of at most ${MAX_BODY_BYTES / 1024 / 1024} MB`);
  const query = Object.fromEntries([...new URL(request.url).searchParams].filter(([k]) => fromQuery.includes(k)));
  if (text.trim() === "") return fromQuery.length ? query : undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BodyError("body", "a JSON object (the body is not JSON)");
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw new BodyError("body", "a JSON object");
  return { ...query, ...body };
}

export interface WriteContext<P> {
  user: SessionUser;
  params: P;
  request: Request;
}

interface Options {
  /** Who may: editors (and admins) change data, only admins manage accounts. */
  role?: "editor" | "admin";
  /** Query parameters that may carry the body's fields instead (DELETE ?version=&reason=). */
  fromQuery?: readonly string[];
}

export function writeRoute<S extends z.ZodType, P = Record<string, string>>(
  schema: S,
  handler: (body: z.infer<S>, context: WriteContext<P>) => Promise<{ status?: number; body: unknown }>,
  options: Options = {},
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      if (!isSameOrigin(request)) return crossOriginRefusal();
      // An empty store may be written to (a dataset built from nothing); a missing or unmigrated one not.
      const problem = await checkStore();
      if (problem && problem.state !== "empty") return storeUnavailable(problem);
      const user = options.role === "admin" ? await requireAdmin(request) : await requireEditor(request);
      const raw = await readBody(request, options.fromQuery ?? []);
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const p = firstProblem(parsed.error, raw);
        throw new BodyError(p.field, p.expected, p.received);
      }
      const answer = await handler(parsed.data, { user, params: await context.params, request });
      return Response.json(answer.body, { status: answer.status ?? 200, headers: { "cache-control": "no-store" } });
    } catch (e) {
      if (e instanceof AccessError) return errorResponse(e.status, { error: e.status === 401 ? e.message : "forbidden", message: e.message });
      if (e instanceof BodyError || e instanceof InvalidEntityError) {
        return errorResponse(400, { error: "invalid body", field: e.field, expected: e.expected, ...(e.received !== undefined && { received: e.received }) });
      }
      if (e instanceof ConflictError) return errorResponse(409, e.body);
      if (e instanceof NotFoundError) return errorResponse(404, { error: "not found", field: e.field, message: e.message });
      const problem = storeProblemOf(e);
      if (problem) return storeUnavailable(problem);
      console.error(e);
      return errorResponse(500, { error: "internal error", message: "the server failed to make the change, which was not made; this is a fault of ours, not of the request" });
    }
  };
}
