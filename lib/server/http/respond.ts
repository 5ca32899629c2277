import "server-only";
import type { z } from "zod";
import { QueryError, parseSearchParams } from "../../api/query-schema";
import { cachedAnswer } from "./cache";
import { answeringReader, readAhead } from "./read-ahead";
import { checkStore, storeProblemOf, type StoreProblem } from "../store/status";

/** An id in the path that names nothing: answered 404. */
export class NotFoundError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "NotFoundError";
  }
}

/** A file to download: the body, its media type and the name to save it under. */
export interface FileAnswer {
  /** Text, or chunks of it streamed as they are written. */
  body: string | ReadableStream<Uint8Array>;
  contentType: string;
  fileName: string;
  /** More headers, such as the dataset version the file was read at. */
  headers?: Record<string, string>;
}

/** A JSON error answer; every /api error has this shape, `error` first. */
export function errorResponse(status: number, body: { error: string } & Record<string, unknown>, headers?: HeadersInit): Response {
  return Response.json(body, { status, headers });
}

/** 503: the store is missing, not migrated or empty; the message says which and what fixes it. */
export function storeUnavailable(problem: StoreProblem): Response {
  return errorResponse(503, { error: "store unavailable", ...problem });
}

/**
 * Wraps a route handler once, so each handler is only "call one data function with the parsed
 * query": the store is checked to be there, the query string is parsed with the route's schema, a
 * QueryError answers 400 naming the parameter, a NotFoundError 404, a store that is not there 503,
 * and only a fault of our own 500.
 */
function route<S extends z.ZodType, C>(schema: S, answer: (query: z.infer<S>, context: C) => Promise<Response>, options: RouteOptions<z.infer<S>> = {}) {
  // What the last answer computed here cost: reading ahead stops where one would hold a reader's
  // request back for long (a request arriving while one is computed waits for it).
  let lastCost = 0;
  /** After a reader's answer: the queries likely next, asked of this route in the background (read-ahead.ts). */
  const readAheadFrom = (request: Request, query: z.infer<S>, context: C) => {
    if (!options.next || lastCost > READ_AHEAD_MAX_MS || readingAhead.has(request)) return;
    const base = new URL(request.url);
    const run = async (url: string) => {
      const ahead = new Request(url);
      readingAhead.add(ahead);
      await (await handler(ahead, context)).arrayBuffer();
    };
    options
      .next(query)
      .then((queries) => readAhead(queries.map((q) => `${base.origin}${base.pathname}?${new URLSearchParams(q)}`), run))
      .catch(() => undefined);
  };
  const handler = (request: Request, context: C): Promise<Response> => (readingAhead.has(request) ? respond(request, context) : answeringReader(() => respond(request, context)));
  const respond = async (request: Request, context: C): Promise<Response> => {
    try {
      const query = parseSearchParams(schema, new URL(request.url).searchParams);
      const problem = await checkStore();
      if (problem) return storeUnavailable(problem);
      // Every answer is a read of the dataset: validated, kept and served per dataset version (http-cache.ts).
      const response = await cachedAnswer(request, query, async () => {
        const started = performance.now();
        try {
          return await answer(query, context);
        } finally {
          lastCost = performance.now() - started;
        }
      });
      if (response.status === 200 || response.status === 304) readAheadFrom(request, query, context);
      return response;
    } catch (e) {
      if (e instanceof QueryError) {
        return errorResponse(400, { error: "invalid parameter", field: e.field, expected: e.expected, ...(e.received !== undefined && { received: e.received }) });
      }
      if (e instanceof NotFoundError) {
        return errorResponse(404, { error: "not found", field: e.field, message: e.message });
      }
      const problem = storeProblemOf(e);
      if (problem) return storeUnavailable(problem);
      console.error(e);
      return errorResponse(500, { error: "internal error", message: "the server failed to answer; this is a fault of ours, not of the request" });
    }
  };
  return handler;
}

/**
 * Reading ahead only while an answer takes at most this long to compute: at 10,000 relationships a
 * graph takes about 70 ms, at 100,000 about 500 ms, where the explorer's own read-ahead is left to
 * do it (use-view-graphs.ts).
 */
const READ_AHEAD_MAX_MS = 200;

export interface RouteOptions<Q> {
  /** The queries a reader of this one is likely to make next, read ahead and kept (read-ahead.ts). */
  next?: (query: Q) => Promise<Record<string, string>[]>;
}

/** The server's own reads ahead: they do not read ahead in turn. */
const readingAhead = new WeakSet<Request>();

/** Any /api path that no route claims. */
export function notFoundRoute() {
  return async (request: Request): Promise<Response> =>
    errorResponse(404, { error: "not found", field: "path", message: `no API route at ${new URL(request.url).pathname}; the routes are listed in docs/api.md` });
}

export function jsonRoute<S extends z.ZodType, C = unknown>(schema: S, handler: (query: z.infer<S>, context: C) => Promise<unknown>, options?: RouteOptions<z.infer<S>>) {
  return route<S, C>(schema, async (query, context) => Response.json(await handler(query, context)), options);
}

/** A route that answers a file, named for download (`curl -OJ` and browsers keep the name). */
export function fileRoute<S extends z.ZodType, C = unknown>(schema: S, handler: (query: z.infer<S>, context: C) => Promise<FileAnswer>) {
  return route<S, C>(schema, async (query, context) => {
    const file = await handler(query, context);
    return new Response(file.body, {
      headers: { ...file.headers, "content-type": file.contentType, "content-disposition": `attachment; filename="${file.fileName}"` },
    });
  });
}
