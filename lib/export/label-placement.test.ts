import { describe, expect, it } from "vitest";
import { boxAround, edgeLabelCandidates, nodeLabelCandidates, overlappingPairs, overlaps, placeLabels, pointAlong, type Rect } from "./label-placement";

describe("placeLabels", () => {
  it("puts each label at its first free candidate, and never on a node or an earlier label", () => {
    const node: Rect = { x1: 0, y1: 0, x2: 20, y2: 20 };
    const a = { id: "a", width: 40, height: 10, candidates: [{ x: 10, y: 10 }, { x: 10, y: 30 }, { x: 10, y: -20 }] };
    const b = { id: "b", width: 40, height: 10, candidates: [{ x: 10, y: 30 }, { x: 12, y: 33 }, { x: 10, y: -20 }] };
    const { placed, left } = placeLabels([a, b], [node], null);
    expect(left).toEqual([]);
    // a: its first spot is on the node; its second is free. b: both first spots are a's now.
    expect(placed.map((p) => [p.id, p.candidate])).toEqual([["a", 1], ["b", 2]]);
    expect(overlappingPairs(placed.map((p) => ({ id: p.id, ...p.box })))).toEqual([]);
  });

  it("leaves out a label with no free candidate, or none within bounds, and says which", () => {
    const req = (id: string) => ({ id, width: 10, height: 10, candidates: [{ x: 5, y: 5 }] });
    expect(placeLabels([req("a"), req("b")], [], null)).toMatchObject({ left: ["b"] });
    expect(placeLabels([req("a")], [], { x1: 0, y1: 0, x2: 8, y2: 8 })).toMatchObject({ placed: [], left: ["a"] });
  });

  it("keeps a hundred crowded labels apart", () => {
    const nodes: Rect[] = [];
    const requests = [];
    for (let i = 0; i < 100; i++) {
      const x = (i % 10) * 60;
      const y = Math.floor(i / 10) * 50;
      const box = { x1: x - 10, y1: y - 10, x2: x + 10, y2: y + 10 };
      nodes.push(box);
      requests.push({ id: `n${i}`, width: 70, height: 14, candidates: nodeLabelCandidates(box, 70, 14) });
    }
    const { placed } = placeLabels(requests, nodes, null);
    expect(placed.length).toBeGreaterThan(80);
    const boxes = placed.map((p) => ({ id: p.id, ...p.box }));
    expect(overlappingPairs(boxes)).toEqual([]);
    for (const b of boxes) for (const n of nodes) expect(overlaps(b, n), b.id).toBe(false);
  });
});

describe("candidates", () => {
  it("start under the node, centred, as the explorer draws a name", () => {
    const [first] = nodeLabelCandidates({ x1: 0, y1: 0, x2: 20, y2: 20 }, 50, 10, { gap: 3 });
    expect(first).toEqual({ x: 10, y: 28 });
    expect(overlaps(boxAround(first!, 50, 10), { x1: 0, y1: 0, x2: 20, y2: 20 })).toBe(false);
  });

  it("start at the middle of the tie and move along it and off it", () => {
    const line = [{ x: 0, y: 0 }, { x: 100, y: 0 }];
    expect(pointAlong(line, 0.5).at).toEqual({ x: 50, y: 0 });
    const c = edgeLabelCandidates(line, 40, 10);
    expect(c[0]).toEqual({ x: 50, y: 0 });
    // Off a horizontal line means up or down by at least half the label's height.
    expect(Math.abs(c[1]!.y)).toBeGreaterThanOrEqual(5);
    expect(c.some((p) => p.x === 40)).toBe(true);
  });
});
