import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distanceToSegment, type Point } from "./edge-hit";
import { arrowHead, outlineExit, pick, wrapWords, type PickEdge, type PickNode } from "./layer-geometry";

const SQUARE = [-1, -1, 1, -1, 1, 1, -1, 1];
const TRIANGLE = [0, -1, 1, 0.85, -1, 0.85];

const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
const dot = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.x - o.x) + (a.y - o.y) * (b.y - o.y);
const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** The distance from p to the nearest side of a polygon of `points` scaled by `half` around `c`. */
const distanceToOutline = (p: Point, c: Point, half: number, points: readonly number[]) => {
  const n = points.length / 2;
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const a = { x: c.x + points[2 * i]! * half, y: c.y + points[2 * i + 1]! * half };
    const j = (i + 1) % n;
    const b = { x: c.x + points[2 * j]! * half, y: c.y + points[2 * j + 1]! * half };
    best = Math.min(best, distanceToSegment(p, a, b));
  }
  return best;
};

/** A direction, as a point at distance r from c at angle a. */
const towards = (c: Point, angle: number, r: number): Point => ({ x: c.x + Math.cos(angle) * r, y: c.y + Math.sin(angle) * r });

describe("outlineExit", () => {
  it("leaves a circle at its radius, in the direction of the other end", () => {
    const c = { x: 10, y: -4 };
    const e = outlineExit(c, 7, null, { x: 13, y: 0 }); // direction (3, 4) / 5
    expect(e.x).toBeCloseTo(10 + 7 * 0.6, 9);
    expect(e.y).toBeCloseTo(-4 + 7 * 0.8, 9);
    const left = outlineExit(c, 7, null, { x: -1000, y: -4 });
    expect(left.x).toBeCloseTo(3, 9);
    expect(left.y).toBeCloseTo(-4, 9);
  });

  it("leaves a circle at distance `half`, on the ray towards the other end, whatever the direction", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        fc.double({ min: 0.5, max: 100, noNaN: true }),
        (angle, r, half) => {
          const c = { x: 3, y: 8 };
          const t = towards(c, angle, r);
          const e = outlineExit(c, half, null, t);
          expect(dist(e, c)).toBeCloseTo(half, 6);
          expect(Math.abs(cross(c, e, t))).toBeLessThan(1e-6 * half * r + 1e-9);
          expect(dot(c, e, t)).toBeGreaterThan(0);
        },
      ),
    );
  });

  it("leaves a square at its sides and corners", () => {
    const c = { x: 5, y: 5 };
    const right = outlineExit(c, 10, SQUARE, { x: 100, y: 5 });
    expect(right.x).toBeCloseTo(15, 9);
    expect(right.y).toBeCloseTo(5, 9);
    const corner = outlineExit(c, 10, SQUARE, { x: 100, y: 100 });
    expect(corner.x).toBeCloseTo(15, 9);
    expect(corner.y).toBeCloseTo(15, 9);
    const up = outlineExit(c, 10, SQUARE, { x: 5, y: -50 });
    expect(up.x).toBeCloseTo(5, 9);
    expect(up.y).toBeCloseTo(-5, 9);
    const left = outlineExit(c, 10, SQUARE, { x: 4, y: 5 }); // a near target: the exit is still on the outline
    expect(left.x).toBeCloseTo(-5, 9);
    expect(left.y).toBeCloseTo(5, 9);
    const steep = outlineExit(c, 10, SQUARE, { x: 10, y: 25 }); // direction (1, 4): the bottom side, at x = 5 + 2.5
    expect(steep.x).toBeCloseTo(7.5, 9);
    expect(steep.y).toBeCloseTo(15, 9);
  });

  it("puts the exit from a square on its outline and on the ray, whatever the direction", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        (angle, r) => {
          const c = { x: 5, y: 5 };
          const half = 10;
          const t = towards(c, angle, r);
          const e = outlineExit(c, half, SQUARE, t);
          expect(Math.max(Math.abs(e.x - c.x), Math.abs(e.y - c.y))).toBeCloseTo(half, 6);
          expect(Math.abs(cross(c, e, t))).toBeLessThan(1e-6 * half * r + 1e-9);
          expect(dot(c, e, t)).toBeGreaterThan(0);
        },
      ),
    );
  });

  it("puts the exit from a triangle on its outline, collinear with the centre and the other end, on its side", () => {
    const c = { x: -20, y: 30 };
    const half = 12;
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        (angle, r) => {
          const t = towards(c, angle, r);
          const e = outlineExit(c, half, TRIANGLE, t);
          expect(e).not.toEqual(c);
          expect(distanceToOutline(e, c, half, TRIANGLE)).toBeLessThan(1e-6);
          expect(Math.abs(cross(c, e, t))).toBeLessThan(1e-6 * half * r + 1e-9);
          expect(dot(c, e, t)).toBeGreaterThan(0);
        },
      ),
    );
    // Straight up: the apex (0, -1); straight down: the base at y = 0.85.
    const apex = outlineExit(c, half, TRIANGLE, { x: -20, y: 0 });
    expect(apex.x).toBeCloseTo(-20, 9);
    expect(apex.y).toBeCloseTo(30 - 12, 9);
    const base = outlineExit(c, half, TRIANGLE, { x: -20, y: 100 });
    expect(base.x).toBeCloseTo(-20, 9);
    expect(base.y).toBeCloseTo(30 + 0.85 * 12, 9);
  });

  it("returns the centre when the other end is on it", () => {
    const c = { x: 7, y: -3 };
    expect(outlineExit(c, 10, null, { x: 7, y: -3 })).toEqual(c);
    expect(outlineExit(c, 10, SQUARE, { x: 7, y: -3 })).toEqual(c);
    expect(outlineExit(c, 10, TRIANGLE, { x: 7, y: -3 })).toEqual(c);
  });

  it("returns the centre for a degenerate outline the ray never crosses", () => {
    const c = { x: 1, y: 2 };
    expect(outlineExit(c, 10, [0, 0, 0, 0, 0, 0], { x: 50, y: 2 })).toEqual(c);
  });
});

describe("arrowHead", () => {
  it("uses the minimum size 29 for a thin line: width 2.5 at scale 1.1 gives 31.9", () => {
    // (2.5 × 13.37)^0.9 ≈ 23.5 < 29, so the size is 29 × 1.1 = 31.9.
    const size = 31.9;
    const { points, base } = arrowHead({ x: 100, y: 50 }, { x: 0, y: 50 }, 2.5, 1.1);
    expect(points[0]).toEqual({ x: 100, y: 50 });
    expect(base.x).toBeCloseTo(100 - 0.3 * size, 9);
    expect(base.y).toBeCloseTo(50, 9);
    const wings = [points[1], points[2]].sort((a, b) => a.y - b.y);
    expect(wings[0]!.x).toBeCloseTo(100 - 0.3 * size, 9);
    expect(wings[0]!.y).toBeCloseTo(50 - 0.15 * size, 9);
    expect(wings[1]!.x).toBeCloseTo(100 - 0.3 * size, 9);
    expect(wings[1]!.y).toBeCloseTo(50 + 0.15 * size, 9);
  });

  it("grows with a wide line as (width × 13.37)^0.9 × scale", () => {
    const size = Math.pow(5 * 13.37, 0.9) * 2; // ≈ 87.8, above the minimum 29 × 2
    expect(size).toBeGreaterThan(58);
    const { points, base } = arrowHead({ x: 0, y: 0 }, { x: 0, y: -40 }, 5, 2); // pointing down
    expect(points[0]).toEqual({ x: 0, y: 0 });
    expect(base.x).toBeCloseTo(0, 9);
    expect(base.y).toBeCloseTo(-0.3 * size, 9);
    const wings = [points[1], points[2]].sort((a, b) => a.x - b.x);
    expect(wings[0]!.x).toBeCloseTo(-0.15 * size, 9);
    expect(wings[0]!.y).toBeCloseTo(-0.3 * size, 9);
    expect(wings[1]!.x).toBeCloseTo(0.15 * size, 9);
    expect(wings[1]!.y).toBeCloseTo(-0.3 * size, 9);
  });

  it("builds the triangle back along the line towards `from`, its wings square to it, in any direction", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 0.5, max: 10, noNaN: true }),
        fc.double({ min: 0.5, max: 3, noNaN: true }),
        (x, y, angle, r, width, scale) => {
          const tip = { x, y };
          const from = towards(tip, angle, r);
          const size = Math.max(Math.pow(width * 13.37, 0.9), 29) * scale;
          const { points, base } = arrowHead(tip, from, width, scale);
          expect(points[0]).toEqual(tip);
          // The base: 0.3 × size from the tip, on the segment towards `from`.
          expect(dist(base, tip)).toBeCloseTo(0.3 * size, 6);
          expect(Math.abs(cross(tip, base, from))).toBeLessThan(1e-6 * size * r);
          expect(dot(tip, base, from)).toBeGreaterThan(0);
          // The wings: 0.15 × size from the base, perpendicular to the line, on opposite sides.
          for (const w of [points[1], points[2]]) {
            expect(dist(w, base)).toBeCloseTo(0.15 * size, 6);
            expect(Math.abs(dot(base, w, tip))).toBeLessThan(1e-6 * size * size);
          }
          expect((points[1].x + points[2].x) / 2).toBeCloseTo(base.x, 6);
          expect((points[1].y + points[2].y) / 2).toBeCloseTo(base.y, 6);
        },
      ),
    );
  });

  it("stays finite when the tip and `from` coincide", () => {
    const { points, base } = arrowHead({ x: 3, y: 4 }, { x: 3, y: 4 }, 1, 1);
    for (const p of [...points, base]) {
      expect(Number.isFinite(p.x)).toBe(true);
      expect(Number.isFinite(p.y)).toBe(true);
    }
  });
});

describe("pick", () => {
  const node = (id: string, x: number, y: number, size = 20): PickNode => ({ id, x, y, size });
  const edge = (id: string, from: Point, to: Point): PickEdge => ({ id, from, to });

  it("picks an actor when the point is in its box grown by 2 screen pixels", () => {
    const nodes = [node("a", 0, 0, 20)];
    // zoom 0.5: the box reaches 10 + 2 / 0.5 = 14 model units from the centre.
    expect(pick({ x: 0, y: 0 }, 0.5, nodes, [])).toEqual({ kind: "actor", id: "a" });
    expect(pick({ x: 13.9, y: -13.9 }, 0.5, nodes, [])).toEqual({ kind: "actor", id: "a" });
    expect(pick({ x: 14, y: 0 }, 0.5, nodes, [])).toEqual({ kind: "actor", id: "a" });
    expect(pick({ x: 14.1, y: 0 }, 0.5, nodes, [])).toBeNull();
    expect(pick({ x: 0, y: -14.1 }, 0.5, nodes, [])).toBeNull();
    // zoom 2: 10 + 1 = 11.
    expect(pick({ x: 10.9, y: 0 }, 2, nodes, [])).toEqual({ kind: "actor", id: "a" });
    expect(pick({ x: 11.1, y: 0 }, 2, nodes, [])).toBeNull();
  });

  it("picks the topmost (last drawn) of two overlapping actors", () => {
    const nodes = [node("under", 0, 0, 40), node("over", 10, 0, 40)];
    expect(pick({ x: 5, y: 0 }, 1, nodes, [])).toEqual({ kind: "actor", id: "over" });
    expect(pick({ x: 5, y: 0 }, 1, [...nodes].reverse(), [])).toEqual({ kind: "actor", id: "under" });
    // Only under the lower one: that one.
    expect(pick({ x: -15, y: 0 }, 1, nodes, [])).toEqual({ kind: "actor", id: "under" });
  });

  it("picks a tie within 8 screen pixels of it and not beyond", () => {
    const edges = [edge("e", { x: 0, y: 0 }, { x: 200, y: 0 })];
    // zoom 0.5: 7 px is 14 model units, 9 px is 18; the tolerance is 16.
    expect(pick({ x: 100, y: 14 }, 0.5, [], edges)).toEqual({ kind: "relationship", id: "e" });
    expect(pick({ x: 100, y: -14 }, 0.5, [], edges)).toEqual({ kind: "relationship", id: "e" });
    expect(pick({ x: 100, y: 18 }, 0.5, [], edges)).toBeNull();
    // Beyond an end, measured to the end.
    expect(pick({ x: 210, y: 0 }, 0.5, [], edges)).toEqual({ kind: "relationship", id: "e" });
    expect(pick({ x: 217, y: 0 }, 0.5, [], edges)).toBeNull();
    // A diagonal tie: 7 px off it, across the box test.
    const diagonal = [edge("d", { x: 0, y: 0 }, { x: 100, y: 100 })];
    const off = 14 / Math.SQRT2;
    expect(pick({ x: 50 + off, y: 50 - off }, 0.5, [], diagonal)).toEqual({ kind: "relationship", id: "d" });
    expect(pick({ x: 50 + (18 / Math.SQRT2), y: 50 - (18 / Math.SQRT2) }, 0.5, [], diagonal)).toBeNull();
  });

  it("picks the nearest of two ties", () => {
    const edges = [edge("a", { x: 0, y: 0 }, { x: 100, y: 0 }), edge("b", { x: 0, y: 10 }, { x: 100, y: 10 })];
    expect(pick({ x: 50, y: 7 }, 1, [], edges)).toEqual({ kind: "relationship", id: "b" });
    expect(pick({ x: 50, y: 3 }, 1, [], edges)).toEqual({ kind: "relationship", id: "a" });
    expect(pick({ x: 50, y: 3 }, 1, [], [...edges].reverse())).toEqual({ kind: "relationship", id: "a" });
  });

  it("prefers an actor to a tie under the pointer", () => {
    const nodes = [node("n", 50, 0, 20)];
    const edges = [edge("e", { x: 0, y: 0 }, { x: 100, y: 0 })];
    expect(pick({ x: 52, y: 1 }, 1, nodes, edges)).toEqual({ kind: "actor", id: "n" });
    expect(pick({ x: 20, y: 1 }, 1, nodes, edges)).toEqual({ kind: "relationship", id: "e" });
  });

  it("on touch (0 and 22 pixels) takes an actor on its body only and a tie from further away", () => {
    const touch = { nodeSlack: 0, edgeSlack: 22 };
    const nodes = [node("n", 0, 0, 20)];
    const edges = [edge("e", { x: 0, y: 25 }, { x: 100, y: 25 })];
    // At zoom 1: 11 from the centre is in the mouse's box (10 + 2) but off the body.
    expect(pick({ x: 11, y: 0 }, 1, nodes, [])).toEqual({ kind: "actor", id: "n" });
    expect(pick({ x: 11, y: 0 }, 1, nodes, [], touch)).toBeNull();
    expect(pick({ x: 10, y: 0 }, 1, nodes, [], touch)).toEqual({ kind: "actor", id: "n" });
    // Beside the actor, 14 from the tie: a mouse gets nothing there (the tie is beyond 8), a finger gets the tie.
    expect(pick({ x: 5, y: 11 }, 1, nodes, edges)).toEqual({ kind: "actor", id: "n" });
    expect(pick({ x: 5, y: 11 }, 1, nodes, edges, touch)).toEqual({ kind: "relationship", id: "e" });
    expect(pick({ x: 50, y: 25 + 21 }, 1, nodes, edges, touch)).toEqual({ kind: "relationship", id: "e" });
    expect(pick({ x: 50, y: 25 + 21 }, 1, nodes, edges)).toBeNull();
    expect(pick({ x: 50, y: 25 + 23 }, 1, nodes, edges, touch)).toBeNull();
    // At zoom 0.5 the finger reaches 44 model units.
    expect(pick({ x: 50, y: 25 + 43 }, 0.5, nodes, edges, touch)).toEqual({ kind: "relationship", id: "e" });
    expect(pick({ x: 50, y: 25 + 45 }, 0.5, nodes, edges, touch)).toBeNull();
  });

  it("returns null when nothing is near, or there is nothing", () => {
    const nodes = [node("n", 0, 0, 20)];
    const edges = [edge("e", { x: 0, y: 100 }, { x: 100, y: 100 })];
    expect(pick({ x: 300, y: 300 }, 1, nodes, edges)).toBeNull();
    expect(pick({ x: 50, y: 50 }, 1, nodes, edges)).toBeNull();
    expect(pick({ x: 0, y: 0 }, 1, [], [])).toBeNull();
  });
});

describe("wrapWords", () => {
  const chars = (s: string) => s.length;

  it("starts a new line when a word would make the line wider than the width", () => {
    // "Free Syrian" is 11 > 10, "Syrian Army" 11, "Army command" 12.
    expect(wrapWords("Free Syrian Army command", 10, chars)).toEqual(["Free", "Syrian", "Army", "command"]);
    expect(wrapWords("Free Syrian Army command", 11, chars)).toEqual(["Free Syrian", "Army", "command"]);
    expect(wrapWords("Free Syrian Army command", 12, chars)).toEqual(["Free Syrian", "Army command"]);
    expect(wrapWords("a bb ccc dddd", 6, chars)).toEqual(["a bb", "ccc", "dddd"]);
  });

  it("keeps a line exactly as wide as the width", () => {
    expect(wrapWords("abcd efghi", 10, chars)).toEqual(["abcd efghi"]);
    expect(wrapWords("abcd efghij", 10, chars)).toEqual(["abcd", "efghij"]);
  });

  it("gives a word wider than the width a line of its own", () => {
    expect(wrapWords("Hezbollah", 4, chars)).toEqual(["Hezbollah"]);
    expect(wrapWords("al Hayat-Tahrir-al-Sham now", 6, chars)).toEqual(["al", "Hayat-Tahrir-al-Sham", "now"]);
  });

  it("starts a new line at a line break and collapses other white space", () => {
    expect(wrapWords("Free\nSyrian Army", 100, chars)).toEqual(["Free", "Syrian Army"]);
    expect(wrapWords("a  b\tc", 100, chars)).toEqual(["a b c"]);
    expect(wrapWords("Free Syrian\nArmy command", 10, chars)).toEqual(["Free", "Syrian", "Army", "command"]);
  });

  it("uses the measure it is given", () => {
    const wide = (s: string) => s.length * 2;
    expect(wrapWords("ab cd", 10, wide)).toEqual(["ab cd"]);
    expect(wrapWords("ab cd", 9, wide)).toEqual(["ab", "cd"]);
  });

  it("never loses or reorders a word, and never exceeds the width except with a lone word", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 30 }), (words, width) => {
        const lines = wrapWords(words.join(" "), width, chars);
        expect(lines.join(" ").split(" ")).toEqual(words);
        for (const line of lines) if (line.includes(" ")) expect(line.length).toBeLessThanOrEqual(width);
        // Greedy: the first word of each next line would not have fitted on the line before.
        for (let i = 1; i < lines.length; i++) expect(`${lines[i - 1]} ${lines[i]!.split(" ")[0]}`.length).toBeGreaterThan(width);
      }),
    );
  });
});
