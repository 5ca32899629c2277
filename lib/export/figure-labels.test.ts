import { describe, expect, it } from "vitest";
import { overlappingPairs, overlaps, placeLabels, type Rect } from "@/lib/graph/label-placement";
import { edgeLabelCandidates, nodeLabelCandidates, pointAlong } from "./figure-labels";

const centre = (r: Rect) => ({ x: (r.x1 + r.x2) / 2, y: (r.y1 + r.y2) / 2 });

describe("a figure's label places", () => {
  it("start under the node, centred, as the explorer draws a name", () => {
    const node = { x1: 0, y1: 0, x2: 20, y2: 20 };
    const [first] = nodeLabelCandidates(node, 50, 10, { gap: 3 });
    expect(centre(first!)).toEqual({ x: 10, y: 28 });
    expect(first!.x2 - first!.x1).toBe(50);
    expect(overlaps(first!, node)).toBe(false);
  });

  it("start at the middle of the tie and move along it and off it", () => {
    const line = [{ x: 0, y: 0 }, { x: 100, y: 0 }];
    expect(pointAlong(line, 0.5).at).toEqual({ x: 50, y: 0 });
    const c = edgeLabelCandidates(line, 40, 10).map(centre);
    expect(c[0]).toEqual({ x: 50, y: 0 });
    // Off a horizontal line means up or down by at least half the label's height.
    expect(Math.abs(c[1]!.y)).toBeGreaterThanOrEqual(5);
    expect(c.some((p) => p.x === 40)).toBe(true);
  });

  it("give a hundred crowded names room, none on another or on a node", () => {
    const nodes: Rect[] = [];
    const requests = [];
    for (let i = 0; i < 100; i++) {
      const x = (i % 10) * 60;
      const y = Math.floor(i / 10) * 50;
      const box = { x1: x - 10, y1: y - 10, x2: x + 10, y2: y + 10 };
      nodes.push(box);
      requests.push({ id: `n${i}`, candidates: nodeLabelCandidates(box, 70, 14) });
    }
    const { placed } = placeLabels(requests, nodes);
    expect(placed.length).toBeGreaterThan(80);
    const boxes = placed.map((p) => ({ id: p.id, ...p.box }));
    expect(overlappingPairs(boxes)).toEqual([]);
    for (const b of boxes) for (const n of nodes) expect(overlaps(b, n), b.id).toBe(false);
  });
});
