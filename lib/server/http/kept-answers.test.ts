/**
 * The proxy's way to kept answers (lib/api/kept-answers.ts, lookupKept in cache.ts), on a real SQLite
 * file: a key is known only once its route answered 200 under it, the answer is the route's to the
 * byte with its validators, and a change to the store by a write through the API in this process
 * or by an import in another process retires it at once.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ANSWER_KEY_HEADER, keptAnswers, type KeptAnswerLookup } from "@/lib/api/kept-answers";
import { runCommand } from "@/test/setup/command";
import { appRequest, call, makeUser, signIn } from "@/test/setup/accounts";
import { importApiRoutes, type ApiRoutes } from "@/test/setup/api-routes";
import { loadedDatabaseFile, MINI_DATASET } from "@/test/setup/database";

let routes: ApiRoutes;
let lookup: KeptAnswerLookup;
let file: string;

beforeAll(async () => {
  file = await loadedDatabaseFile(MINI_DATASET);
  process.env.DATABASE_URL = `file:${file}`;
  routes = await importApiRoutes();
  lookup = keptAnswers()!;
});

/** A GET as proxy.ts lets it through: with the key it will look the answer up by. */
const throughProxy = (url: string, key = url) => appRequest(url, { headers: { [ANSWER_KEY_HEADER]: key } });
const text = (body: ReadableStream<Uint8Array> | null) => new Response(body).text();

describe("kept answers for the proxy", () => {
  it("are registered once a route module has loaded the cache", () => {
    expect(typeof lookup).toBe("function");
  });

  it("knows a key only after its route answered under it, and gives the route's bytes and validators", async () => {
    expect(lookup("/api/graph?at=2009", null)).toBeNull();
    const answered = await call(routes.graph.GET, throughProxy("/api/graph?at=2009"));
    expect(answered.status).toBe(200);

    const kept = lookup("/api/graph?at=2009", null)!;
    expect(kept.status).toBe(200);
    expect(await text(kept.body)).toBe(answered.text);
    const headers = new Map(kept.headers);
    expect(headers.get("etag")).toBe(answered.headers.get("etag"));
    expect(headers.get("cache-control")).toBe(answered.headers.get("cache-control"));
    expect(headers.get("content-type")).toBe("application/json");

    const notModified = lookup("/api/graph?at=2009", answered.headers.get("etag"));
    expect(notModified).toEqual({ status: 304, headers: expect.arrayContaining([["etag", answered.headers.get("etag")]]), body: null });
    // Another spelling of the same query is the route's to parse first; it is filed once answered.
    expect(lookup("/api/graph?at=2009&", null)).toBeNull();
  });

  it("files nothing for an answer that is not a 200, nor for a request without the proxy's key", async () => {
    expect((await call(routes.graph.GET, throughProxy("/api/graph?at=2009-13"))).status).toBe(400);
    expect(lookup("/api/graph?at=2009-13", null)).toBeNull();
    // A 304 for a bad query would hide its 400 from a client holding any current ETag.
    expect(lookup("/api/graph?at=2009-13", "*")).toBeNull();
    expect((await call(routes.actor.GET, throughProxy("/api/actors/nobody"), { id: "nobody" })).status).toBe(404);
    expect(lookup("/api/actors/nobody", null)).toBeNull();
    expect((await call(routes.graph.GET, appRequest("/api/graph?at=2010"))).status).toBe(200);
    expect(lookup("/api/graph?at=2010", null)).toBeNull();
  });

  it("sees a write through the API at once: the kept answer is gone and the route answers the new version", async () => {
    const before = await call(routes.graph.GET, throughProxy("/api/graph?at=2011"));
    expect(lookup("/api/graph?at=2011", null)).not.toBeNull();

    await makeUser("kept-editor@example.org", "editor");
    const cookie = await signIn(routes.auth.POST, "kept-editor@example.org");
    const created = await call(
      routes.relationships.POST,
      appRequest("/api/relationships", {
        method: "POST",
        cookie,
        body: {
          reason: "A tie for the cache test.",
          entity: {
            id: "kept-b-supports-x",
            from: "power-b",
            to: "group-x",
            type: "support",
            certainty: "reported",
            start: { date: "2011" },
            end: null,
            summary: "Power B backs the group in 2011.",
            citations: [{ source: "source-b", pages: "3", note: "Reports the backing in 2011." }],
          },
        },
      }),
    );
    expect(created.status).toBe(201);

    expect(lookup("/api/graph?at=2011", null)).toBeNull();
    expect(lookup("/api/graph?at=2011", before.headers.get("etag"))).toBeNull();
    const after = await call(routes.graph.GET, throughProxy("/api/graph?at=2011"));
    expect(after.headers.get("etag")).not.toBe(before.headers.get("etag"));
    expect(after.text).toContain("kept-b-supports-x");
    expect(await text(lookup("/api/graph?at=2011", null)!.body)).toBe(after.text);
  });

  it("sees an import by another process at once", async () => {
    const before = await call(routes.graph.GET, throughProxy("/api/graph?at=2011"));
    expect(before.text).toContain("kept-b-supports-x");
    expect(lookup("/api/graph?at=2011", null)).not.toBeNull();

    // The mini dataset again, by the seed command in a child process: the API's tie is gone.
    const seeded = await runCommand("seed/load.ts", ["--from", MINI_DATASET, "--force"], file);
    expect(seeded.code, seeded.stderr).toBe(0);

    expect(lookup("/api/graph?at=2011", null)).toBeNull();
    const after = await call(routes.graph.GET, throughProxy("/api/graph?at=2011"));
    expect(after.headers.get("etag")).not.toBe(before.headers.get("etag"));
    expect(after.text).not.toContain("kept-b-supports-x");
  });
});
