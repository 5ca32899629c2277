import { describe, expect, it } from "vitest";
import { buildTimeline } from "./timeline";

describe("buildTimeline", () => {
  it("counts starts, ends and events per year (dense) and per known month (sparse)", () => {
    const t = buildTimeline({
      relationships: [
        { startDate: "2003", endDate: "2005" },
        { startDate: "2003-04", endDate: null },
        { startDate: null, endDate: "2000-07" },
      ],
      events: [{ startDate: "2009-08-19", endDate: null }, { startDate: "1980", endDate: "1988" }],
    });
    expect(t?.first).toBe("1980-01-01");
    expect(t?.last).toBe("2009-08-19");
    expect(t?.years).toHaveLength(2009 - 1980 + 1);
    expect(t?.years.find((y) => y.year === "2003")).toEqual({ year: "2003", relationshipStarts: 2, relationshipEnds: 0, events: 0 });
    expect(t?.years.find((y) => y.year === "1995")).toEqual({ year: "1995", relationshipStarts: 0, relationshipEnds: 0, events: 0 });
    expect(t?.months).toEqual([
      { month: "2000-07", relationshipStarts: 0, relationshipEnds: 1, events: 0 },
      { month: "2003-04", relationshipStarts: 1, relationshipEnds: 0, events: 0 },
      { month: "2009-08", relationshipStarts: 0, relationshipEnds: 0, events: 1 },
    ]);
  });

  it("has nothing to show for an empty store", () => {
    expect(buildTimeline({ relationships: [], events: [] })).toBeNull();
  });
});
