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
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { sqlGet } from "./sql";

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
 * The dataset's version (as lib/server/dataset-version.ts reads it, 0 for a store never loaded),
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

/** A least-recently-used map bounded by the bytes of its values; one dataset version at a time. */
class AnswerCache {
  private entries = new Map<string, Entry>();
  private bytes = 0;
  private generation = "";
  readonly inflight = new Map<string, Promise<Entry | null>>();

  /**
   * Forgets everything when the dataset or the code changed (the generation is the ETag): no entry
   * of an older one can be asked for again.
   */
  sync(generation: string) {
    if (generation === this.generation) return;
    this.entries.clear();
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
    return { entries: this.entries.size, bytes: this.bytes, generation: this.generation };
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
 * Reads a response's body into memory up to MAX_ENTRY_BYTES. Beyond that it gives back a stream of
 * what was read followed by the rest, so a very large export is still streamed, just not kept.
 */
async function collect(response: Response): Promise<{ body: Uint8Array } | { stream: ReadableStream<Uint8Array> }> {
  if (!response.body) return { body: new Uint8Array() };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > MAX_ENTRY_BYTES) {
      const read = chunks;
      return {
        stream: new ReadableStream<Uint8Array>({
          start(controller) {
            for (const c of read) controller.enqueue(c);
          },
          async pull(controller) {
            const next = await reader.read();
            if (next.done) controller.close();
            else controller.enqueue(next.value);
          },
          cancel(reason) {
            return reader.cancel(reason);
          },
        }),
      };
    }
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return { body };
}

/**
 * Answers a read from the cache or computes it once: 304 when the client holds the current
 * version, the kept bytes when this process has them, else `compute()`'s answer, kept when it is a
 * 200 small enough. Only 200s carry the validator; errors are neither kept nor validated.
 */
export async function cachedAnswer(request: Request, query: unknown, compute: () => Promise<Response>): Promise<Response> {
  const etag = etagOf(datasetVersion());
  cache.sync(etag);
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers: validatorHeaders(etag) });
  }
  const url = new URL(request.url);
  const key = `${url.pathname}?${normalisedQuery(query)}`;
  const send = (entry: Entry) => new Response(entry.body as BodyInit, { status: 200, headers: entry.headers });

  const kept = cache.get(key);
  if (kept) return send(kept);
  const pending = cache.inflight.get(key);
  if (pending) {
    const entry = await pending;
    if (entry) return send(entry);
  }

  let resolveInflight: (e: Entry | null) => void = () => {};
  if (!pending) cache.inflight.set(key, new Promise((resolve) => (resolveInflight = resolve)));
  try {
    const response = await compute();
    if (response.status !== 200) {
      resolveInflight(null);
      return response;
    }
    const headers: [string, string][] = [...response.headers.entries()].filter(([k]) => k !== "etag" && k !== "cache-control");
    headers.push(...validatorHeaders(etag));
    const read = await collect(response);
    if ("stream" in read) {
      resolveInflight(null);
      return new Response(read.stream, { status: 200, headers });
    }
    const entry: Entry = { body: read.body, headers: [...headers.filter(([k]) => k !== "content-length"), ["content-length", String(read.body.byteLength)]] };
    cache.set(etag, key, entry);
    resolveInflight(entry);
    return send(entry);
  } catch (e) {
    resolveInflight(null);
    throw e;
  } finally {
    if (!pending) cache.inflight.delete(key);
  }
}
