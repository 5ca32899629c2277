import { describe, expect, it } from "vitest";
import { boxAround, overlappingPairs, overlaps, placeLabels, type Rect } from "./label-placement";

const at = (x: number, y: number, w: number, h: number) => boxAround({ x, y }, w, h);

describe("placeLabels", () => {
  it("puts each label at its first free candidate, and never on an obstacle or an earlier label", () => {
    const node: Rect = { x1: 0, y1: 0, x2: 20, y2: 20 };
    const a = { id: "a", candidates: [at(10, 10, 40, 10), at(10, 30, 40, 10), at(10, -20, 40, 10)] };
    const b = { id: "b", candidates: [at(10, 30, 40, 10), at(12, 33, 40, 10), at(10, -20, 40, 10)] };
    const { placed, left } = placeLabels([a, b], [node]);
    expect(left).toEqual([]);
    // a: its first spot is on the node; its second is free. b: both first spots are a's now.
    expect(placed.map((p) => [p.id, p.candidate])).toEqual([["a", 1], ["b", 2]]);
    expect(overlappingPairs(placed.map((p) => ({ id: p.id, ...p.box })))).toEqual([]);
  });

  it("leaves out a label with no free candidate, or none within bounds, and says which", () => {
    const req = (id: string) => ({ id, candidates: [at(5, 5, 10, 10)] });
    expect(placeLabels([req("a"), req("b")], [])).toMatchObject({ left: ["b"] });
    expect(placeLabels([req("a")], [], { bounds: { x1: 0, y1: 0, x2: 8, y2: 8 } })).toMatchObject({ placed: [], left: ["a"] });
  });

  it("keeps its own air from labels and from obstacles", () => {
    const obstacle: Rect = { x1: 0, y1: 0, x2: 10, y2: 10 };
    // 0.5 from the obstacle, then 0.5 from the first label.
    const a = { id: "a", candidates: [{ x1: 10.5, y1: 0, x2: 20, y2: 10 }] };
    const b = { id: "b", candidates: [{ x1: 20.5, y1: 0, x2: 30, y2: 10 }] };
    expect(placeLabels([a, b], [obstacle], { gap: 1, obstacleGap: 0 }).left).toEqual(["b"]);
    expect(placeLabels([a, b], [obstacle], { gap: 0, obstacleGap: 1 }).left).toEqual(["a"]);
    expect(placeLabels([a, b], [obstacle], { gap: 0, obstacleGap: 0 }).left).toEqual([]);
  });
});
