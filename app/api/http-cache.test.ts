/**
 * Validators and the in-process cache, through the real route wrapper on a real SQLite file: an
 * answer carries an ETag tied to the dataset's version, If-None-Match answers 304, a load changes
 * the ETag and the answer, and errors are neither validated nor kept.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readDatasetDir } from "@/lib/dataset/files";
import { replaceDataset } from "@/lib/server/store/load-dataset";
import { createPrismaClient } from "@/lib/server/store/prisma-client";
import { loadedDatabaseFile, MINI_DATASET, SEED_DATASET } from "@/test/setup/database";

let graph: typeof import("./graph/route");
let exporter: typeof import("./export/route");
let actor: typeof import("./actors/[id]/route");
let cache: typeof import("@/lib/server/http/cache");
let ahead: typeof import("@/lib/server/http/read-ahead");
let file: string;

beforeAll(async () => {
  file = await loadedDatabaseFile(MINI_DATASET);
  process.env.DATABASE_URL = `file:${file}`;
  graph = await import("./graph/route");
  exporter = await import("./export/route");
  actor = await import("./actors/[id]/route");
  cache = await import("@/lib/server/http/cache");
  ahead = await import("@/lib/server/http/read-ahead");
});

// The graphs read ahead after a graph answer are kept in the background: counts of entries are
// taken once nothing is being read ahead.
beforeEach(() => ahead.readAheadSettled());

const get = (handler: (r: Request, c: never) => Promise<Response>, url: string, headers: Record<string, string> = {}, params: Record<string, string> = {}) =>
  handler(new Request(new URL(url, "http://localhost"), { headers }), { params: Promise.resolve(params) } as never);

describe("validators", () => {
  it("answers with an ETag and a Cache-Control a shared cache may use, and 304 to a client that holds it", async () => {
    const first = await get(graph.GET, "/api/graph?at=2009");
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"\d+-[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe(cache.CACHE_CONTROL);
    expect(first.headers.get("cache-control")).toContain("public");
    const body = await first.text();

    const again = await get(graph.GET, "/api/graph?at=2009", { "if-none-match": etag! });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");

    const weak = await get(graph.GET, "/api/graph?at=2009", { "if-none-match": `"other", W/${etag}` });
    expect(weak.status).toBe(304);
    const stale = await get(graph.GET, "/api/graph?at=2009", { "if-none-match": '"0-old"' });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(body);
  });

  it("keeps one entry per normalised query: parameter order does not matter, the window does", async () => {
    const a = await (await get(exporter.GET, "/api/export?format=graphml&at=2009&certainty=documented")).text();
    const before = cache.cacheStats().entries;
    const b = await (await get(exporter.GET, "/api/export?certainty=documented&at=2009&format=graphml")).text();
    expect(b).toBe(a);
    expect(cache.cacheStats().entries).toBe(before);
    await (await get(exporter.GET, "/api/export?format=graphml&at=2010")).text();
    expect(cache.cacheStats().entries).toBe(before + 1);
  });

  it("validates a file answer too, streamed the first time and kept whole with its name and type", async () => {
    const res = await get(exporter.GET, "/api/export?format=csv&at=2009");
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBeTruthy();
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain(".csv");
    const first = new Uint8Array(await res.arrayBuffer());
    const again = await get(exporter.GET, "/api/export?format=csv&at=2009");
    expect(again.headers.get("content-disposition")).toBe(res.headers.get("content-disposition"));
    expect(again.headers.get("etag")).toBe(res.headers.get("etag"));
    const kept = new Uint8Array(await again.arrayBuffer());
    expect(Number(again.headers.get("content-length"))).toBe(kept.byteLength);
    expect(kept).toEqual(first);
    // The byte-order mark Excel needs is kept too.
    expect([...kept.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("computes a key once for concurrent requests", async () => {
    const before = cache.cacheStats().entries;
    const answers = await Promise.all(Array.from({ length: 5 }, () => get(graph.GET, "/api/graph?from=2001&to=2003")));
    const bodies = await Promise.all(answers.map((a) => a.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(cache.cacheStats().entries).toBe(before + 1);
  });

  it("reads the slider's neighbouring dates ahead, within the timeline, and keeps them", async () => {
    const entries = () => cache.cacheStats().entries;
    const read = async (url: string) => {
      const res = await get(graph.GET, url);
      expect(res.status).toBe(200);
      const body = await res.text();
      await ahead.readAheadSettled();
      return body;
    };
    const before = entries();
    await read("/api/graph?at=2003");
    // 2003 itself, then 2004, 2002 and 2005, which are not read ahead from in turn.
    expect(entries()).toBe(before + 4);
    // A step to 2004 finds it kept and reads ahead 2006, the one date not kept yet.
    await read("/api/graph?at=2004");
    expect(entries()).toBe(before + 5);
    // What was read ahead is what the route computes, byte for byte.
    const { getGraph } = await import("@/lib/server/reads/graph");
    expect(await read("/api/graph?at=2005")).toBe(JSON.stringify(await getGraph({ at: "2005" })));
    // ...and 2007 is read ahead from it.
    expect(entries()).toBe(before + 6);

    // At the timeline's last year (the mini dataset ends in 2014) only the year before.
    await read("/api/graph?at=2014");
    expect(entries()).toBe(before + 8);
    // By month, the neighbouring months, with the query's other parameters.
    await read("/api/graph?at=2009-06&possibly=1");
    expect(entries()).toBe(before + 12);
    await read("/api/graph?possibly=1&at=2009-07");
    expect(entries()).toBe(before + 13);
    // Up to a date, the neighbouring "up to" dates; a window with both ends, nothing more.
    await read("/api/graph?to=2003");
    expect(entries()).toBe(before + 17);
    await read("/api/graph?from=2002&to=2003");
    expect(entries()).toBe(before + 18);
  });

  it("neither validates nor keeps a 400 or a 404", async () => {
    const bad = await get(graph.GET, "/api/graph?at=2009-13");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("etag")).toBeNull();
    const missing = await get(actor.GET, "/api/actors/nobody", {}, { id: "nobody" });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("etag")).toBeNull();
  });

  it("changes the ETag and the answer when a load changes the dataset", async () => {
    const before = await get(graph.GET, "/api/graph");
    const etag = before.headers.get("etag")!;
    const nodes = ((await before.json()) as { elements: { nodes: unknown[] } }).elements.nodes.length;

    const client = createPrismaClient(file);
    try {
      await replaceDataset(client, readDatasetDir(SEED_DATASET));
    } finally {
      await client.$disconnect();
    }

    const after = await get(graph.GET, "/api/graph", { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    const seedNodes = ((await after.json()) as { elements: { nodes: unknown[] } }).elements.nodes.length;
    expect(seedNodes).toBe(42);
    expect(seedNodes).not.toBe(nodes);
    // Entries of the older version are gone, not merely unreachable.
    expect(cache.cacheStats().entries).toBe(1);
  });
});

describe("matchesIfNoneMatch", () => {
  it("reads lists, weak tags and the wildcard", () => {
    expect(cache.matchesIfNoneMatch(null, '"3-a"')).toBe(false);
    expect(cache.matchesIfNoneMatch('"3-a"', '"3-a"')).toBe(true);
    expect(cache.matchesIfNoneMatch('"2-a", "3-a"', '"3-a"')).toBe(true);
    expect(cache.matchesIfNoneMatch('W/"3-a"', '"3-a"')).toBe(true);
    expect(cache.matchesIfNoneMatch("*", '"3-a"')).toBe(true);
    expect(cache.matchesIfNoneMatch('"3-b"', '"3-a"')).toBe(false);
  });
});
