import { describe, expect, it } from "vitest";
import type { GraphEdge, GraphNode } from "../api/types";
import { DEFAULT_VIEW } from "../view/state";
import { changeCount, stepChanges, stepLine } from "./step-changes";
import { computeGraphView } from "./view";

const node = (id: string): GraphNode => ({ data: { id, label: id, name: id, short: null, kind: "government" } });
const edge = (id: string, source: string, target: string): GraphEdge => ({
  data: { id, source, target, type: "support", polarity: "cooperative", certainty: "documented", structural: false, label: "Support", dateLabel: "", first: null, last: null, citations: 1 },
});

const before = { nodes: [node("a"), node("b"), node("c")], edges: [edge("kept", "a", "b"), edge("gone", "b", "c")] };
const after = { nodes: [node("a"), node("b"), node("d")], edges: [edge("kept", "a", "b"), edge("new", "a", "d")] };

const viewOf = (stepBefore: { nodes: GraphNode[]; edges: GraphEdge[] } | null) =>
  computeGraphView({ current: { elements: after }, state: DEFAULT_VIEW, endedBefore: "2011-01-01", stepBefore: stepBefore && { elements: stepBefore } });

describe("a step's marks", () => {
  it("marks what appeared and draws what ended as a ghost, outside what the view shows", () => {
    const view = viewOf(before);
    expect(view.shownEdges).toEqual(["kept", "new"]);
    expect(view.shownNodes).toEqual(["a", "b", "d"]);
    expect(view.edges.get("new")!.classes).toContain("added");
    expect(view.edges.get("gone")!.classes).toEqual(["removed", "ghost"]);
    expect(view.nodes.get("c")!.classes).toEqual(["removed", "ghost"]);
    expect(view.nodes.get("d")!.classes).toContain("added");
    expect(view.edges.get("kept")!.classes).toEqual([]);
    expect(view.diff).toBeNull();
  });

  it("counts and words the change", () => {
    const c = stepChanges(viewOf(before).stepDiff!, "2010");
    expect(c).toEqual({ since: "2010", began: ["new"], ended: ["gone"] });
    expect(changeCount(c, "2010")).toBe("+1 / −1 since 2010");
    expect(stepLine("2011", [{ title: "General amnesty" }], { ...c, began: ["x", "y", "z", "w"], ended: ["u", "v"] })).toBe(
      "2011: General amnesty; 4 ties began, 2 ended",
    );
    expect(stepLine("1990", [], { since: "1989", began: [], ended: [] })).toBe("1990: no tie began or ended");
    expect(stepLine("1991", [], { since: "1990", began: ["x"], ended: [] })).toBe("1991: 1 tie began");
  });

  it("draws nothing more without a previous step", () => {
    const view = viewOf(null);
    expect([...view.edges.keys()]).toEqual(["kept", "new"]);
    expect(view.stepDiff).toBeNull();
  });
});
