import { describe, expect, it } from "vitest";
import type { GraphEdge } from "../../api/types";
import type { Certainty, Polarity, RelationshipType } from "../../model/vocabulary";
import { diffGraphs, nodeMarks } from "./compare";
import type { AnalysisEdge } from "./types";

const rel = (id: string, source: string, target: string, o: { type?: RelationshipType; polarity?: Polarity; certainty?: Certainty } = {}): AnalysisEdge => ({
  id,
  source,
  target,
  type: o.type ?? "support",
  polarity: o.polarity ?? "cooperative",
  certainty: o.certainty ?? "documented",
});

describe("diffGraphs", () => {
  it("sorts relationships on untouched pairs into kept, added and removed", () => {
    // a-b kept; c-d only before (removed); e-f only after (added).
    const d = diffGraphs([rel("r2", "c", "d"), rel("r1", "a", "b")], [rel("r1", "a", "b"), rel("r3", "e", "f")]);
    expect(d.kept).toEqual(["r1"]);
    expect(d.removed).toEqual(["r2"]);
    expect(d.added).toEqual(["r3"]);
    expect(d.changed).toEqual([]);
    expect([...d.marks]).toEqual([
      ["r1", "kept"],
      ["r2", "removed"],
      ["r3", "added"],
    ]);
  });

  it("reads one relationship ending and another starting between the same actors as a change", () => {
    // Support a→b "reported" at A becomes "documented" at B: in our data that is a new relationship r2.
    const old = rel("r1", "b", "a", { certainty: "reported" });
    const now = rel("r2", "a", "b", { certainty: "documented" });
    const d = diffGraphs([old], [now]);
    expect(d.changed).toEqual([{ pair: ["a", "b"], before: [old], after: [now] }]);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.marks.get("r1")).toBe("changed-before");
    expect(d.marks.get("r2")).toBe("changed-after");
  });

  it("keeps the untouched relationships of a changed pair out of the change", () => {
    // a-b: r1 stays throughout; r2 (support) gives way to r3 (cooperation) and r4 (trade).
    const r1 = rel("r1", "a", "b", { type: "trade" });
    const r2 = rel("r2", "a", "b");
    const r3 = rel("r3", "b", "a", { type: "cooperation" });
    const r4 = rel("r4", "a", "b", { type: "trade", certainty: "alleged" });
    const d = diffGraphs([r1, r2], [r4, r3, r1]);
    expect(d.kept).toEqual(["r1"]);
    expect(d.changed).toEqual([{ pair: ["a", "b"], before: [r2], after: [r3, r4] }]);
    expect(d.marks.get("r1")).toBe("kept");
  });

  it("treats a pair that only lost or only gained relationships as removed or added, not changed", () => {
    // a-b loses both of its relationships, c-d gains one, e-f changes.
    const d = diffGraphs(
      [rel("ab1", "a", "b"), rel("ab2", "b", "a", { polarity: "hostile", type: "hostility" }), rel("ef1", "e", "f")],
      [rel("cd1", "c", "d"), rel("ef2", "f", "e", { certainty: "contested" })],
    );
    expect(d.removed).toEqual(["ab1", "ab2"]);
    expect(d.added).toEqual(["cd1"]);
    expect(d.changed.map((c) => c.pair)).toEqual([["e", "f"]]);
  });

  it("counts a relationship whose id persists but whose attributes differ as changed, marked as the later version", () => {
    // Comparing against a saved file: same id, new certainty; same id, new polarity.
    const old1 = rel("r1", "a", "b", { certainty: "alleged" });
    const new1 = rel("r1", "a", "b", { certainty: "documented" });
    const old2 = rel("r2", "c", "d", { type: "co-optation", polarity: "neutral" });
    const new2 = rel("r2", "c", "d", { type: "co-optation", polarity: "hostile" });
    const d = diffGraphs([old1, old2], [new2, new1]);
    expect(d.changed).toEqual([
      { pair: ["a", "b"], before: [old1], after: [new1] },
      { pair: ["c", "d"], before: [old2], after: [new2] },
    ]);
    expect(d.kept).toEqual([]);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect([...d.marks]).toEqual([
      ["r1", "changed-after"],
      ["r2", "changed-after"],
    ]);
  });

  it("counts a reversed direction under the same id as a change", () => {
    const d = diffGraphs([rel("r1", "a", "b")], [rel("r1", "b", "a")]);
    expect(d.kept).toEqual([]);
    expect(d.changed).toHaveLength(1);
  });

  it("folds the other ended relationships of a pair into its same-id change", () => {
    // a-b: r1 changes certainty under its id while r2 simply ends; the pair is one change.
    const old1 = rel("r1", "a", "b", { certainty: "alleged" });
    const new1 = rel("r1", "a", "b", { certainty: "reported" });
    const r2 = rel("r2", "a", "b", { type: "trade" });
    const d = diffGraphs([r2, old1], [new1]);
    expect(d.changed).toEqual([{ pair: ["a", "b"], before: [old1, r2], after: [new1] }]);
    expect(d.removed).toEqual([]);
    expect(d.marks.get("r1")).toBe("changed-after");
    expect(d.marks.get("r2")).toBe("changed-before");
  });

  it("sorts changes by pair and lists by id, whatever the input order", () => {
    const d = diffGraphs(
      [rel("z1", "y", "x"), rel("m1", "b", "a"), rel("k1", "b", "c"), rel("g", "p", "q"), rel("f", "p", "r")],
      [rel("z2", "x", "y", { certainty: "alleged" }), rel("m2", "a", "b", { certainty: "alleged" }), rel("k2", "c", "b", { certainty: "alleged" }), rel("d", "s", "t"), rel("c", "s", "u")],
    );
    expect(d.changed.map((c) => c.pair)).toEqual([
      ["a", "b"],
      ["b", "c"],
      ["x", "y"],
    ]);
    expect(d.removed).toEqual(["f", "g"]);
    expect(d.added).toEqual(["c", "d"]);
    expect([...d.marks.keys()]).toEqual(["c", "d", "f", "g", "k1", "k2", "m1", "m2", "z1", "z2"]);
  });

  it("marks every relationship of either date exactly once", () => {
    const before = [rel("1", "a", "b"), rel("2", "a", "c"), rel("3", "b", "c"), rel("4", "c", "d", { certainty: "alleged" })];
    const after = [rel("1", "a", "b"), rel("5", "a", "c", { certainty: "alleged" }), rel("4", "c", "d"), rel("6", "d", "e")];
    const d = diffGraphs(before, after);
    expect([...d.marks.keys()].sort()).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(Object.fromEntries(d.marks)).toEqual({ "1": "kept", "2": "changed-before", "3": "removed", "4": "changed-after", "5": "changed-after", "6": "added" });
  });

  it("handles empty dates", () => {
    const d = diffGraphs([], [rel("r1", "a", "b")]);
    expect(d.added).toEqual(["r1"]);
    expect(diffGraphs([], []).marks.size).toBe(0);
  });
});

it("accepts the API's relationships as they are", () => {
  // Checked by tsc: the analyses take GraphEdge data without copying it field by field.
  const fromApi = (edges: GraphEdge[]) => diffGraphs(edges.map((e) => e.data), []);
  expect(fromApi([]).added).toEqual([]);
});

describe("nodeMarks", () => {
  it("marks actors present only after, only before, or at both dates", () => {
    const d = diffGraphs([], []);
    const marks = nodeMarks(d, ["b", "a", "c"], ["c", "d", "b"]);
    expect([...marks]).toEqual([
      ["a", "removed"],
      ["b", "kept"],
      ["c", "kept"],
      ["d", "added"],
    ]);
  });
});
