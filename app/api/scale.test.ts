/**
 * Every route and every export over a synthetic dataset of 5,000 actors and 25,000 relationships
 * (lib/dataset/synth.ts), loaded once for the file: well past the 999 bound parameters SQLite
 * allows a Prisma query, so a query whose parameters grow with the data fails here. Counts are
 * checked against the generated dataset itself.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { overlaps, spanBounds, windowOf } from "@/lib/model/dates";
import { synthesizeDataset } from "@/lib/dataset/synth";
import type { Dataset } from "@/lib/dataset/schema";
import { replaceDataset } from "@/lib/server/store/load-dataset";
import { createPrismaClient } from "@/lib/server/store/prisma-client";
import { callRoute, freshDatabaseFile } from "@/test/setup/database";
import { importApiRoutes, type ApiRoutes } from "@/test/setup/api-routes";

const RELATIONSHIPS = 25_000;

let data: Dataset;
let routes: ApiRoutes;

beforeAll(async () => {
  data = synthesizeDataset({ relationships: RELATIONSHIPS });
  const file = freshDatabaseFile();
  const client = createPrismaClient(file);
  try {
    await replaceDataset(client, data);
  } finally {
    await client.$disconnect();
  }
  process.env.DATABASE_URL = `file:${file}`;
  routes = await importApiRoutes();
  // The import of 25,000 relationships is the loader's to make fast (issue 12 asks ≤ 5 s at 10k).
}, 300_000);

/** The actors a window draws, by the rule of /api/graph, worked out from the generated data. */
function actorsOf(relationships: Dataset["relationships"], events: Dataset["events"]) {
  const ids = new Set<string>();
  for (const r of relationships) ids.add(r.from).add(r.to);
  for (const e of events) for (const p of e.participants) ids.add(p.actor);
  return ids;
}

async function file(query: string) {
  const res = await routes.export.GET(new Request(new URL(`/api/export?${query}`, "http://localhost")), undefined as never);
  return { status: res.status, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer()) };
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe(`${RELATIONSHIPS} relationships`, () => {
  it("the dataset is past the 999-parameter ceiling in every list", () => {
    expect(data.actors.length).toBeGreaterThanOrEqual(5000);
    expect(data.relationships.length).toBe(RELATIONSHIPS);
    expect(data.events.length).toBeGreaterThan(999);
  });

  it("/api/graph answers the whole network and a year", async () => {
    const all = await callRoute(routes.graph.GET, "/api/graph");
    expect(all.status).toBe(200);
    expect(all.body.elements.edges).toHaveLength(RELATIONSHIPS);
    expect(all.body.elements.nodes).toHaveLength(actorsOf(data.relationships, data.events).size);
    expect(all.body.elements.nodes.length).toBeGreaterThan(999);
    expect(all.body.events).toHaveLength(data.events.length);

    const year = await callRoute(routes.graph.GET, "/api/graph?at=2009");
    expect(year.status).toBe(200);
    expect(year.body.elements.edges.length).toBeGreaterThan(999);
    expect(year.body.elements.edges.length).toBeLessThan(RELATIONSHIPS / 2);
    // The SQL window (index searches joined with UNION ALL) draws exactly what lib/model/dates.ts's rule says.
    const windows: Record<string, string>[] = [{ at: "2009" }, { at: "1985-06" }, { from: "2005", to: "2010" }, { to: "1990" }, { from: "2014" }];
    for (const q of windows) {
      const expected = data.relationships.filter((r) => overlaps(spanBounds(r.start, r.end), windowOf(q))).map((r) => r.id).sort();
      const answer = await callRoute(routes.graph.GET, `/api/graph?${new URLSearchParams(q)}`);
      expect(answer.body.elements.edges.map((e: { data: { id: string } }) => e.data.id).sort()).toEqual(expected);
    }
    const window = await callRoute(routes.graph.GET, "/api/graph?from=2005&to=2010");
    expect(window.status).toBe(200);
    expect(window.body.elements.edges.length).toBeGreaterThan(year.body.elements.edges.length);
  });

  it("/api/relationships, whole, in a year, filtered, and one", async () => {
    const all = await callRoute(routes.relationships.GET, "/api/relationships");
    expect(all.status).toBe(200);
    expect(all.body.relationships).toHaveLength(RELATIONSHIPS);
    const cited = all.body.relationships.reduce((n: number, r: { citations: unknown[] }) => n + r.citations.length, 0);
    expect(cited).toBe(data.relationships.reduce((n, r) => n + r.citations.length, 0));

    const year = await callRoute(routes.relationships.GET, "/api/relationships?at=2009");
    expect(year.status).toBe(200);
    const graph = await callRoute(routes.graph.GET, "/api/graph?at=2009");
    expect(year.body.relationships).toHaveLength(graph.body.elements.edges.length);

    const typed = await callRoute(routes.relationships.GET, "/api/relationships?type=support&certainty=documented");
    expect(typed.status).toBe(200);
    expect(typed.body.relationships).toHaveLength(data.relationships.filter((r) => r.type === "support" && r.certainty === "documented").length);

    const one = data.relationships[RELATIONSHIPS - 1]!;
    const single = await callRoute(routes.relationship.GET, `/api/relationships/${one.id}`, { id: one.id });
    expect(single.status).toBe(200);
    expect(single.body.relationship.citations).toHaveLength(one.citations.length);
  });

  it("/api/actors and the busiest actor, with every relationship it is party to", async () => {
    const all = await callRoute(routes.actors.GET, "/api/actors");
    expect(all.status).toBe(200);
    expect(all.body.actors).toHaveLength(data.actors.length);

    const degree = new Map<string, number>();
    for (const r of data.relationships) for (const a of new Set([r.from, r.to])) degree.set(a, (degree.get(a) ?? 0) + 1);
    const [hub, ties] = [...degree].sort((a, b) => b[1] - a[1])[0]!;
    const detail = await callRoute(routes.actor.GET, `/api/actors/${hub}`, { id: hub });
    expect(detail.status).toBe(200);
    expect(detail.body.actor.relationships).toHaveLength(ties);
    const filtered = await callRoute(routes.relationships.GET, `/api/relationships?actor=${hub}`);
    expect(filtered.body.relationships).toHaveLength(ties);
  });

  it("/api/events, /api/sources, /api/places, /api/timeline, /api/story", async () => {
    const events = await callRoute(routes.events.GET, "/api/events");
    expect(events.status).toBe(200);
    expect(events.body.events).toHaveLength(data.events.length);
    const e = data.events[0]!;
    expect((await callRoute(routes.event.GET, `/api/events/${e.id}`, { id: e.id })).status).toBe(200);

    const sources = await callRoute(routes.sources.GET, "/api/sources");
    expect(sources.status).toBe(200);
    expect(sources.body.sources).toHaveLength(data.sources.length);
    const places = await callRoute(routes.places.GET, "/api/places");
    expect(places.body.places).toHaveLength(data.places.length);
    const timeline = await callRoute(routes.timeline.GET, "/api/timeline");
    expect(timeline.status).toBe(200);
    expect(timeline.body.years.length).toBeGreaterThan(30);
    expect((await callRoute(routes.story.GET, "/api/story")).status).toBe(200);
  });

  // Six files of 25,000 relationships each: the time is the writing, linear but not nothing on a shared machine.
  it("every export of the whole store holds every relationship", { timeout: 180_000 }, async () => {
    const graphml = await file("format=graphml");
    expect(graphml.status).toBe(200);
    expect(count(graphml.text, "<edge ")).toBe(RELATIONSHIPS);
    const gexf = await file("format=gexf");
    expect(gexf.status).toBe(200);
    expect(count(gexf.text, "<edge ")).toBe(RELATIONSHIPS);
    expect(count(gexf.text, "<node ")).toBe(actorsOf(data.relationships, []).size);
    const csv = await file("format=csv");
    expect(csv.status).toBe(200);
    expect(count(csv.text, "\r\n")).toBe(RELATIONSHIPS + 1);
    const actorsCsv = await file("format=csv&table=actors");
    expect(actorsCsv.status).toBe(200);
    const json = await file("format=json");
    expect(json.status).toBe(200);
    expect(JSON.parse(json.text).elements.edges).toHaveLength(RELATIONSHIPS);
    const bundle = await file("format=bundle");
    expect(bundle.status).toBe(200);
    expect(JSON.parse(bundle.text).relationships).toHaveLength(RELATIONSHIPS);
  });

  it("every export of a year, filtered and focused, answers", { timeout: 60_000 }, async () => {
    const graph = await callRoute(routes.graph.GET, "/api/graph?at=2009");
    const year = await file("format=graphml&at=2009");
    expect(year.status).toBe(200);
    expect(count(year.text, "<edge ")).toBe(graph.body.elements.edges.length);
    const hub = graph.body.elements.nodes[0].data.id as string;
    for (const format of ["gexf", "csv", "json"]) {
      expect((await file(`format=${format}&at=2009&certainty=documented,reported&focus=${hub}`)).status).toBe(200);
    }
  });
});
