import { describe, expect, it } from "vitest";
import { mostConnected, namedSize } from "./level-of-detail";
import type { EdgeView, NodeView } from "./view";

const node = (id: string, classes: NodeView["classes"] = []): [string, NodeView] => [
  id,
  { classes, label: id, data: { id, label: id, name: id, short: null, kind: "person" }, position: { x: 0, y: 0 } },
];
const edge = (id: string, source: string, target: string, classes: EdgeView["classes"] = []): [string, EdgeView] => [
  id,
  { classes, data: { id, source, target } as EdgeView["data"] },
];

describe("mostConnected", () => {
  it("names the most connected actors shown, by degree then id, leaving a step's ghosts out", () => {
    const view = {
      nodes: new Map([node("a"), node("b"), node("c"), node("d"), node("g", ["ghost"])]),
      edges: new Map([
        edge("1", "a", "b"),
        edge("2", "a", "c"),
        edge("3", "a", "d"),
        edge("4", "c", "d"),
        // A ghost tie gives g (and b) nothing.
        edge("5", "g", "b", ["ghost"]),
        edge("6", "g", "b", ["ghost"]),
      ]),
    };
    expect([...mostConnected(view, 3)]).toEqual(["a", "c", "d"]);
    expect([...mostConnected(view, 10)].sort()).toEqual(["a", "b", "c", "d"]);
  });
});

describe("namedSize", () => {
  it("is legible at the zoom, never below the base size, and moves in steps", () => {
    expect(namedSize(2, 12, 14)).toBe(14);
    const s = namedSize(0.1, 12, 14);
    expect(s * 0.1).toBeGreaterThanOrEqual(12);
    expect(s * 0.1).toBeLessThan(12 * 1.16);
    // A slightly different zoom gives the same size.
    expect(namedSize(0.101, 12, 14)).toBe(namedSize(0.1005, 12, 14));
  });

  it("is at least the size asked for at every zoom, rounding included", () => {
    const short: number[] = [];
    for (let z = 0.02; z < 1.2; z += 0.0001) if (namedSize(z, 12, 14) * z < 12) short.push(z);
    expect(short).toEqual([]);
  });
});
