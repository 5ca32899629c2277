import { describe, expect, it } from "vitest";
import type { RelationshipType } from "../../model/vocabulary";
import { cooperativeChains } from "./cooperative-chains";
import type { AnalysisEdge } from "./types";

const e = (id: string, source: string, target: string, type: RelationshipType, polarity: AnalysisEdge["polarity"]): AnalysisEdge => ({ id, source, target, type, polarity, certainty: "documented" });

// Bashar leads the government; its intelligence services (part of it) met ISI; Iran backs the government.
const graph = {
  nodes: ["bashar", "government", "intelligence", "isi", "iran", "us"],
  edges: [
    e("bashar-leads", "bashar", "government", "leadership", "neutral"),
    e("intelligence-part-of", "intelligence", "government", "part-of", "neutral"),
    e("meet-isi", "intelligence", "isi", "cooperation", "cooperative"),
    e("iran-backs", "iran", "government", "support", "cooperative"),
    e("us-fights", "us", "isi", "hostility", "hostile"),
  ],
};

describe("cooperativeChains", () => {
  it("uses cooperative ties alone when they link the two", () => {
    const c = cooperativeChains(graph, "intelligence", "isi", false);
    expect(c.throughBelonging).toBe(false);
    expect(c.result.hops).toBe(1);
    expect(c.belongingLeftOut).toBe(2);
  });

  it("goes through leadership and membership when cooperative ties alone find nothing, and says so", () => {
    const c = cooperativeChains(graph, "bashar", "isi", false);
    expect(c.throughBelonging).toBe(true);
    expect(c.result.paths.map((p) => p.actors)).toEqual([["bashar", "government", "intelligence", "isi"]]);
  });

  it("never follows a hostile tie", () => {
    const c = cooperativeChains(graph, "us", "bashar", false);
    expect(c.result.hops).toBeNull();
    expect(c.throughBelonging).toBe(false);
  });
});
