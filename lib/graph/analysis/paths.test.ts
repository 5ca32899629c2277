import { describe, expect, it } from "vitest";
import type { Polarity } from "../../model/vocabulary";
import { shortestPaths } from "./paths";
import type { AnalysisEdge, AnalysisGraph } from "./types";

const rel = (id: string, source: string, target: string, polarity: Polarity = "cooperative"): AnalysisEdge => ({
  id,
  source,
  target,
  type: polarity === "hostile" ? "hostility" : "support",
  polarity,
  certainty: "documented",
});
const graph = (edges: AnalysisEdge[], extra: string[] = []): AnalysisGraph => ({
  nodes: [...new Set([...extra, ...edges.flatMap((e) => [e.source, e.target])])],
  edges,
});
const ANY = { cooperativeOnly: false, directed: false };
const actorsOf = (r: ReturnType<typeof shortestPaths>) => r.paths.map((p) => p.actors);

describe("shortestPaths", () => {
  it("lists both of two equally short routes, in actor order", () => {
    // Diamond s-m-t and s-k-t: two paths of 2 hops; k sorts before m though its edges come later.
    const g = graph([rel("sm", "s", "m"), rel("mt", "m", "t"), rel("sk", "s", "k"), rel("kt", "k", "t"), rel("st-long", "s", "x"), rel("xy", "x", "y"), rel("yt", "y", "t")]);
    const r = shortestPaths(g, "s", "t", ANY);
    expect(r.hops).toBe(2);
    expect(actorsOf(r)).toEqual([
      ["s", "k", "t"],
      ["s", "m", "t"],
    ]);
    expect(r.paths[0]!.hops).toEqual([
      { from: "s", to: "k", relationships: ["sk"] },
      { from: "k", to: "t", relationships: ["kt"] },
    ]);
    expect(r.truncated).toBe(false);
    // The 3-hop detour through x and y is not shortest, so none of it is listed.
    expect(r.nodes).toEqual(["k", "m", "s", "t"]);
    expect(r.edges).toEqual(["kt", "mt", "sk", "sm"]);
  });

  it("collapses parallel relationships into one hop carrying all of them", () => {
    // a-b carried by three relationships (one pointing back), b-c by one: a single path a-b-c.
    const g = graph([rel("ab2", "a", "b"), rel("ab1", "a", "b"), rel("ba", "b", "a"), rel("bc", "b", "c")]);
    const r = shortestPaths(g, "a", "c", ANY);
    expect(actorsOf(r)).toEqual([["a", "b", "c"]]);
    expect(r.paths[0]!.hops[0]).toEqual({ from: "a", to: "b", relationships: ["ab1", "ab2", "ba"] });
    expect(r.edges).toEqual(["ab1", "ab2", "ba", "bc"]);
  });

  it("goes round a hostile bridge when only cooperative relationships count", () => {
    // a-b-c with b-c hostile (2 hops), or the cooperative detour a-d-e-c (3 hops).
    const g = graph([rel("ab", "a", "b"), rel("bc", "b", "c", "hostile"), rel("ad", "a", "d"), rel("de", "d", "e"), rel("ec", "e", "c")]);
    const all = shortestPaths(g, "a", "c", ANY);
    expect(all.hops).toBe(2);
    expect(actorsOf(all)).toEqual([["a", "b", "c"]]);
    const coop = shortestPaths(g, "a", "c", { cooperativeOnly: true, directed: false });
    expect(coop.hops).toBe(3);
    expect(actorsOf(coop)).toEqual([["a", "d", "e", "c"]]);
    expect(coop.edges).not.toContain("bc");
  });

  it("lists only the usable relationships of a hop that also has a hostile one", () => {
    const g = graph([rel("ab-h", "a", "b", "hostile"), rel("ab-c", "a", "b"), rel("ab-n", "a", "b", "neutral")]);
    expect(shortestPaths(g, "a", "b", ANY).paths[0]!.hops[0]!.relationships).toEqual(["ab-c", "ab-h", "ab-n"]);
    expect(shortestPaths(g, "a", "b", { cooperativeOnly: true, directed: false }).paths[0]!.hops[0]!.relationships).toEqual(["ab-c"]);
  });

  it("finds nothing when the only link is hostile and only cooperative ones count", () => {
    const g = graph([rel("ab", "a", "b", "hostile")]);
    const r = shortestPaths(g, "a", "b", { cooperativeOnly: true, directed: false });
    expect(r.hops).toBeNull();
    expect(r.paths).toEqual([]);
  });

  it("follows the direction of relationships only when asked to", () => {
    // x→y←z: undirected x-y-z is 2 hops; directed, y leads nowhere, so x→w→v→z (3 hops).
    const g = graph([rel("xy", "x", "y"), rel("zy", "z", "y"), rel("xw", "x", "w"), rel("wv", "w", "v"), rel("vz", "v", "z")]);
    const undirected = shortestPaths(g, "x", "z", ANY);
    expect(undirected.hops).toBe(2);
    expect(actorsOf(undirected)).toEqual([["x", "y", "z"]]);
    const directed = shortestPaths(g, "x", "z", { cooperativeOnly: false, directed: true });
    expect(directed.hops).toBe(3);
    expect(actorsOf(directed)).toEqual([["x", "w", "v", "z"]]);
    // Against the arrows z cannot reach x at all.
    expect(shortestPaths(g, "z", "x", { cooperativeOnly: false, directed: true }).hops).toBeNull();
  });

  it("counts only relationships pointing the walking way as carrying a directed hop", () => {
    const g = graph([rel("ab", "a", "b"), rel("ba", "b", "a"), rel("bc", "b", "c")]);
    expect(shortestPaths(g, "a", "c", { cooperativeOnly: false, directed: true }).paths[0]!.hops[0]!.relationships).toEqual(["ab"]);
    expect(shortestPaths(g, "a", "c", ANY).paths[0]!.hops[0]!.relationships).toEqual(["ab", "ba"]);
  });

  describe("limit", () => {
    // a → b1..b3 → c1..c3 → d, every b linked to every c: 3 × 3 = 9 shortest paths of 3 hops.
    const layers = (n: number) => {
      const bs = Array.from({ length: n }, (_, i) => `b${i + 1}`);
      const cs = Array.from({ length: n }, (_, i) => `c${i + 1}`);
      return graph([...bs.map((b) => rel(`a-${b}`, "a", b)), ...bs.flatMap((b) => cs.map((c) => rel(`${b}-${c}`, b, c))), ...cs.map((c) => rel(`${c}-d`, c, "d"))]);
    };

    it("lists all paths when there are no more than the limit", () => {
      const r = shortestPaths(layers(3), "a", "d", ANY);
      expect(r.hops).toBe(3);
      expect(r.paths).toHaveLength(9);
      expect(r.truncated).toBe(false);
      expect(shortestPaths(layers(3), "a", "d", { ...ANY, limit: 9 }).truncated).toBe(false);
    });

    it("keeps the first paths in actor order and flags the cut", () => {
      const r = shortestPaths(layers(3), "a", "d", { ...ANY, limit: 4 });
      expect(actorsOf(r)).toEqual([
        ["a", "b1", "c1", "d"],
        ["a", "b1", "c2", "d"],
        ["a", "b1", "c3", "d"],
        ["a", "b2", "c1", "d"],
      ]);
      expect(r.truncated).toBe(true);
      // The unions cover the listed paths only: b3 and b2-c2 lie on paths past the cut.
      expect(r.nodes).toEqual(["a", "b1", "b2", "c1", "c2", "c3", "d"]);
      expect(r.edges).not.toContain("a-b3");
      expect(r.edges).not.toContain("b2-c2");
    });

    it("defaults to 12 paths", () => {
      // 4 × 4 = 16 paths.
      const r = shortestPaths(layers(4), "a", "d", ANY);
      expect(r.paths).toHaveLength(12);
      expect(r.truncated).toBe(true);
    });
  });

  it("reports an unreachable actor as no path", () => {
    const g = graph([rel("ab", "a", "b"), rel("cd", "c", "d")], ["lonely"]);
    for (const to of ["c", "lonely"]) {
      expect(shortestPaths(g, "a", to, ANY)).toEqual({ from: "a", to, hops: null, paths: [], truncated: false, nodes: [], edges: [] });
    }
  });

  it("gives a zero-hop path from an actor to itself", () => {
    const g = graph([rel("ab", "a", "b"), rel("aa", "a", "a")]);
    expect(shortestPaths(g, "a", "a", ANY)).toEqual({ from: "a", to: "a", hops: 0, paths: [{ actors: ["a"], hops: [] }], truncated: false, nodes: ["a"], edges: [] });
  });

  it("does not throw on actors missing from the graph, and ignores relationships to them", () => {
    const g: AnalysisGraph = { nodes: ["a", "b"], edges: [rel("ab", "a", "b"), rel("a-ghost", "a", "ghost")] };
    expect(shortestPaths(g, "a", "ghost", ANY).hops).toBeNull();
    expect(shortestPaths(g, "ghost", "a", ANY).paths).toEqual([]);
    expect(shortestPaths(g, "ghost", "ghost", ANY).hops).toBeNull();
    expect(shortestPaths(g, "a", "b", ANY).hops).toBe(1);
  });

  it("copes with relationship ids that are also actor ids", () => {
    const g = graph([rel("b", "a", "b"), rel("a", "b", "c")]);
    const r = shortestPaths(g, "a", "c", ANY);
    expect(actorsOf(r)).toEqual([["a", "b", "c"]]);
    expect(r.edges).toEqual(["a", "b"]);
  });
});
