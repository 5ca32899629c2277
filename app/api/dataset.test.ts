/**
 * The routes over the real seed (seed/data): the whole dataset loads, every link is cited, and the
 * facts the explorer is built to show come out of the routes as the article tells them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { ApiEvent, ApiGraph, ApiRelationship, ApiSource } from "@/lib/api/types";
import { callRoute, loadedDatabaseFile, SEED_DATASET } from "@/test/setup/database";

let get: {
  actors: typeof import("./actors/route").GET;
  relationships: typeof import("./relationships/route").GET;
  events: typeof import("./events/route").GET;
  sources: typeof import("./sources/route").GET;
  graph: typeof import("./graph/route").GET;
  timeline: typeof import("./timeline/route").GET;
};

beforeAll(async () => {
  process.env.DATABASE_URL = `file:${await loadedDatabaseFile(SEED_DATASET)}`;
  get = {
    actors: (await import("./actors/route")).GET,
    relationships: (await import("./relationships/route")).GET,
    events: (await import("./events/route")).GET,
    sources: (await import("./sources/route")).GET,
    graph: (await import("./graph/route")).GET,
    timeline: (await import("./timeline/route")).GET,
  };
});

const entriesIn = (file: string) => (parse(readFileSync(path.join(SEED_DATASET, file), "utf8")) as unknown[]).length;
const relationships = async (query = ""): Promise<ApiRelationship[]> => (await callRoute(get.relationships, `/api/relationships${query}`)).body.relationships;
const graphAt = async (at: string): Promise<ApiGraph> => (await callRoute(get.graph, `/api/graph?at=${at}`)).body;
const labelOf = (g: ApiGraph, id: string) => g.elements.nodes.find((n) => n.data.id === id)?.data.label;
const edgeIds = (g: ApiGraph) => g.elements.edges.map((e) => e.data.id);

describe("the seeded dataset through the routes", () => {
  it("answers every entry of the seed files", async () => {
    expect((await callRoute(get.actors, "/api/actors")).body.actors).toHaveLength(entriesIn("actors.yaml"));
    expect(await relationships()).toHaveLength(entriesIn("relationships.yaml"));
    expect((await callRoute(get.events, "/api/events")).body.events).toHaveLength(entriesIn("events.yaml"));
    expect((await callRoute(get.sources, "/api/sources")).body.sources).toHaveLength(entriesIn("sources.yaml"));
  });

  it("cites every relationship and event, and uses every source", async () => {
    expect((await relationships()).filter((r) => r.citations.length === 0)).toEqual([]);
    const events: ApiEvent[] = (await callRoute(get.events, "/api/events")).body.events;
    expect(events.filter((e) => e.citations.length === 0)).toEqual([]);
    const sources: ApiSource[] = (await callRoute(get.sources, "/api/sources")).body.sources;
    expect(sources.filter((s) => s.citedBy.relationships + s.citedBy.events === 0).map((s) => s.id)).toEqual([]);
  });

  it("gives the pages the article gives: Felter and Fishman, pp. 20 and 21", async () => {
    const events: ApiEvent[] = (await callRoute(get.events, "/api/events")).body.events;
    const pages = [...(await relationships()), ...events]
      .flatMap((r) => r.citations)
      .filter((c) => c.source.id === "felter-fishman-2007")
      .map((c) => c.pages);
    expect(new Set(pages)).toEqual(new Set(["20", "21"]));
  });

  it("records the article's slips in citing its sources", async () => {
    const sources: ApiSource[] = (await callRoute(get.sources, "/api/sources")).body.sources;
    const byId = new Map(sources.map((s) => [s.id, s]));
    expect(byId.get("moubayed-2006")?.notes.join(" ")).toMatch(/Mouyabed/);
    expect(byId.get("ricks-2004")).toMatchObject({ date: "2004" });
    expect(byId.get("ricks-2004")?.notes.join(" ")).toMatch(/no date/i);
  });

  it("marks the link between al-Qaqa and Syrian intelligence as contested", async () => {
    const links = await relationships("?actor=abu-al-qaqa&certainty=contested");
    expect(links.map((r) => [r.from.id, r.to.id])).toEqual([["syrian-intelligence", "abu-al-qaqa"]]);
  });

  it("names the jihadist lineage as of each date", async () => {
    expect(labelOf(await graphAt("2005"), "islamic-state")).toBe("AQI");
    expect(labelOf(await graphAt("2009"), "islamic-state")).toBe("ISI");
    expect(labelOf(await graphAt("2014-01"), "islamic-state")).toBe("ISIS");
    expect(labelOf(await graphAt("2015"), "islamic-state")).toBe("IS");
  });

  it("shows the US transfers of suspects to Syria through 2005 and not after", async () => {
    const [partnership] = await relationships("?actor=united-states&type=cooperation&at=2005");
    expect(partnership).toMatchObject({ from: { id: "united-states" }, to: { id: "assad-government" }, end: { date: "2005", qualifier: "at-least" } });
    expect(edgeIds(await graphAt("2006"))).not.toContain(partnership!.id);
  });

  it("draws the 2009 Zabadani contacts only in 2009, and the oil trade in 2015", async () => {
    const meeting = (await relationships("?at=2009&actor=islamic-state&type=cooperation")).find((r) => r.from.id === "syrian-intelligence");
    expect(meeting?.certainty).toBe("documented");
    expect(edgeIds(await graphAt("2009"))).toContain(meeting!.id);
    expect(edgeIds(await graphAt("2008"))).not.toContain(meeting!.id);
    expect(edgeIds(await graphAt("2010"))).not.toContain(meeting!.id);
    const trade = await relationships("?type=trade&at=2015");
    expect(trade.map((r) => [r.from.id, r.to.id])).toEqual([["assad-government", "islamic-state"]]);
  });

  it("dates the events the article dates", async () => {
    const events: ApiEvent[] = (await callRoute(get.events, "/api/events")).body.events;
    const when = (pattern: RegExp) => events.filter((e) => pattern.test(e.title)).map((e) => e.start.date);
    expect(when(/Hama/)).toEqual(["1982"]);
    expect(when(/Zabadani/).sort()).toEqual(["2007", "2009"]);
    expect(when(/Baghdad bombings/)).toEqual(["2009-08-19"]);
    expect(when(/amnesty/i)).toEqual(["2011"]);
    expect(when(/Tabaqa/)).toEqual(["2014"]);
    expect(events.find((e) => /al-Qaqa/.test(e.title) && e.kind === "death")?.start.date).toBe("2007");
  });

  it("answers the graph and the timeline for every year of the slider", async () => {
    const timeline = (await callRoute(get.timeline, "/api/timeline")).body;
    expect(timeline.first.slice(0, 4)).toBe("1979");
    expect(timeline.last.slice(0, 4)).toBe("2015");
    for (const { year } of timeline.years) {
      const g = await graphAt(year);
      const nodes = new Set(g.elements.nodes.map((n) => n.data.id));
      // Every edge's ends are drawn.
      expect(g.elements.edges.filter((e) => !nodes.has(e.data.source) || !nodes.has(e.data.target))).toEqual([]);
    }
  });
});
