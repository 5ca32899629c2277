import { describe, expect, it } from "vitest";
import { actorMeasures, MEASURES, measureScale, type ActorMeasure } from "./measures";
import type { AnalysisEdge, AnalysisGraph } from "./types";
import { runPython } from "@/test/setup/python";

const rel = (id: string, source: string, target: string): AnalysisEdge => ({ id, source, target, type: "support", polarity: "cooperative", certainty: "documented" });
const chain = (ids: string[]): AnalysisGraph => ({ nodes: ids, edges: ids.slice(1).map((id, i) => rel(`r${i}`, ids[i]!, id)) });
const byId = (ms: ActorMeasure[]) => new Map(ms.map((m) => [m.id, m]));

// Both centralities use networkx's standard normalisation, with n the number of actors in the graph
// (isolated ones included): degree = partners / (n - 1); betweenness = the share of the
// (n - 1)(n - 2) / 2 pairs of other actors whose shortest chains pass through the actor, a pair with
// k equally short chains giving each chain's middle actors 1/k. So the top actor is not always 1.

describe("actorMeasures", () => {
  it("puts the centre of a star first on every measure, at 1", () => {
    // c linked to l1..l4; n = 5. Degree: c 4/4 = 1, each leaf 1/4.
    // Betweenness: the 4 leaves make 6 pairs, every one joined only through c: 6/6 = 1; leaves 0.
    // (Cytoscape's raw score for c is 12, each pair counted from both ends; 12 / (4 * 3) = 1.)
    const ms = byId(actorMeasures({ nodes: ["c", "l1", "l2", "l3", "l4"], edges: [rel("1", "c", "l1"), rel("2", "l2", "c"), rel("3", "c", "l3"), rel("4", "l4", "c")] }));
    expect(ms.get("c")).toEqual({ id: "c", partners: 4, relationships: 4, degree: 1, betweenness: 1 });
    for (const leaf of ["l1", "l2", "l3", "l4"]) expect(ms.get(leaf)).toMatchObject({ partners: 1, relationships: 1, degree: 0.25, betweenness: 0 });
  });

  it("scores the middle actors of a-b-c-d 2/3 each, as networkx does", () => {
    // n = 4. The pairs not involving b are a-c, a-d, c-d; b is on the chains a-c and a-d: 2/3.
    // Likewise c: of a-b, a-d, b-d it is on a-d and b-d: 2/3. Ends: 0.
    // Degree: ends 1/3 (one partner of 3 others), middles 2/3.
    const ms = byId(actorMeasures(chain(["a", "b", "c", "d"])));
    expect([...ms.values()].map((m) => [m.id, m.betweenness, m.degree])).toEqual([
      ["a", 0, 1 / 3],
      ["b", 2 / 3, 2 / 3],
      ["c", 2 / 3, 2 / 3],
      ["d", 0, 1 / 3],
    ]);
  });

  it("divides betweenness by the pairs of other actors, not by the top broker, on a-b-c-d-e", () => {
    // n = 5, so each actor has 4 * 3 / 2 = 6 pairs of others.
    // Through b: a-c, a-d, a-e (3/6 = 1/2); through c: a-d, a-e, b-d, b-e (4/6 = 2/3); through d: 1/2.
    // Degree: ends 1/4, the rest 2/4 = 1/2. The top broker, c, scores 2/3, not 1.
    const ms = actorMeasures(chain(["a", "b", "c", "d", "e"]));
    expect(ms.map((m) => m.betweenness)).toEqual([0, 1 / 2, 2 / 3, 1 / 2, 0]);
    expect(ms.map((m) => m.degree)).toEqual([1 / 4, 1 / 2, 1 / 2, 1 / 2, 1 / 4]);
  });

  it("splits a pair's credit between equally short chains", () => {
    // Diamond a-b-d, a-c-d with a tail d-e; n = 5, 6 pairs of others each.
    // a: half of b-c (b-a-c or b-d-c) → 0.5/6 = 1/12.
    // b: half of a-d, half of a-e → 1/6; c likewise 1/6.
    // d: all of a-e, b-e, c-e and half of b-c → 3.5/6 = 7/12. e: 0.
    // Degree (of 4 others): a, b, c 2/4 = 1/2; d 3/4; e 1/4.
    const ms = byId(actorMeasures({ nodes: ["a", "b", "c", "d", "e"], edges: [rel("1", "a", "b"), rel("2", "a", "c"), rel("3", "b", "d"), rel("4", "c", "d"), rel("5", "d", "e")] }));
    expect(ms.get("a")!.betweenness).toBeCloseTo(1 / 12, 12);
    expect(ms.get("b")!.betweenness).toBeCloseTo(1 / 6, 12);
    expect(ms.get("c")!.betweenness).toBeCloseTo(1 / 6, 12);
    expect(ms.get("d")!.betweenness).toBeCloseTo(7 / 12, 12);
    expect(ms.get("e")!.betweenness).toBe(0);
    expect([...ms.values()].map((m) => m.degree)).toEqual([1 / 2, 1 / 2, 1 / 2, 3 / 4, 1 / 4]);
  });

  it("does not count parallel relationships twice in the centralities", () => {
    // Hub h with partners x, y, z (one relationship each); p and q share five relationships. n = 6.
    // Collapsed: h has 3 partners of 5 others (3/5), p and q 1 each (1/5); counted raw, p would have 5.
    // Betweenness of h: it joins the 3 pairs among x, y, z, of its 5 * 4 / 2 = 10 pairs of others: 3/10.
    const edges = [rel("hx", "h", "x"), rel("hy", "h", "y"), rel("hz", "z", "h"), ...[1, 2, 3, 4, 5].map((i) => rel(`pq${i}`, i % 2 ? "p" : "q", i % 2 ? "q" : "p"))];
    const ms = byId(actorMeasures({ nodes: ["h", "p", "q", "x", "y", "z"], edges }));
    expect(ms.get("h")).toMatchObject({ partners: 3, relationships: 3, degree: 3 / 5, betweenness: 3 / 10 });
    expect(ms.get("p")).toMatchObject({ partners: 1, relationships: 5, degree: 1 / 5, betweenness: 0 });
  });

  it("counts isolated actors in n, and gives them, and graphs too small to score, zero rather than NaN", () => {
    // a-b-c plus solo: n = 4. b: 2 partners of 3 (2/3); of its 3 pairs of others (a-c, a-solo,
    // c-solo) only a-c runs through it: 1/3. Without solo it would be 1 and 1.
    const lone = byId(actorMeasures({ nodes: ["a", "b", "c", "solo"], edges: [rel("1", "a", "b"), rel("2", "b", "c")] }));
    expect(lone.get("solo")).toEqual({ id: "solo", partners: 0, relationships: 0, degree: 0, betweenness: 0 });
    expect(lone.get("b")).toMatchObject({ degree: 2 / 3, betweenness: 1 / 3 });
    expect(actorMeasures({ nodes: ["a", "b"], edges: [] })).toEqual([
      { id: "a", partners: 0, relationships: 0, degree: 0, betweenness: 0 },
      { id: "b", partners: 0, relationships: 0, degree: 0, betweenness: 0 },
    ]);
    // n = 2: each is tied to its 1 other (1/1), and there is no pair of others to broker (n <= 2 → 0).
    expect(actorMeasures({ nodes: ["a", "b"], edges: [rel("1", "a", "b")] })).toEqual([
      { id: "a", partners: 1, relationships: 1, degree: 1, betweenness: 0 },
      { id: "b", partners: 1, relationships: 1, degree: 1, betweenness: 0 },
    ]);
    // n = 1: no others at all (n <= 1 → degree 0), even with a loop.
    expect(actorMeasures({ nodes: ["a"], edges: [rel("1", "a", "a")] })).toEqual([{ id: "a", partners: 0, relationships: 1, degree: 0, betweenness: 0 }]);
    expect(actorMeasures({ nodes: [], edges: [] })).toEqual([]);
  });

  it("sorts by id, ignores duplicate actors and relationships to unknown actors, counts a loop once", () => {
    const ms = actorMeasures({ nodes: ["b", "a", "b"], edges: [rel("1", "a", "b"), rel("2", "b", "ghost"), rel("3", "a", "a")] });
    expect(ms.map((m) => [m.id, m.partners, m.relationships])).toEqual([
      ["a", 1, 2],
      ["b", 1, 1],
    ]);
  });

  it("copes with relationship ids that are also actor ids", () => {
    // a-b-c: b brokers the one pair of others, a-c (1/1); a and c broker nothing.
    const ms = actorMeasures({ nodes: ["a", "b", "c"], edges: [rel("b", "a", "b"), rel("a", "b", "c")] });
    expect(ms.map((m) => m.betweenness)).toEqual([0, 1, 0]);
  });
});

describe("actorMeasures against networkx", () => {
  // networkx on the same relationships as a simple undirected graph: nx.Graph merges parallel edges
  // itself; loops are dropped, since a loop makes no partner here (networkx would count it as 2 of degree).
  const NX_CENTRALITIES = `import json, sys
import networkx as nx
g = json.load(sys.stdin)
G = nx.Graph()
G.add_nodes_from(g["nodes"])
G.add_edges_from((e["source"], e["target"]) for e in g["edges"])
G.remove_edges_from(list(nx.selfloop_edges(G)))
print(json.dumps({"degree": nx.degree_centrality(G), "betweenness": nx.betweenness_centrality(G, normalized=True)}))`;

  it("matches networkx's degree_centrality and betweenness_centrality(normalized=True)", () => {
    // Eight actors: a diamond a-b-d / a-c-d (equal chains), a triangle d-e-f, a tail f-g, h isolated;
    // a-b twice (once each way) and a loop on c.
    const graph: AnalysisGraph = {
      nodes: ["a", "b", "c", "d", "e", "f", "g", "h"],
      edges: [
        rel("1", "a", "b"),
        rel("2", "b", "a"),
        rel("3", "a", "c"),
        rel("4", "b", "d"),
        rel("5", "d", "c"),
        rel("6", "d", "e"),
        rel("7", "e", "f"),
        rel("8", "f", "d"),
        rel("9", "f", "g"),
        rel("10", "c", "c"),
      ],
    };
    const nx = runPython(NX_CENTRALITIES, JSON.stringify(graph)) as Record<"degree" | "betweenness", Record<string, number>>;
    const ms = actorMeasures(graph);
    expect(ms.map((m) => m.id)).toEqual(Object.keys(nx.degree).sort());
    for (const m of ms) {
      expect(m.degree, `degree of ${m.id}`).toBeCloseTo(nx.degree[m.id]!, 12);
      expect(m.betweenness, `betweenness of ${m.id}`).toBeCloseTo(nx.betweenness[m.id]!, 12);
    }
    // Not a trivial match: someone brokers, and no one tops out at 1.
    expect(Math.max(...ms.map((m) => m.betweenness))).toBeGreaterThan(0);
    expect(Math.max(...ms.map((m) => m.betweenness))).toBeLessThan(1);
  });
});

describe("MEASURES", () => {
  it("describes every numeric measure of an actor", () => {
    const [m] = actorMeasures({ nodes: ["a"], edges: [] });
    const numeric = Object.keys(m!).filter((k) => k !== "id");
    expect(Object.keys(MEASURES).sort()).toEqual(numeric.sort());
    for (const { label, description } of Object.values(MEASURES)) expect(label && description).toBeTruthy();
  });
});

describe("measureScale", () => {
  const star = actorMeasures({ nodes: ["c", "l1", "l2", "l3", "solo"], edges: [rel("1", "c", "l1"), rel("2", "c", "l2"), rel("3", "c", "l3"), rel("4", "c", "l3")] });

  it("maps each actor to its share of the highest value", () => {
    // relationships: c 4, l1 1, l2 1, l3 2, solo 0.
    expect([...measureScale(star, "relationships")]).toEqual([
      ["c", 1],
      ["l1", 0.25],
      ["l2", 0.25],
      ["l3", 0.5],
      ["solo", 0],
    ]);
  });

  it("scales the centralities to the highest too, so the top actor is drawn full size", () => {
    // n = 5. Degree: c has 3 partners of 4 others (3/4), leaves 1/4, solo 0 → c 1, leaves 1/3.
    // Betweenness: c joins the 3 leaf pairs of its 6 pairs of others (1/2), the rest 0 → c 1.
    const degree = measureScale(star, "degree");
    expect(degree.get("c")).toBe(1);
    for (const leaf of ["l1", "l2", "l3"]) expect(degree.get(leaf)).toBeCloseTo(1 / 3, 12);
    expect(degree.get("solo")).toBe(0);
    expect([...measureScale(star, "betweenness")]).toEqual([
      ["c", 1],
      ["l1", 0],
      ["l2", 0],
      ["l3", 0],
      ["solo", 0],
    ]);
  });

  it("maps everyone to 0 when no one scores", () => {
    const flat = actorMeasures({ nodes: ["a", "b"], edges: [] });
    expect([...measureScale(flat, "degree")]).toEqual([
      ["a", 0],
      ["b", 0],
    ]);
    expect(measureScale([], "partners").size).toBe(0);
  });
});
