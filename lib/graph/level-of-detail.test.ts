import { describe, expect, it } from "vitest";
import { overlappingPairs } from "./label-placement";
import fc from "fast-check";
import { DASH_MIN_PX, MIN_LINE_PX, NAMED_ACTORS, dashInk, dashLegible, legibleNames, lineScale, nameBox, namedSize, type NameCandidate } from "./level-of-detail";

/** An actor of 30 units at (x, y), its name 6 units wide per character below it, a 4-unit text margin. */
const actor = (id: string, degree: number, x: number, y: number, text = id): NameCandidate => ({
  id,
  degree,
  text,
  anchor: { x, y: y + 15 + 4 },
  node: { x1: x - 15, y1: y - 15, x2: x + 15, y2: y + 15 },
});
const measure = (text: string, size: number) => ({ w: Math.ceil(text.length * size * 0.6), h: size });
const at = (size: number, count?: number) => ({ size, pad: 2, measure, ...(count ? { count } : {}) });

describe("legibleNames", () => {
  it("names the most connected first and leaves out a less connected actor whose name would cover a kept one", () => {
    // a and b sit side by side: their names (about 60 units wide at 14) would cover each other.
    const names = legibleNames([actor("b", 3, 40, 0, "bbbbbbb"), actor("a", 5, 0, 0, "aaaaaaa"), actor("c", 1, 0, 300, "ccccccc")], at(14));
    expect(names).toEqual(["a", "c"]);
  });

  it("breaks a tie in degree by id, whatever the order given", () => {
    const one = [actor("m", 2, 0, 0, "mmmmmmm"), actor("k", 2, 30, 0, "kkkkkkk")];
    expect(legibleNames(one, at(14))).toEqual(["k"]);
    expect(legibleNames([...one].reverse(), at(14))).toEqual(["k"]);
  });

  it("leaves out a name that would cover a more connected actor, named or not, but not a less connected one", () => {
    // hub's actor sits just below where leaf's name would go; leaf's does not cover hub's name.
    const hub = actor("hub", 9, 0, 40, "h");
    const leaf = actor("leaf", 1, 0, 0, "l");
    expect(legibleNames([hub, leaf], at(14))).toEqual(["hub"]);
    // The other way round: the less connected actor sits under the name of the more connected.
    expect(legibleNames([actor("hub", 9, 0, 0, "h"), actor("leaf", 1, 0, 40, "l")], at(14))).toEqual(["hub", "leaf"]);
  });

  it("stops at the count, and the names kept never overlap", () => {
    // A crowded grid: many names collide; the kept ones are the first free ones by degree.
    const crowd = Array.from({ length: 400 }, (_, i) => actor(`n${String(i).padStart(3, "0")}`, 400 - i, (i % 20) * 70, Math.floor(i / 20) * 60, `Actor number ${i}`));
    const names = legibleNames(crowd, at(14));
    expect(names).toHaveLength(NAMED_ACTORS);
    const byId = new Map(crowd.map((c) => [c.id, c]));
    expect(overlappingPairs(names.map((id) => ({ id, ...nameBox(byId.get(id)!, at(14)) })))).toEqual([]);
    // Some of the most connected were left out for a free spot: the choice is not just the top by degree.
    expect(names.filter((id) => byId.get(id)!.degree > 370).length).toBeLessThan(20);
    expect(names[0]).toBe("n000");
    // Degrees never rise along the choice.
    const degrees = names.map((id) => byId.get(id)!.degree);
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
    expect(legibleNames(crowd, at(14, 5))).toEqual(names.slice(0, 5));
  });

  it("names more of the most connected when zoomed in: the names are smaller beside the actors", () => {
    const row = Array.from({ length: 6 }, (_, i) => actor(`r${i}`, 10 - i, i * 150, 0, "A longer name"));
    const far = legibleNames(row, at(namedSize(0.3, 12, 14)));
    const near = legibleNames(row, at(namedSize(1, 12, 14)));
    expect(far.length).toBeLessThan(row.length);
    expect(near).toEqual(row.map((r) => r.id));
    // The same zoom, or one whose name size is the same, chooses the same names.
    expect(legibleNames(row, at(namedSize(0.301, 12, 14)))).toEqual(far);
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

describe("dash patterns by level of detail", () => {
  it("draws a pattern as dashes from the zoom at which one period is DASH_MIN_PX on screen", () => {
    // "reported": 8 units of dash, 5 of gap.
    const threshold = DASH_MIN_PX / 13;
    expect(dashLegible([8, 5], threshold * 0.99)).toBe(false);
    expect(dashLegible([8, 5], threshold)).toBe(true);
    expect(dashLegible([8, 5], 1)).toBe(true);
    // A 10k store's fit (zoom 0.06): a period is under a pixel.
    expect(dashLegible([8, 5], 0.06)).toBe(false);
  });

  it("gives the plain line the share of its length the dashes ink, round caps included, never above 1", () => {
    expect(dashInk([8, 5], 2.5)).toBe(0.81);
    expect(dashInk([1.5, 4.5], 2.5)).toBe(0.67);
    expect(dashInk([2, 6], 2)).toBe(0.5);
    expect(dashInk([1, 1], 5)).toBe(1);
    expect(dashInk([4, 2, 1, 2], 1)).toBe(Math.round((7 / 9) * 100) / 100);
  });
});

describe("lineScale", () => {
  it("widens lines by the power of two that brings them nearest MIN_LINE_PX on screen, and not at all where they are wider", () => {
    expect(MIN_LINE_PX).toBe(0.5);
    expect(lineScale(1, 2.5)).toBe(1);
    expect(lineScale(0.2, 2.5)).toBe(1);
    // A 10k store's fit: 0.15 px wide, drawn 4 times wider (0.6 px); a 100k store's, 8 times (0.4 px).
    expect(lineScale(0.06, 2.5)).toBe(4);
    expect(lineScale(0.02, 2.5)).toBe(8);
    fc.assert(
      fc.property(fc.double({ min: 0.005, max: 4, noNaN: true }), (zoom) => {
        const s = lineScale(zoom, 2.5);
        expect(Math.log2(s) % 1).toBe(0);
        const px = 2.5 * s * zoom;
        expect(px).toBeGreaterThanOrEqual(MIN_LINE_PX / Math.SQRT2 - 1e-9);
        if (s > 1) expect(px).toBeLessThanOrEqual(MIN_LINE_PX * Math.SQRT2 + 1e-9);
      }),
    );
  });

  it("keeps the scale drawn until the zoom is a quarter beyond its range, so fits near a boundary do not restyle", () => {
    // Past the boundary between 4 and 8 (zoom 0.0354): 4 kept, its line 0.34 px.
    expect(lineScale(0.034, 2.5)).toBe(8);
    expect(lineScale(0.034, 2.5, 4)).toBe(4);
    // Far enough out, the scale changes whatever is drawn.
    expect(lineScale(0.025, 2.5, 4)).toBe(8);
    // Zooming in: 8 kept a little past the boundary, then 4.
    expect(lineScale(0.043, 2.5, 8)).toBe(8);
    expect(lineScale(0.045, 2.5, 8)).toBe(4);
    // At 1 (no widening), kept down to a line of 0.3 px.
    expect(lineScale(0.12, 2.5, 1)).toBe(1);
    expect(lineScale(0.1, 2.5, 1)).toBe(2);
    // Whatever is drawn, a scale far from the zoom's is replaced.
    fc.assert(
      fc.property(fc.double({ min: 0.005, max: 4, noNaN: true }), fc.integer({ min: 0, max: 8 }), (zoom, k) => {
        const kept = lineScale(zoom, 2.5, 2 ** k);
        const px = 2.5 * kept * zoom;
        expect(px).toBeGreaterThanOrEqual(MIN_LINE_PX / (Math.SQRT2 * 1.25) - 1e-9);
        if (kept > 1) expect(px).toBeLessThanOrEqual(MIN_LINE_PX * Math.SQRT2 * 1.25 + 1e-9);
      }),
    );
  });
});
