import { describe, expect, it } from "vitest";
import type { GraphEdge, GraphNode } from "../api/types";
import { DEFAULT_VIEW, type Selection } from "../view/state";
import { computeGraphView } from "./view";

const node = (id: string): GraphNode => ({ data: { id, label: id, name: id, short: null, kind: "government" } });
const edge = (id: string, source: string, target: string): GraphEdge => ({
  data: { id, source, target, type: "support", polarity: "cooperative", certainty: "documented", structural: false, label: "Support", dateLabel: "", first: null, last: null, citations: 1 },
});
const elements = { nodes: [node("a"), node("b"), node("c"), node("d")], edges: [edge("ab", "a", "b"), edge("cd", "c", "d"), edge("bc", "b", "c")] };
const viewWith = (selection: Selection | null) =>
  computeGraphView({ current: { elements }, state: { ...DEFAULT_VIEW, selection }, endedBefore: "2011-01-01" });
const faded = (v: ReturnType<typeof viewWith>) =>
  [...v.nodes, ...v.edges].filter(([, x]) => x.classes.includes("faded")).map(([id]) => id).sort();

describe("a choice brings its neighbourhood forward", () => {
  it("fades what is not tied to a chosen actor", () => {
    expect(faded(viewWith({ kind: "actor", id: "a" }))).toEqual(["bc", "c", "cd", "d"]);
  });
  it("fades all but a chosen relationship and its two ends", () => {
    expect(faded(viewWith({ kind: "relationship", id: "cd" }))).toEqual(["a", "ab", "b", "bc"]);
  });
  it("fades nothing without a choice, or when the choice is not drawn", () => {
    expect(faded(viewWith(null))).toEqual([]);
    expect(faded(viewWith({ kind: "actor", id: "nobody" }))).toEqual([]);
    expect(faded(viewWith({ kind: "event", id: "e" }))).toEqual([]);
  });
});
