/**
 * How client components read the JSON routes. Responses are cached per URL for the page's life
 * (graphs: the last few views, see GRAPHS_KEPT): the store does not change while the explorer is
 * open, and stepping back through the years should not ask the server again.
 */
import type { ApiActor, ApiActorDetail, ApiEvent, ApiGraph, ApiRelationship, ApiStoryStep, ApiTimeline } from "./types";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const cache = new Map<string, Promise<unknown>>();
/**
 * The answers of `cache` that have arrived, read without waiting: a slider step whose graph the page
 * already holds is drawn in the render the key press causes, not one promise turn (a whole render
 * of the page at 100,000 relationships) later.
 */
const arrived = new Map<string, unknown>();
const forget = (path: string) => {
  cache.delete(path);
  arrived.delete(path);
};

/**
 * Graphs are kept for the last GRAPHS_KEPT views only: at 100,000 relationships one date's graph is
 * megabytes, and a reader sweeping the slider would otherwise keep every year in memory.
 */
const GRAPHS_KEPT = 12;
const graphs: string[] = [];

export function getJson<T>(path: string): Promise<T> {
  let hit = cache.get(path) as Promise<T> | undefined;
  if (hit && path.startsWith("/api/graph")) {
    // Most recently used last.
    graphs.splice(graphs.indexOf(path), 1);
    graphs.push(path);
  }
  if (!hit) {
    hit = fetch(path, { headers: { accept: "application/json" }, cache: revalidate || wroteLately() ? "no-cache" : "default" }).then(async (res) => {
      const body = await res.json().catch(() => null);
      if (!res.ok) {
        const detail = body && typeof body.error === "string" ? body.error : res.statusText;
        throw new ApiError(res.status, `${path}: ${detail}`);
      }
      return body as T;
    });
    // A failure should not stick: the next attempt asks again.
    const asked = hit;
    asked.then(
      (body) => cache.get(path) === asked && arrived.set(path, body),
      () => cache.get(path) === asked && forget(path),
    );
    cache.set(path, hit);
    if (path.startsWith("/api/graph")) {
      graphs.push(path);
      while (graphs.length > GRAPHS_KEPT) forget(graphs.shift()!);
    }
  }
  return hit;
}

/**
 * Set once this page has written: from then on every read revalidates with the server. The answers'
 * `stale-while-revalidate` (lib/server/http/cache.ts) would otherwise let the browser hand back the
 * answer from before the write, once, while it asks again in the background.
 */
let revalidate = false;

/**
 * The same holds for the next pages of this tab (the editor deletes an actor, opens /changes, follows
 * its link back): the browser's stale copies live up to s-maxage + stale-while-revalidate (60 s).
 */
const WROTE_AT = "explorer:wrote-at";
const STALE_FOR_MS = 60_000;

function wroteLately(): boolean {
  try {
    const at = Number(sessionStorage.getItem(WROTE_AT));
    return at > 0 && Date.now() - at < STALE_FOR_MS;
  } catch {
    return false; // no storage (a private mode, a server render): only this page revalidates
  }
}

/** After a write: every kept answer may be stale (the server's version, and so its ETag, moved on). */
export function forgetAnswers(): void {
  cache.clear();
  arrived.clear();
  graphs.length = 0;
  revalidate = true;
  try {
    sessionStorage.setItem(WROTE_AT, String(Date.now()));
  } catch {
    // Without storage, later pages may show an answer from before the write once, as before.
  }
}

const enc = encodeURIComponent;

/** The path of a graph query: one spelling, so the page's preload (app/page.tsx) and the reads share an answer. */
export const graphPath = (query: URLSearchParams) => `/api/graph${query.size ? `?${query}` : ""}`;

/** The graph of `query` if its answer has arrived (see `arrived`), else undefined. */
export function arrivedGraph(query: URLSearchParams): ApiGraph | undefined {
  return arrived.get(graphPath(query)) as ApiGraph | undefined;
}

export const api = {
  timeline: () => getJson<ApiTimeline>("/api/timeline"),
  graph: (query: URLSearchParams) => getJson<ApiGraph>(graphPath(query)),
  actors: () => getJson<{ actors: ApiActor[] }>("/api/actors").then((r) => r.actors),
  actor: (id: string) => getJson<{ actor: ApiActorDetail }>(`/api/actors/${enc(id)}`).then((r) => r.actor),
  relationship: (id: string) =>
    getJson<{ relationship: ApiRelationship }>(`/api/relationships/${enc(id)}`).then((r) => r.relationship),
  events: () => getJson<{ events: ApiEvent[] }>("/api/events").then((r) => r.events),
  relationships: () => getJson<{ relationships: ApiRelationship[] }>("/api/relationships").then((r) => r.relationships),
  story: () => getJson<{ steps: ApiStoryStep[] }>("/api/story").then((r) => r.steps),
  event: (id: string) => getJson<{ event: ApiEvent }>(`/api/events/${enc(id)}`).then((r) => r.event),
};
