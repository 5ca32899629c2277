/**
 * /api/graph?possibly=1 against a real SQLite file with the small dataset, in which
 * b-cooperates-with-a ends "at least 2005".
 */
import { beforeAll, describe, expect, it } from "vitest";
import { callRoute, loadedDatabaseFile, MINI_DATASET } from "@/test/setup/database";
import { importApiRoutes, type ApiRoutes } from "@/test/setup/api-routes";

let routes: ApiRoutes;

beforeAll(async () => {
  process.env.DATABASE_URL = `file:${await loadedDatabaseFile(MINI_DATASET)}`;
  routes = await importApiRoutes();
});

type Graph = { elements: { nodes: { data: { id: string } }[]; edges: { data: { id: string; possibly?: boolean } }[] } };
const graph = async (query: string) => (await callRoute(routes.graph.GET, `/api/graph${query}`)).body as Graph;
const edge = (g: Graph, id: string) => g.elements.edges.find((e) => e.data.id === id);

describe("GET /api/graph?possibly=1", () => {
  it("adds a tie after its 'at least' end, marked, with its ends; not before its start; not unasked", async () => {
    expect(edge(await graph("?at=2010"), "b-cooperates-with-a")).toBeUndefined();
    const later = await graph("?at=2010&possibly=1");
    expect(edge(later, "b-cooperates-with-a")?.data.possibly).toBe(true);
    expect(later.elements.nodes.map((n) => n.data.id)).toEqual(expect.arrayContaining(["power-b", "state-a"]));
    // Attested in 2003: there as it is, unmarked.
    expect(edge(await graph("?at=2003&possibly=1"), "b-cooperates-with-a")?.data.possibly).toBeUndefined();
    // Before it began it is not "still" holding.
    expect(edge(await graph("?at=2000&possibly=1"), "b-cooperates-with-a")).toBeUndefined();
    // A window that reaches past the end holds it anyway; the whole dataset has nothing after it.
    expect(edge(await graph("?from=2004&to=2010&possibly=1"), "b-cooperates-with-a")?.data.possibly).toBeUndefined();
    expect(edge(await graph("?possibly=1"), "b-cooperates-with-a")?.data.possibly).toBeUndefined();
  });

  it("refuses a bad value, naming the parameter", async () => {
    const bad = await callRoute(routes.graph.GET, "/api/graph?at=2010&possibly=yes");
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe("possibly");
  });
});
