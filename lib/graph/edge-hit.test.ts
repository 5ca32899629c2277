import { describe, expect, it } from "vitest";
import { distanceToPolyline, distanceToSegment, insideBox, nearestEdge } from "./edge-hit";

describe("edge hit on touch", () => {
  it("measures the distance to a segment, clamped to its ends", () => {
    expect(distanceToSegment({ x: 5, y: 3 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(3);
    expect(distanceToSegment({ x: 13, y: 4 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(5);
    expect(distanceToPolyline({ x: 10, y: 5 }, [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 20 }])).toBe(0);
  });

  it("picks the nearest edge within the tolerance, or none", () => {
    const edges = [
      { id: "a", points: [{ x: 0, y: 0 }, { x: 100, y: 0 }] },
      { id: "b", points: [{ x: 0, y: 10 }, { x: 100, y: 10 }] },
    ];
    expect(nearestEdge({ x: 50, y: 7 }, edges, 20)).toBe("b");
    expect(nearestEdge({ x: 50, y: 2 }, edges, 20)).toBe("a");
    expect(nearestEdge({ x: 50, y: 60 }, edges, 20)).toBeNull();
  });

  it("says whether a point is on a node's body", () => {
    expect(insideBox({ x: 5, y: 5 }, { x1: 0, y1: 0, x2: 10, y2: 10 })).toBe(true);
    expect(insideBox({ x: 12, y: 5 }, { x1: 0, y1: 0, x2: 10, y2: 10 })).toBe(false);
  });
});
