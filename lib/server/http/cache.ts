import "server-only";
/**
 * Every read answer changes only when the dataset does, so each is served with a validator tied to
 * the dataset's version and kept in the process:
 *
 * - **ETag** `"<dataset version>-<build>"`: the version is bumped inside every load's transaction;
 *   the build id (Next's BUILD_ID) changes when the code that shapes the answers does. A request
 *   whose `If-None-Match` holds it answers 304 after one tiny query (the version), nothing else.
 * - **Cache-Control** (see docs/deploy.md for the reasoning): browsers revalidate every time
 *   (`max-age=0`, a cheap 304); a shared cache (nginx, a CDN) may serve an answer for `s-maxage`
 *   seconds and then, while it revalidates in the background, for `stale-while-revalidate` more.
 *   A load is therefore seen through a proxy within a few seconds, and a proxy absorbs any burst.
 * - **In the process**, answers are kept keyed by (dataset version, path, normalised query), up to
 *   a bounded number of bytes, least recently used first out; concurrent misses of one key compute
 *   it once. An answer larger than one entry may hold is streamed through and not kept.
 * - **Before the route**: each kept answer is also filed under the key proxy.ts gave its request
 *   (lib/api/kept-answers.ts), and the proxy answers a request whose key is kept at the current
 *   version itself, 304 or 200, without Next running the route.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ANSWER_KEY_HEADER, registerKeptAnswers, type KeptAnswer } from "../../api/kept-answers";
import { sqlGet } from "../store/sql";

export const CACHE_CONTROL = "public, max-age=0, s-maxage=5, stale-while-revalidate=55";

/**
 * The code's identity: the Next build id in production; elsewhere (development, tests) this
 * module's load, so an edit that reloads it also retires every ETag and kept answer.
 */
function codeId(): string {
  const loaded = `d${Date.now().toString(36)}`;
  if (process.env.NODE_ENV !== "production") return loaded;
  try {
    return readFileSync(path.join(process.cwd(), ".next", "BUILD_ID"), "utf8").trim().replace(/[^\w-]/g, "") || loaded;
  } catch {
    return loaded;
  }
}
const CODE_ID = codeId();

/**
 * The dataset's version (as lib/server/store/dataset-version.ts reads it, 0 for a store never loaded),
 * through a prepared statement on the read connection: a few microseconds, so it is read on every
 * request rather than guessed.
 */
function datasetVersion(): number {
  return sqlGet<{ version: number }>(`SELECT version FROM "DatasetInfo" WHERE id = 1`)?.version ?? 0;
}

export function etagOf(version: number): string {
  return `"${version}-${CODE_ID}"`;
}

/** True when an If-None-Match header names this ETag (or is `*`); weak forms compare equal, as RFC 9110 says for GET. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (header === null) return false;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag.replace(/^W\//, "") === bare;
  });
}

/** The query as parsed by the route's schema, keys sorted, so `?b=1&a=2` and `?a=2&b=1` share an entry. */
export function normalisedQuery(query: unknown): string {
  return JSON.stringify(query, (_key, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

interface Entry {
  body: Uint8Array;
  headers: [string, string][];
}

/** Bytes kept in all; one entry may hold at most a quarter of them. Set with HTTP_CACHE_MB. */
const MAX_BYTES = Math.max(1, Number(process.env.HTTP_CACHE_MB ?? 256)) * 2 ** 20;
const MAX_ENTRY_BYTES = MAX_BYTES / 4;
/** Proxy keys remembered: each is a short string, but a crawler's distinct URLs must not grow them without end. */
const MAX_ALIASES = 10_000;

/** A least-recently-used map bounded by the bytes of its values; one dataset version at a time. */
class AnswerCache {
  private entries = new Map<string, Entry>();
  private bytes = 0;
  private generation = "";
  /** The proxy's key of a request (its URL as Next hands it over) → the entry's key. */
  private aliases = new Map<string, string>();
  readonly inflight = new Map<string, Promise<Entry | null>>();

  /**
   * Forgets everything when the dataset or the code changed (the generation is the ETag): no entry
   * of an older one can be asked for again.
   */
  sync(generation: string) {
    if (generation === this.generation) return;
    this.entries.clear();
    this.aliases.clear();
    this.inflight.clear();
    this.bytes = 0;
    this.generation = generation;
  }

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Files a kept entry under the proxy's key of a request for it too; oldest first out. */
  alias(generation: string, alias: string, key: string) {
    if (generation !== this.generation || !this.entries.has(key)) return;
    this.aliases.delete(alias);
    this.aliases.set(alias, key);
    if (this.aliases.size > MAX_ALIASES) this.aliases.delete(this.aliases.keys().next().value!);
  }

  /** The entry's key filed under a proxy key, if any. */
  keyOf(alias: string): string | undefined {
    return this.aliases.get(alias);
  }

  set(generation: string, key: string, entry: Entry) {
    if (generation !== this.generation || entry.body.byteLength > MAX_ENTRY_BYTES) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.body.byteLength;
    this.entries.set(key, entry);
    this.bytes += entry.body.byteLength;
    for (const [k, e] of this.entries) {
      if (this.bytes <= MAX_BYTES) break;
      this.entries.delete(k);
      this.bytes -= e.body.byteLength;
    }
  }

  stats() {
    return { entries: this.entries.size, bytes: this.bytes, aliases: this.aliases.size, generation: this.generation };
  }
}

const globalForCache = globalThis as unknown as { answerCache?: AnswerCache };
const cache = (globalForCache.answerCache ??= new AnswerCache());

/** For tests and the benchmark: how much is kept. */
export const cacheStats = () => cache.stats();

function validatorHeaders(etag: string): [string, string][] {
  return [
    ["etag", etag],
    ["cache-control", CACHE_CONTROL],
  ];
}

/**
 * A kept body as a stream of that one chunk, shared by every answer that sends it. Given the bytes
 * themselves, a Response copies them (undici's body extraction): 1.5 ms per answer for the 378 KiB
 * of a 10k store's date, and garbage to collect; a plain (not byte) stream passes the chunk on as
 * it is, and nothing writes to it.
 */
function shared(body: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(body);
      controller.close();
    },
  });
}

const concat = (chunks: Uint8Array[], size: number) => {
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
};

/**
 * Passes a body through to the client as it is written (an export streams) while keeping a copy of
 * up to MAX_ENTRY_BYTES; `done` gets the whole body once it has ended, or null when it was too
 * large, failed or was cancelled. Up to that size the body is read as fast as it is written,
 * whatever the client's pace, so requests waiting for the same answer never wait on a slow
 * client; past it (not kept) it is read only as fast as the client takes it.
 */
function keepWhileSending(body: ReadableStream<Uint8Array>, done: (whole: Uint8Array | null) => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let pumping = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      void (async () => {
        try {
          for (;;) {
            const next = await reader.read();
            if (next.done) {
              pumping = false;
              done(concat(chunks, size));
              controller.close();
              return;
            }
            size += next.value.byteLength;
            if (size > MAX_ENTRY_BYTES) {
              pumping = false;
              chunks.length = 0;
              done(null);
              controller.enqueue(next.value);
              return;
            }
            chunks.push(next.value);
            controller.enqueue(next.value);
          }
        } catch (e) {
          pumping = false;
          done(null);
          controller.error(e);
        }
      })();
    },
    async pull(controller) {
      if (pumping) return;
      try {
        const next = await reader.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (e) {
        controller.error(e);
      }
    },
    cancel(reason) {
      done(null);
      return reader.cancel(reason);
    },
  });
}

/**
 * Answers a read from the cache or computes it once: 304 when the client holds the current
 * version, the kept bytes when this process has them, else `compute()`'s answer, sent as it is
 * written and kept when it is a 200 small enough. Requests for a key being computed wait for it
 * rather than compute it again. Only 200s carry the validator; errors are neither kept nor validated.
 */
export async function cachedAnswer(request: Request, query: unknown, compute: () => Promise<Response>): Promise<Response> {
  const etag = etagOf(datasetVersion());
  cache.sync(etag);
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers: validatorHeaders(etag) });
  }
  const url = new URL(request.url);
  const key = `${url.pathname}?${normalisedQuery(query)}`;
  // Only reads are kept; the proxy sets this header on every request it lets through (a client's is replaced).
  const alias = request.method === "GET" || request.method === "HEAD" ? request.headers.get(ANSWER_KEY_HEADER) : null;
  const send = (entry: Entry) => {
    if (alias) cache.alias(etag, alias, key);
    return new Response(shared(entry.body), { status: 200, headers: entry.headers });
  };

  const kept = cache.get(key);
  if (kept) return send(kept);
  const pending = cache.inflight.get(key);
  if (pending) {
    const entry = await pending;
    if (entry) return send(entry);
  }

  let settle: (e: Entry | null) => void = () => {};
  if (!pending) {
    const inflight = new Promise<Entry | null>((resolve) => {
      settle = (e) => {
        if (cache.inflight.get(key) === inflight) cache.inflight.delete(key);
        resolve(e);
      };
    });
    cache.inflight.set(key, inflight);
  }
  try {
    const response = await compute();
    if (response.status !== 200 || !response.body) {
      settle(null);
      return response;
    }
    const headers: [string, string][] = [...response.headers.entries()].filter(([k]) => k !== "etag" && k !== "cache-control");
    headers.push(...validatorHeaders(etag));
    const body = keepWhileSending(response.body, (whole) => {
      if (whole === null) return settle(null);
      const entry: Entry = { body: whole, headers: [...headers.filter(([k]) => k !== "content-length"), ["content-length", String(whole.byteLength)]] };
      cache.set(etag, key, entry);
      if (alias) cache.alias(etag, alias, key);
      settle(entry);
    });
    return new Response(body, { status: 200, headers });
  } catch (e) {
    settle(null);
    throw e;
  }
}

/**
 * The proxy's way in (lib/api/kept-answers.ts): for a request key the route has answered and kept,
 * the same answer the route would give now, or null to let the request through to the route (an
 * unknown key, an entry no longer kept, or any failure, which the route then reports as it does).
 * A 304 is only given for a key known to answer 200, as the route gives it after parsing the query.
 */
export function lookupKept(alias: string, ifNoneMatch: string | null): KeptAnswer | null {
  try {
    const etag = etagOf(datasetVersion());
    cache.sync(etag);
    const key = cache.keyOf(alias);
    if (key === undefined) return null;
    if (matchesIfNoneMatch(ifNoneMatch, etag)) return { status: 304, headers: validatorHeaders(etag), body: null };
    const entry = cache.get(key);
    return entry ? { status: 200, headers: entry.headers, body: shared(entry.body) } : null;
  } catch {
    return null;
  }
}

registerKeptAnswers(lookupKept);
