import "server-only";
import type { z } from "zod";
import { QueryError, parseSearchParams } from "../schemas/query";
import { cachedAnswer } from "./http-cache";

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
}

/**
 * Wraps a route handler once, so each handler is only "call one data function with the parsed
 * query": the query string is parsed with the route's schema, a QueryError answers 400 naming the
 * parameter, a NotFoundError 404, and only a fault of our own 500.
 */
function route<S extends z.ZodType, C>(schema: S, answer: (query: z.infer<S>, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      const query = parseSearchParams(schema, new URL(request.url).searchParams);
      // Every answer is a read of the dataset: validated, kept and served per dataset version (http-cache.ts).
      return await cachedAnswer(request, query, () => answer(query, context));
    } catch (e) {
      if (e instanceof QueryError) {
        return Response.json(
          { error: "invalid parameter", field: e.field, expected: e.expected, ...(e.received !== undefined && { received: e.received }) },
          { status: 400 },
        );
      }
      if (e instanceof NotFoundError) {
        return Response.json({ error: "not found", field: e.field, message: e.message }, { status: 404 });
      }
      console.error(e);
      return Response.json({ error: "internal error", message: "the server failed to answer; this is a fault of ours, not of the request" }, { status: 500 });
    }
  };
}

export function jsonRoute<S extends z.ZodType, C = unknown>(schema: S, handler: (query: z.infer<S>, context: C) => Promise<unknown>) {
  return route<S, C>(schema, async (query, context) => Response.json(await handler(query, context)));
}

/** A route that answers a file, named for download (`curl -OJ` and browsers keep the name). */
export function fileRoute<S extends z.ZodType, C = unknown>(schema: S, handler: (query: z.infer<S>, context: C) => Promise<FileAnswer>) {
  return route<S, C>(schema, async (query, context) => {
    const file = await handler(query, context);
    return new Response(file.body, {
      headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.fileName}"` },
    });
  });
}
