/**
 * The JSON routes against a real SQLite file loaded with the small hand-made dataset, whose answers
 * are known exactly.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiRelationship } from "@/lib/api/types";
import { callRoute, loadedDatabaseFile, MINI_DATASET } from "@/test/setup/database";
import { importApiRoutes, type ApiRoutes } from "@/test/setup/api-routes";

let routes: ApiRoutes;

beforeAll(async () => {
  process.env.DATABASE_URL = `file:${await loadedDatabaseFile(MINI_DATASET)}`;
  // Imported only now, so the process's one Prisma client opens this file.
  routes = await importApiRoutes();
});

const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();

describe("GET /api/actors", () => {
  it("lists actors with their dated names and aliases", async () => {
    const { status, body } = await callRoute(routes.actors.GET, "/api/actors");
    expect(status).toBe(200);
    expect(ids(body.actors)).toEqual(["group-x", "power-b", "service-a", "state-a"]);
    const x = body.actors.find((a: { id: string }) => a.id === "group-x");
    expect(x.names.map((n: { short: string }) => n.short)).toEqual(["GXE", "GXL", "GXT"]);
    expect(x.names[1].start).toEqual({ date: "2006-10", precision: "month", qualifier: "exact", label: "October 2006" });
    expect(body.actors.find((a: { id: string }) => a.id === "state-a").aliases).toEqual(["The A regime"]);
  });

  it("answers one actor with its relationships and events, and 404 for an unknown id", async () => {
    const { status, body } = await callRoute(routes.actor.GET, "/api/actors/state-a", { id: "state-a" });
    expect(status).toBe(200);
    expect(ids(body.actor.relationships)).toEqual(["b-cooperates-with-a", "service-part-of-state", "x-attacks-a"]);
    expect(body.actor.events).toEqual([expect.objectContaining({ id: "attack-2014", roles: ["target"] })]);
    const missing = await callRoute(routes.actor.GET, "/api/actors/nobody", { id: "nobody" });
    expect(missing).toEqual({ status: 404, body: { error: "not found", field: "id", message: 'no actor with id "nobody"' } });
  });
});

describe("GET /api/relationships", () => {
  const list = async (query: string) => {
    const { status, body } = await callRoute(routes.relationships.GET, `/api/relationships${query}`);
    expect(status).toBe(200);
    return body.relationships as ApiRelationship[];
  };

  it("filters by date with the documented overlap rule", async () => {
    expect(ids(await list("?at=2009"))).toEqual(["a-meets-x-2009", "service-part-of-state"]);
    expect(ids(await list("?at=2005-12-31"))).toEqual(["b-cooperates-with-a", "service-part-of-state"]);
    expect(ids(await list("?at=2006"))).toEqual(["service-part-of-state"]);
    expect(ids(await list("?at=2014-07"))).toEqual(["service-part-of-state"]);
    expect(ids(await list("?at=2014-08-01"))).toEqual(["service-part-of-state", "x-attacks-a"]);
    expect(ids(await list("?from=2008&to=2015"))).toEqual(["a-meets-x-2009", "service-part-of-state", "x-attacks-a"]);
  });

  it("filters by type, certainty and actor, alone and together", async () => {
    expect(ids(await list("?type=cooperation"))).toEqual(["a-meets-x-2009", "b-cooperates-with-a"]);
    expect(ids(await list("?type=cooperation,hostility&certainty=documented"))).toEqual(["x-attacks-a"]);
    expect(ids(await list("?certainty=contested&certainty=reported"))).toEqual(["a-meets-x-2009", "b-cooperates-with-a"]);
    expect(ids(await list("?actor=group-x&at=2015"))).toEqual(["x-attacks-a"]);
  });

  it("carries dates, certainty and every citation with its page", async () => {
    const [meeting] = await list("?at=2009&type=cooperation");
    expect(meeting).toMatchObject({ id: "a-meets-x-2009", dateLabel: "2009", certainty: "contested", polarity: "cooperative", events: ["meeting-2009"] });
    expect(meeting!.places.map((p) => p.id)).toEqual(["town", "port"]);
    expect(meeting!.citations.map((c) => [c.source.citedAs, c.pages])).toEqual([["Writer 2014", null], ["Author 2009", "20-21"]]);
    const [b] = await list("?type=cooperation&at=2001");
    expect(b).toMatchObject({ dateLabel: "2001 – at least 2005", end: { qualifier: "at-least", precision: "year" } });
  });

  it.each([
    ["?at=2009-13", "at", /YYYY, YYYY-MM or YYYY-MM-DD/],
    ["?at=yesterday", "at", /YYYY/],
    ["?from=2010&to=2009", "to", /not before from/],
    ["?at=2009&to=2010", "at", /either at, or from/],
    ["?type=friendship", "type", /support, cooperation/],
    ["?certainty=likely", "certainty", /documented, reported, alleged, contested/],
    ["?actor=Bad%20Id", "actor", /slug/],
    ["?actor=nobody", "actor", /id of an actor/],
    ["?date=2009", "date", /^one of this route's parameters: at, from, to, type, certainty, actor$/],
    ["?at=2009&at=2010", "at", /at most once/],
  ])("answers 400 for %s, naming %s", async (query, field, expected) => {
    const { status, body } = await callRoute(routes.relationships.GET, `/api/relationships${query}`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: "invalid parameter", field, expected: expect.stringMatching(expected) });
  });
});

describe("GET /api/relationships/{id} and /api/events/{id}", () => {
  it("answers one relationship or event with its evidence, and 404 for an unknown id", async () => {
    const r = await callRoute(routes.relationship.GET, "/api/relationships/a-meets-x-2009", { id: "a-meets-x-2009" });
    expect(r.status).toBe(200);
    expect(r.body.relationship).toMatchObject({ id: "a-meets-x-2009", certainty: "contested", from: { id: "service-a" }, to: { id: "group-x" } });
    expect(r.body.relationship.citations).toHaveLength(2);
    const e = await callRoute(routes.event.GET, "/api/events/meeting-2009", { id: "meeting-2009" });
    expect(e.body.event).toMatchObject({ id: "meeting-2009", dateLabel: "2009", relationships: ["a-meets-x-2009"] });
    expect((await callRoute(routes.relationship.GET, "/api/relationships/nope", { id: "nope" })).status).toBe(404);
    const missing = await callRoute(routes.event.GET, "/api/events/nope", { id: "nope" });
    expect(missing).toEqual({ status: 404, body: { error: "not found", field: "id", message: 'no event with id "nope"' } });
    expect((await callRoute(routes.event.GET, "/api/events/meeting-2009?at=2009", { id: "meeting-2009" })).status).toBe(400);
  });
});

describe("GET /api/events", () => {
  it("lists events in a window, with place, participants and citations", async () => {
    const all = await callRoute(routes.events.GET, "/api/events");
    expect(ids(all.body.events)).toEqual(["attack-2014", "meeting-2009"]);
    const late = await callRoute(routes.events.GET, "/api/events?from=2010&to=2014-08");
    expect(late.body.events).toEqual([
      expect.objectContaining({
        id: "attack-2014",
        dateLabel: "24 August 2014",
        place: { id: "town", name: "Town", country: "Syria", description: null },
        participants: [expect.objectContaining({ role: "perpetrator", actor: expect.objectContaining({ id: "group-x" }) }), expect.objectContaining({ role: "target" })],
      }),
    ]);
    expect((await callRoute(routes.events.GET, "/api/events?to=2014-08-23")).body.events.map((e: { id: string }) => e.id)).toEqual(["meeting-2009"]);
    expect((await callRoute(routes.events.GET, "/api/events?from=2015")).status).toBe(200);
    expect((await callRoute(routes.events.GET, "/api/events?from=2015-02-30")).body.field).toBe("from");
  });
});

describe("GET /api/sources", () => {
  it("counts the distinct relationships and events citing each source", async () => {
    const { body } = await callRoute(routes.sources.GET, "/api/sources");
    expect(body.sources.map((s: { id: string; citedBy: unknown }) => [s.id, s.citedBy])).toEqual([
      ["source-a", { relationships: 3, events: 0 }],
      ["source-b", { relationships: 2, events: 2 }],
    ]);
    expect(body.sources[1]).toMatchObject({ authors: ["Writer, Bob", "Other, Carl"], notes: ["The text cites it as Writr 2014."], outlet: "Some Review" });
  });
});

describe("GET /api/places", () => {
  it("lists places with how many events and relationships name each", async () => {
    const { status, body } = await callRoute(routes.places.GET, "/api/places");
    expect(status).toBe(200);
    expect(body.places).toEqual([
      { id: "port", name: "Port", country: "Syria", description: "A coastal city in the test data.", usedBy: { events: 0, relationships: 1 } },
      { id: "town", name: "Town", country: "Syria", description: null, usedBy: { events: 2, relationships: 1 } },
    ]);
  });
});

describe("GET /api/graph", () => {
  const graph = async (query: string) => (await callRoute(routes.graph.GET, `/api/graph${query}`)).body;

  it("answers Cytoscape elements of what is active at a date, each actor under its name then", async () => {
    const g = await graph("?at=2009");
    expect(g.window).toEqual({ at: "2009", from: null, to: null, first: "2009-01-01", last: "2009-12-31" });
    expect(g.elements.edges.map((e: { data: { id: string } }) => e.data.id).sort()).toEqual(["a-meets-x-2009", "service-part-of-state"]);
    expect(g.elements.nodes.find((n: { data: { id: string } }) => n.data.id === "group-x").data).toMatchObject({ label: "GXL", name: "Group X Later" });
    expect(g.elements.edges.find((e: { data: { id: string } }) => e.data.id === "a-meets-x-2009").data).toMatchObject({
      source: "service-a",
      target: "group-x",
      certainty: "contested",
      polarity: "cooperative",
      structural: false,
      citations: 2,
    });
    expect(g.events.map((e: { id: string }) => e.id)).toEqual(["meeting-2009"]);
  });

  it("renames and drops actors as the date moves", async () => {
    const label = (g: { elements: { nodes: { data: { id: string; label: string } }[] } }) => g.elements.nodes.find((n) => n.data.id === "group-x")?.data.label;
    expect(label(await graph("?at=2005"))).toBeUndefined();
    expect(label(await graph("?at=2015"))).toBe("GXT");
    expect((await graph("?at=2003")).elements.nodes.map((n: { data: { id: string } }) => n.data.id).sort()).toEqual(["power-b", "service-a", "state-a"]);
  });

  it("takes a window and rejects bad dates", async () => {
    expect((await graph("?from=2009&to=2014-08")).elements.edges).toHaveLength(3);
    const bad = await callRoute(routes.graph.GET, "/api/graph?at=2009-02-29");
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe("at");
  });
});

describe("GET /api/timeline", () => {
  it("spans the dataset and counts per year and per month", async () => {
    const { status, body } = await callRoute(routes.timeline.GET, "/api/timeline");
    expect(status).toBe(200);
    expect(body.first).toBe("2001-01-01");
    expect(body.last).toBe("2014-08-31");
    expect(body.years).toHaveLength(14);
    expect(body.years.find((y: { year: string }) => y.year === "2009")).toEqual({ year: "2009", relationshipStarts: 1, relationshipEnds: 1, events: 1 });
    expect(body.months).toEqual([{ month: "2014-08", relationshipStarts: 1, relationshipEnds: 0, events: 1 }]);
    expect(await callRoute(routes.timeline.GET, "/api/timeline?x=1")).toEqual({
      status: 400,
      body: { error: "invalid parameter", field: "x", expected: "no parameters: this route takes none", received: "1" },
    });
  });
});

describe("GET /api/story", () => {
  it("answers the steps in reading order, highlighting the ends of their relationships, with citations", async () => {
    const { status, body } = await callRoute(routes.story.GET, "/api/story");
    expect(status).toBe(200);
    expect(body.steps.map((s: { id: string; number: number }) => `${s.number}:${s.id}`)).toEqual(["1:first-ties", "2:meeting-and-break"]);
    const [first, second] = body.steps;
    expect(first).toMatchObject({ date: "2003", from: null, dateLabel: "2003", relationships: ["b-cooperates-with-a"], dataNote: null });
    expect(first.actors).toEqual(["power-b", "state-a"]);
    expect(second).toMatchObject({ date: "2014", from: "2009", dateLabel: "2009 to 2014" });
    // The step's own actor first, then each relationship's ends, without repeats.
    expect(second.actors).toEqual(["group-x", "service-a", "state-a"]);
    expect(second.dataNote).toMatch(/by August 2014/);
    expect(second.citations.map((c: { source: { id: string }; pages: string | null }) => [c.source.id, c.pages])).toEqual([
      ["source-b", null],
      ["source-a", "7-8"],
    ]);
  });

  it("refuses parameters it does not take", async () => {
    const { status, body } = await callRoute(routes.story.GET, "/api/story?step=1");
    expect(status).toBe(400);
    expect(body.field).toBe("step");
  });
});
