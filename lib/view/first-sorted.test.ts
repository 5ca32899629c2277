import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstSorted } from "./first-sorted";

describe("firstSorted", () => {
  it("equals a stable sort then a slice, for any list, limit and ties", () => {
    // Records with a key that repeats often, so ties (and their order) are exercised.
    const item = fc.record({ key: fc.integer({ min: 0, max: 8 }), id: fc.nat() });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), fc.integer({ min: -1, max: 70 }), (items, limit) => {
        const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
        expect(firstSorted(items, limit, byKey)).toEqual([...items].sort(byKey).slice(0, Math.max(0, limit)));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the order of equal items as given", () => {
    const rows = ["b1", "a1", "b2", "a2", "a3"].map((id) => ({ id, key: id[0]! }));
    expect(firstSorted(rows, 3, (x, y) => x.key.localeCompare(y.key)).map((r) => r.id)).toEqual(["a1", "a2", "a3"]);
  });
});
