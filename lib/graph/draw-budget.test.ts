import { describe, expect, it } from "vitest";
import { DRAW_BUDGET, SAMPLE_PX_PER_ELEMENT, budgetStatus, planDrawing, sampleSize } from "./draw-budget";
import type { EdgeView, GraphView, NodeView } from "./view";

const node = (id: string, x: number, y: number, classes: NodeView["classes"] = []): [string, NodeView] => [
  id,
  { classes, label: id, data: { id, label: id, name: id, short: null, kind: "person" }, position: { x, y } },
];
const edge = (id: string, source: string, target: string, classes: EdgeView["classes"] = []): [string, EdgeView] => [
  id,
  { classes, data: { id, source, target } as EdgeView["data"] },
];
type Drawable = Pick<GraphView, "nodes" | "edges" | "diff">;
const view = (nodes: [string, NodeView][], edges: [string, EdgeView][], diff: GraphView["diff"] = null): Drawable => ({ nodes: new Map(nodes), edges: new Map(edges), diff });
const sorted = (s: ReadonlySet<string>) => [...s].sort();

// A hub `h` with three spokes, a pair p-q, and a loner far away at x = 1000.
const star = () =>
  view(
    [node("h", 0, 0), node("a", 10, 0), node("b", 0, 10), node("c", -10, 0), node("p", 20, 20), node("q", 25, 20), node("far", 1000, 0)],
    [edge("e1", "h", "a"), edge("e2", "h", "b"), edge("e3", "h", "c"), edge("e4", "p", "q"), edge("e5", "a", "b")],
  );
const box = { x1: -50, y1: -50, x2: 50, y2: 50 };

describe("planDrawing", () => {
  it("draws a view within the budget whole, and says nothing", () => {
    const plan = planDrawing(star(), box, 12);
    expect(plan.complete).toBe(true);
    expect(sorted(plan.nodes)).toEqual(["a", "b", "c", "far", "h", "p", "q"]);
    expect(plan.edges.size).toBe(5);
    expect(budgetStatus(plan)).toBeNull();
  });

  it("beyond the budget draws the most connected actors in the viewport, ties broken by id, and the ties between them", () => {
    // Degrees: h 3, a 2, b 2, c 1, p 1, q 1, far 0. Budget 6: h (1), a (+1 node +1 tie), b (+1 node +2 ties) = 6.
    const plan = planDrawing(star(), box, 6);
    expect(plan.complete).toBe(false);
    expect(sorted(plan.nodes)).toEqual(["a", "b", "h"]);
    expect(sorted(plan.edges)).toEqual(["e1", "e2", "e5"]);
    expect(plan.actors).toEqual({ drawn: 3, total: 7 });
    expect(plan.ties).toEqual({ drawn: 3, total: 5 });
    expect(budgetStatus(plan)).toBe("Drawing the 3 most connected of 7 actors and 3 of 5 ties here — zoom in or focus an actor to see the rest");
    // The same view and viewport give the same drawing.
    expect(sorted(planDrawing(star(), box, 6).nodes)).toEqual(sorted(plan.nodes));
  });

  it("beyond the budget draws a sample of the size asked for, whole views whatever it is", () => {
    // Budget 6 with a sample of 3: h (1), a (+1 node +1 tie) = 3.
    const plan = planDrawing(star(), box, 6, { sample: 3 });
    expect(sorted(plan.nodes)).toEqual(["a", "h"]);
    expect(sorted(plan.edges)).toEqual(["e1"]);
    // A sample above the budget is the budget.
    expect(sorted(planDrawing(star(), box, 6, { sample: 100 }).nodes)).toEqual(["a", "b", "h"]);
    // Within the budget the view is whole, the sample notwithstanding.
    expect(planDrawing(star(), box, 12, { sample: 3 }).complete).toBe(true);
  });

  it("leaves out what is outside the viewport and its margin, and draws it when the viewport reaches it", () => {
    const near = planDrawing(star(), box, 11);
    expect(near.nodes.has("far")).toBe(false);
    const there = planDrawing(star(), { x1: 950, y1: -50, x2: 1050, y2: 50 }, 11);
    expect(sorted(there.nodes)).toEqual(["far"]);
    // Zoomed in on the pair: both, and their tie, though they are the least connected.
    const pair = planDrawing(star(), { x1: 18, y1: 18, x2: 27, y2: 22 }, 3, { margin: 0 });
    expect(sorted(pair.nodes)).toEqual(["p", "q"]);
    expect(sorted(pair.edges)).toEqual(["e4"]);
  });

  it("always draws the selection with what it lights up, the focus and what is brought forward, even off-screen", () => {
    const v = star();
    v.nodes.set("far", { ...v.nodes.get("far")!, classes: ["chosen"] });
    expect(planDrawing(v, box, 1).nodes.has("far")).toBe(true);
    expect(planDrawing(star(), box, 1, { focus: "q" }).nodes.has("q")).toBe(true);
    // A chosen tie: it and its two ends, whatever the budget; the faded rest competes for what is left.
    const lit = star();
    for (const [id, n] of lit.nodes) if (id !== "p" && id !== "q") n.classes = ["faded"];
    for (const [id, e] of lit.edges) e.classes = id === "e4" ? ["chosen"] : ["faded"];
    const plan = planDrawing(lit, box, 1);
    expect(sorted(plan.nodes)).toEqual(["p", "q"]);
    expect(sorted(plan.edges)).toEqual(["e4"]);
    const highlighted = star();
    highlighted.edges.set("e3", { ...highlighted.edges.get("e3")!, classes: ["highlighted"] });
    expect(sorted(planDrawing(highlighted, box, 1).edges)).toEqual(["e3"]);
  });

  it("keeps a comparison's marks, but a step's marks follow the rule: a ghost only between drawn ends", () => {
    const marked = () => {
      const v = star();
      v.edges.set("e4", { ...v.edges.get("e4")!, classes: ["removed"] });
      return v;
    };
    const compared = planDrawing({ ...marked(), diff: { marks: new Map() } as unknown as GraphView["diff"] }, box, 1);
    expect(sorted(compared.edges)).toEqual(["e4"]);
    expect(planDrawing(marked(), box, 1).edges.has("e4")).toBe(false);

    const stepped = view(
      [node("h", 0, 0), node("a", 10, 0), node("b", 0, 10), node("g", 5, 5, ["ghost"])],
      [edge("e1", "h", "a"), edge("e2", "h", "b"), edge("gone", "a", "b", ["ghost", "removed"]), edge("gone2", "g", "h", ["ghost", "removed"])],
    );
    const plan = planDrawing(stepped, box, 6);
    // h, then a (tie e1), then b (ties e2 and the ghost a-b): 6; the ghost actor g does not fit.
    expect(sorted(plan.nodes)).toEqual(["a", "b", "h"]);
    expect(sorted(plan.edges)).toEqual(["e1", "e2", "gone"]);
    // Ghosts are marks, not counted as the view's actors or ties.
    expect(plan.actors).toEqual({ drawn: 3, total: 3 });
    expect(plan.ties).toEqual({ drawn: 2, total: 2 });
  });
});

describe("sampleSize", () => {
  it("gives one element per SAMPLE_PX_PER_ELEMENT square pixels of canvas, up to the budget", () => {
    // The benchmark's canvas (1280 × 800 window): 696 × 490 px.
    expect(sampleSize(DRAW_BUDGET, 696, 490)).toBe(Math.floor((696 * 490) / SAMPLE_PX_PER_ELEMENT));
    expect(sampleSize(DRAW_BUDGET, 696, 490)).toBe(1515);
    // A large screen: the budget.
    expect(sampleSize(DRAW_BUDGET, 1800, 1000)).toBe(DRAW_BUDGET);
    // A budget chosen smaller (a test's, the benchmark's --budget) rules.
    expect(sampleSize(12, 696, 490)).toBe(12);
    // A tiny canvas draws at least one; one not laid out yet, the budget until it is.
    expect(sampleSize(DRAW_BUDGET, 10, 10)).toBe(1);
    expect(sampleSize(DRAW_BUDGET, 0, 0)).toBe(DRAW_BUDGET);
  });
});
