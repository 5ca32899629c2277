/**
 * Requests a hostile or careless client sends, against the real routes on a real SQLite file: each
 * answers 400 naming the parameter, never 500. These used to answer 500 (a window with one bad bound)
 * or be silently accepted (`__proto__`).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { callRoute, loadedDatabaseFile, MINI_DATASET } from "@/test/setup/database";

type Get = (request: Request, context: never) => Promise<Response>;
let windowed: [string, Get, string][];
let all: [string, Get][];

beforeAll(async () => {
  process.env.DATABASE_URL = `file:${await loadedDatabaseFile(MINI_DATASET)}`;
  const graph = await import("./graph/route");
  const relationships = await import("./relationships/route");
  const events = await import("./events/route");
  const exported = await import("./export/route");
  windowed = [
    ["/api/graph", graph.GET, ""],
    ["/api/relationships", relationships.GET, ""],
    ["/api/events", events.GET, ""],
    ["/api/export", exported.GET, "format=csv&"],
    ["/api/export", exported.GET, "format=graphml&"],
  ];
  all = [
    ...windowed.map(([path, get]) => [path, get] as [string, Get]),
    ["/api/actors", (await import("./actors/route")).GET],
    ["/api/sources", (await import("./sources/route")).GET],
    ["/api/places", (await import("./places/route")).GET],
    ["/api/timeline", (await import("./timeline/route")).GET],
    ["/api/story", (await import("./story/route")).GET],
  ];
});

const BAD_BOUNDS = ["", "zz", "2009-13", "2009-02-30", "20099", "-1", "2009-1", " 2009", "2009 ", "null", "%", "0000-00", "9999-99-99"];
const GOOD_BOUNDS = ["2009", "2005-06", "2014-12-31"];

describe("a window with a malformed bound", () => {
  it("answers 400 naming the bad bound on every windowed route, whichever side is bad", async () => {
    let tried = 0;
    for (const [path, get, prefix] of windowed) {
      for (const bad of BAD_BOUNDS) {
        for (const good of [...GOOD_BOUNDS, ...BAD_BOUNDS]) {
          for (const [from, to, field] of [
            [bad, good, "from"],
            [good, bad, GOOD_BOUNDS.includes(good) ? "to" : "from"],
          ] as const) {
            const url = `${path}?${prefix}from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
            const { status, body } = await callRoute(get, url);
            expect({ url, status, field: body.field }).toEqual({ url, status: 400, field });
            expect(body.error).toBe("invalid parameter");
            tried++;
          }
        }
      }
    }
    expect(tried).toBe(windowed.length * BAD_BOUNDS.length * (GOOD_BOUNDS.length + BAD_BOUNDS.length) * 2);
  });

  it("still compares two valid bounds", async () => {
    const [, get] = windowed[0]!;
    const { status, body } = await callRoute(get, "/api/graph?from=2010&to=2009");
    expect(status).toBe(400);
    expect(body).toMatchObject({ field: "to", expected: "a date not before from (2010)" });
  });
});

describe("parameters named like Object.prototype's members", () => {
  const NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "__defineGetter__", "prototype"];

  it("answers 400 naming the parameter on every route, like any unknown parameter", async () => {
    for (const [path, get] of all) {
      for (const name of NAMES) {
        const prefix = path === "/api/export" ? "format=csv&" : "";
        const { status, body } = await callRoute(get, `${path}?${prefix}${name}=x`);
        expect({ path, name, status, field: body.field, received: body.received }).toEqual({ path, name, status: 400, field: name, received: "x" });
      }
    }
  });

  it("does not let __proto__ stand in for a known parameter", async () => {
    const [, get] = windowed[0]!;
    const { status, body } = await callRoute(get, "/api/graph?__proto__[at]=2009");
    expect(status).toBe(400);
    expect(body.field).toBe("__proto__[at]");
  });
});
