/**
 * /api/export over the real seed dataset: every relationship of the article reaches GraphML and
 * GEXF with its citations and dates, and the views the explorer shows export what it draws.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/server/store/prisma-client";
import { loadedDatabaseFile, SEED_DATASET } from "@/test/setup/database";
import { readGEXF, readGraphML } from "@/test/setup/python";

let GET: typeof import("./export/route").GET;
let file: string;

beforeAll(async () => {
  file = await loadedDatabaseFile(SEED_DATASET);
  process.env.DATABASE_URL = `file:${file}`;
  ({ GET } = await import("./export/route"));
});

const fetchText = async (query: string) => (await GET(new Request(new URL(`/api/export?${query}`, "http://localhost")), undefined as never)).text();

describe("the seed dataset", () => {
  it("reaches GEXF whole: every relationship with its spell and citations, every actor", async () => {
    const client = createPrismaClient(file);
    const [relationships, actors] = await Promise.all([
      client.relationship.findMany({ select: { id: true, spanStart: true, spanEnd: true, _count: { select: { citations: true } } } }),
      client.actor.count(),
    ]);
    await client.$disconnect();
    const g = readGEXF(await fetchText("format=gexf"));
    expect(g.edges).toHaveLength(relationships.length);
    expect(g.nodes).toHaveLength(actors);
    for (const r of relationships) {
      const e = g.edges.find((x) => x.id === r.id)!;
      expect([e.start ?? null, e.end ?? null], r.id).toEqual([r.spanStart, r.spanEnd]);
      expect(e.citation_count).toBe(r._count.citations);
      expect(r._count.citations).toBeGreaterThan(0);
    }
    // The jihadist lineage keeps one node whose name changes: AQI, ISI, ISIS, IS.
    const names = (g.nodes.find((n) => n.id === "islamic-state")!.name as string[][]).map((n) => n[0]);
    expect(names).toEqual(expect.arrayContaining(["AQI", "ISI", "ISIS", "IS"]));
  });

  it("exports 2009 to GraphML with the actors and relationships /api/graph has for 2009", async () => {
    const { GET: graph } = await import("./graph/route");
    const expected = await (await graph(new Request("http://localhost/api/graph?at=2009"), undefined as never)).json();
    const g = readGraphML(await fetchText("format=graphml&at=2009"));
    expect(g.edges.map((e) => e.id).sort()).toEqual(expected.elements.edges.map((e: { data: { id: string } }) => e.data.id).sort());
    expect(g.nodes.map((n) => n.id).sort()).toEqual(expected.elements.nodes.map((n: { data: { id: string } }) => n.data.id).sort());
    expect(g.nodes.find((n) => n.id === "islamic-state")!.label).toBe("ISI");
  });
});
