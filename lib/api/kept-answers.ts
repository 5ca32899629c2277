/**
 * The handshake between proxy.ts and the process's answer cache (lib/server/http/cache.ts), so a
 * read that is already kept is answered by the proxy without reaching its route. A kept answer is a
 * few bytes in memory, but Next's route pipeline (its request and response objects, the route
 * module's preparation, its tracing) cost about three times what serving a static file costs; the
 * proxy runs before all of that (docs/performance.md, "What changed").
 *
 * Pure: the proxy cannot import server-only modules, so the cache registers its lookup on
 * globalThis (one Node process holds both) and the proxy finds it here.
 */

/**
 * Set by proxy.ts on every /api request it lets through: the key it will look the answer up by next
 * time (`answerKeyOf`). The route keeps its answer under that key too. A client's own copy is
 * replaced, so no request can file an answer under another URL's key.
 */
export const ANSWER_KEY_HEADER = "x-explorer-answer-key";

/** The key of a request as the proxy sees it: path and query string as Next hands them over. */
export function answerKeyOf(url: URL): string {
  return `${url.pathname}${url.search}`;
}

/** A kept answer, or the 304 that stands for it. Headers include the ETag and Cache-Control. */
export interface KeptAnswer {
  status: 200 | 304;
  headers: [string, string][];
  /** The kept bytes, as a stream that shares them (not a copy); null for a 304. */
  body: ReadableStream<Uint8Array> | null;
}

/** What the cache offers the proxy: the kept answer for a key at the store's current version, if any. */
export type KeptAnswerLookup = (key: string, ifNoneMatch: string | null) => KeptAnswer | null;

const SLOT = Symbol.for("explorer.keptAnswers");
type Slot = { [SLOT]?: KeptAnswerLookup };

/** Called by the cache when it loads; a later load (a development reload) replaces the lookup. */
export function registerKeptAnswers(lookup: KeptAnswerLookup) {
  (globalThis as Slot)[SLOT] = lookup;
}

/** The cache's lookup, or undefined before any route has loaded it (the first /api request goes through). */
export function keptAnswers(): KeptAnswerLookup | undefined {
  return (globalThis as Slot)[SLOT];
}
