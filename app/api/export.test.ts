/**
 * GET /api/export against a real SQLite file, each format read back by a reader nobody here wrote
 * (networkx, Python's csv module, Cytoscape.js) and checked against the store's own rows.
 */
import cytoscape from "cytoscape";
import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/server/store/prisma-client";
import { loadedDatabaseFile, MINI_DATASET } from "@/test/setup/database";
import { readCsv, readGEXF, readGraphML, runPython, type PyGraph } from "@/test/setup/python";

let GET: typeof import("./export/route").GET;
let file: string;

beforeAll(async () => {
  file = await loadedDatabaseFile(MINI_DATASET);
  process.env.DATABASE_URL = `file:${file}`;
  ({ GET } = await import("./export/route"));
});

async function fetchExport(query: string) {
  const response = await GET(new Request(new URL(`/api/export?${query}`, "http://localhost")), undefined as never);
  // Decoded by hand: Response.text() would drop the CSV's byte-order mark, which the test checks.
  return { status: response.status, headers: response.headers, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer()) };
}

async function storeRelationships(ids?: string[]) {
  const client = createPrismaClient(file);
  try {
    return await client.relationship.findMany({
      where: ids ? { id: { in: ids } } : {},
      include: { citations: { include: { source: true }, orderBy: { position: "asc" } } },
      orderBy: { id: "asc" },
    });
  } finally {
    await client.$disconnect();
  }
}

const edgeIds = (g: PyGraph) => g.edges.map((e) => e.id).sort();
const nodeIds = (g: PyGraph) => g.nodes.map((n) => n.id).sort();

describe("GraphML", () => {
  it("holds the window's actors and relationships with their evidence, as networkx reads it", async () => {
    const res = await fetchExport("format=graphml&at=2009");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/graphml+xml");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="assad-baathist-jihadist-2009.graphml"');
    const g = readGraphML(res.text);
    expect(g.directed).toBe(true);
    // 2009: the open-ended part-of, and the 2009 meeting; b-cooperates ended 2005, the attack starts 2014.
    expect(edgeIds(g)).toEqual(["a-meets-x-2009", "service-part-of-state"]);
    expect(nodeIds(g)).toEqual(["group-x", "service-a", "state-a"]);
    for (const row of await storeRelationships(edgeIds(g))) {
      const e = g.edges.find((x) => x.id === row.id)!;
      expect([e.source, e.target]).toEqual([row.fromId, row.toId]);
      expect(e).toMatchObject({ type: row.type, polarity: row.polarity, certainty: row.certainty, summary: row.summary, citation_count: row.citations.length });
      for (const c of row.citations) expect(e.citations).toContain(c.source.citedAs);
    }
    expect(g.nodes.find((n) => n.id === "group-x")!.label).toBe("GXL");
    // The mini store was loaded once: dataset version 1, read by networkx as a number.
    expect(g.graph).toMatchObject({ title: "Assad, the Baathists and the jihadists", period: "2009", explorer_query: "date=2009", dataset_version: 1 });
    expect(res.headers.get("x-dataset-version")).toBe("1");
  });

  it("applies the explorer's filters and focus", async () => {
    const hostile = readGraphML((await fetchExport("format=graphml&polarity=hostile")).text);
    expect(edgeIds(hostile)).toEqual(["x-attacks-a"]);
    const focus = readGraphML((await fetchExport("format=graphml&focus=power-b")).text);
    expect(edgeIds(focus)).toEqual(["b-cooperates-with-a"]);
    expect(nodeIds(focus)).toEqual(["power-b", "state-a"]);
    // An empty list hides every type, as unticking them all does on the page.
    const none = readGraphML((await fetchExport("format=graphml&type=")).text);
    expect(none.edges).toEqual([]);
  });
});

describe("GEXF", () => {
  it("is the whole dataset as a dynamic graph whose spells are the relationships' dates", async () => {
    const res = await fetchExport("format=gexf");
    expect(res.headers.get("content-disposition")).toContain("assad-baathist-jihadist-all-years.gexf");
    const g = readGEXF(res.text);
    expect(g.graph.mode).toBe("dynamic");
    const rows = await storeRelationships();
    expect(edgeIds(g)).toEqual(rows.map((r) => r.id));
    for (const row of rows) {
      const e = g.edges.find((x) => x.id === row.id)!;
      expect(e.start ?? null, `${row.id} start`).toBe(row.spanStart);
      expect(e.end ?? null, `${row.id} end`).toBe(row.spanEnd);
      expect(e).toMatchObject({ certainty: row.certainty, polarity: row.polarity });
    }
    // The group's names follow each other in time, so Gephi's label changes as the timeline plays.
    const names = g.nodes.find((n) => n.id === "group-x")!.name as [string, string, string][];
    expect(names.map((n) => n[0])).toEqual(["GXE", "GXL", "GXT"]);
    expect(names[1]![1]).toBe("2006-10-01");
    expect(names[2]![2]).toBe("None");
    // networkx leaves GEXF's <meta> unread; Python's own XML parser reads it.
    const keywords = runPython(
      `import json, sys, xml.etree.ElementTree as ET\nns = {"g": "http://www.gexf.net/1.2draft"}\nprint(json.dumps(ET.fromstring(sys.stdin.buffer.read()).find("g:meta/g:keywords", ns).text))`,
      res.text,
    );
    expect(keywords).toBe("dataset version 1");
  });
});

describe("CSV", () => {
  it("lists relationships with dates, certainty and citations, and actors with their names", async () => {
    const rels = readCsv((await fetchExport("format=csv&from=2001&to=2009")).text);
    expect(rels.bom).toBe(true);
    const [header, ...rows] = rels.rows;
    const col = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => r[col("id")]).sort()).toEqual(["a-meets-x-2009", "b-cooperates-with-a", "service-part-of-state"]);
    const b = rows.find((r) => r[col("id")] === "b-cooperates-with-a")!;
    expect([b[col("start")], b[col("end")], b[col("end_qualifier")], b[col("certainty")], b[col("ended")]]).toEqual(["2001", "2005", "at-least", "reported", "true"]);
    expect(b[col("citations")]).toContain("p. 20");

    const actorsRes = await fetchExport("format=csv&from=2001&to=2009&table=actors");
    const actors = readCsv(actorsRes.text);
    expect(actors.rows.slice(1).map((r) => r[0]).sort()).toEqual(["group-x", "power-b", "service-a", "state-a"]);
  });

  it("says which dataset version it holds in a header and in its file name", async () => {
    const rels = await fetchExport("format=csv&from=2001&to=2009");
    expect(rels.headers.get("x-dataset-version")).toBe("1");
    expect(rels.headers.get("content-disposition")).toBe('attachment; filename="assad-baathist-jihadist-2001-to-2009-relationships-v1.csv"');
    const actors = await fetchExport("format=csv&table=actors");
    expect(actors.headers.get("content-disposition")).toBe('attachment; filename="assad-baathist-jihadist-all-years-actors-v1.csv"');
  });
});

describe("Cytoscape JSON", () => {
  it("loads into Cytoscape.js with the same elements, positions and the explorer's styles", async () => {
    const res = await fetchExport("format=json&at=2014");
    expect(res.headers.get("content-disposition")).toContain("assad-baathist-jihadist-2014.cyjs");
    const json = JSON.parse(res.text);
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: json.elements, style: json.style, data: json.data });
    expect(cy.edges().map((e) => e.id()).sort()).toEqual(["service-part-of-state", "x-attacks-a"]);
    expect(cy.nodes().map((n) => n.id()).sort()).toEqual(["group-x", "service-a", "state-a"]);
    const attack = cy.getElementById("x-attacks-a");
    expect([attack.source().id(), attack.target().id()]).toEqual(["group-x", "state-a"]);
    expect(attack.style("line-color")).toBe("rgb(192,57,43)");
    for (const n of cy.nodes()) expect(Number.isFinite(n.position("x")) && Number.isFinite(n.position("y"))).toBe(true);
    expect(json.data.explorer_query).toBe("date=2014");
    expect(json.data.datasetVersion).toBe(1);
    expect(cy.data("datasetVersion")).toBe(1);
    cy.destroy();
  });
});

describe("bundle", () => {
  it("is the whole store, the same bytes as the command-line export", async () => {
    const res = await fetchExport("format=bundle");
    expect(res.headers.get("content-disposition")).toContain("assad-baathist-jihadist-dataset.json");
    const bundle = JSON.parse(res.text);
    expect(bundle).toMatchObject({ format: "actor-network-explorer/dataset", version: 1, meta: { datasetVersion: 1, revisions: 0 } });
    expect(res.headers.get("x-dataset-version")).toBe("1");
    expect(bundle.relationships).toHaveLength(4);
    const { exportBundle, bundleText } = await import("@/lib/server/store/dataset-bundle");
    const client = createPrismaClient(file);
    try {
      expect(res.text).toBe(bundleText(await exportBundle(client)));
    } finally {
      await client.$disconnect();
    }
  });
});

describe("after a change to the data", () => {
  it("every export carries the new version", async () => {
    const client = createPrismaClient(file);
    try {
      const { bumpDatasetVersion } = await import("@/lib/server/store/dataset-version");
      expect(await bumpDatasetVersion(client)).toBe(2);
    } finally {
      await client.$disconnect();
    }
    const csv = await fetchExport("format=csv");
    expect(csv.headers.get("x-dataset-version")).toBe("2");
    expect(csv.headers.get("content-disposition")).toContain("-relationships-v2.csv");
    expect(readGraphML((await fetchExport("format=graphml")).text).graph.dataset_version).toBe(2);
    expect(JSON.parse((await fetchExport("format=bundle")).text).meta.datasetVersion).toBe(2);
    expect(JSON.parse((await fetchExport("format=json")).text).data.datasetVersion).toBe(2);
  });
});

describe("bad requests", () => {
  it.each([
    ["", "format", "one of: graphml, gexf, json, csv, bundle"],
    ["format=xml", "format", "one of: graphml, gexf, json, csv, bundle"],
    ["format=graphml&at=2009-13", "at", "a date written YYYY, YYYY-MM or YYYY-MM-DD (for example 2009, 2009-08 or 2009-08-19)"],
    ["format=graphml&at=2009&to=2010", "at", "either at, or from and/or to, not both"],
    ["format=graphml&table=actors", "table", "table only with format=csv"],
    ["format=csv&table=events", "table", "one of: relationships, actors"],
    ["format=gexf&certainty=sure", "certainty", "a comma-separated list of: documented, reported, alleged, contested (empty for none)"],
    ["format=bundle&at=2009", "at", "nothing but format=bundle: the bundle is always the whole store"],
    ["format=json&focus=nobody", "focus", "the id of an actor (see /api/actors)"],
    ["format=json&focus=Not%20A%20Slug", "focus", "a slug: lower-case letters, digits and single hyphens (for example assad-government)"],
    ["format=json&colour=red", "colour", "one of this route's parameters: format, at, from, to, type, polarity, certainty, kind, focus, table"],
  ])("?%s answers 400 naming %s", async (query, field, expected) => {
    const res = await fetchExport(query);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ error: "invalid parameter", field, expected });
  });
});
