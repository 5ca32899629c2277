import { describe, expect, it } from "vitest";
import { fitViewport } from "./viewport-fit";

const opts = { width: 1000, height: 500, pad: { x: 50, y: 50 }, minZoom: 0.02, maxZoom: 4 };

describe("fitViewport", () => {
  it("fits the actors' boxes, sizes included, into the canvas less its padding, centred", () => {
    const v = fitViewport(
      [
        { x: 0, y: 0, size: 20 },
        { x: 1980, y: 380, size: 40 },
      ],
      opts,
    )!;
    // Boxes span x -10..2000 (2010 wide) and y -10..400 (410 high); width limits: 900 / 2010.
    expect(v.zoom).toBeCloseTo(900 / 2010, 6);
    const centre = { x: (-10 + 2000) / 2, y: (-10 + 400) / 2 };
    expect(v.pan.x + v.zoom * centre.x).toBeCloseTo(500, 6);
    expect(v.pan.y + v.zoom * centre.y).toBeCloseTo(250, 6);
  });

  it("keeps the zoom within its bounds and answers null for nothing", () => {
    expect(fitViewport([{ x: 5, y: 5, size: 2 }], opts)!.zoom).toBe(4);
    expect(fitViewport([{ x: 0, y: 0, size: 1 }, { x: 1e7, y: 0, size: 1 }], opts)!.zoom).toBe(0.02);
    expect(fitViewport([], opts)).toBeNull();
  });
});
