import { describe, expect, it } from "vitest";
import { lineVariants, placeActorNames, type Box, type LabelNode } from "./label-placement-names";

// 7 units a character, 14 a line: enough to reason about by hand.
const measure = (text: string) => {
  const lines = text.split("\n");
  return { w: Math.max(...lines.map((l) => l.length * 7)), h: lines.length * 14 };
};
const opts = { measure, gap: 5, pad: 4, clearance: 1 };
const node = (id: string, x: number, y: number, text = id, priority = 0): LabelNode => ({
  id,
  box: { x1: x - 20, y1: y - 20, x2: x + 20, y2: y + 20 },
  text,
  priority,
});
const overlap = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

describe("lineVariants", () => {
  it("offers the name on one, two and three balanced lines", () => {
    expect(lineVariants("Jihadist detainees at Sednaya")).toEqual([
      "Jihadist detainees at Sednaya",
      "Jihadist detainees\nat Sednaya",
      "Jihadist\ndetainees\nat Sednaya",
    ]);
    expect(lineVariants("Iran")).toEqual(["Iran"]);
  });
});

describe("placeActorNames", () => {
  it("puts a lone name below its actor, clear of it", () => {
    const p = placeActorNames([node("a", 0, 0, "Assad")], opts).get("a")!;
    expect(p.side).toBe("b");
    expect(p.box.y1).toBeGreaterThan(20);
  });

  it("moves a name that would sit on a neighbour's name, and never overlaps names or actors", () => {
    const nodes = [node("a", 0, 0, "Syrian intelligence services", 2), node("b", 30, 60, "Jihadist detainees at Sednaya", 1), node("c", 60, 0, "Iran")];
    const placed = [...placeActorNames(nodes, opts).values()];
    for (const [i, p] of placed.entries()) {
      for (const n of nodes) expect(overlap(p.box, n.box), `${p.id} on actor ${n.id}`).toBe(false);
      for (const q of placed.slice(i + 1)) expect(overlap(p.box, q.box), `${p.id} on ${q.id}`).toBe(false);
    }
    // Below "a" is "b"'s actor, so "a"'s name goes elsewhere; all three fit.
    expect(placed.find((p) => p.id === "a")!.side).not.toBe("b");
    expect(placed).toHaveLength(3);
  });

  it("leaves out a name that fits nowhere, and keeps names inside the bounds", () => {
    const bounds = { x1: -30, y1: -30, x2: 30, y2: 30 };
    const placed = placeActorNames([node("a", 0, 0, "A long name")], { ...opts, bounds });
    expect(placed.size).toBe(0);
    const roomy = placeActorNames([node("a", 0, 0, "A long name")], { ...opts, bounds: { x1: -100, y1: -100, x2: 100, y2: 100 } });
    expect(roomy.get("a")?.side).toBe("b");
  });

  it("places the more connected actor's name first", () => {
    // Two actors side by side: only one name fits below; the hub gets it.
    const bounds = { x1: -60, y1: -30, x2: 90, y2: 70 };
    const placed = placeActorNames([node("leaf", 0, 0, "Leaf name", 0), node("hub", 30, 0, "Hub name", 5)], { ...opts, bounds });
    expect(placed.get("hub")?.side).toBe("b");
  });
});
