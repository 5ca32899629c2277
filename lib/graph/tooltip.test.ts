import { describe, expect, it } from "vitest";
import { edgeTooltip, nodeTooltip } from "./tooltip";

describe("tooltips", () => {
  it("say a relationship's ends, type, dates and certainty", () => {
    const t = edgeTooltip(
      { id: "r", source: "a", target: "b", type: "release", polarity: "cooperative", certainty: "documented", structural: false, label: "Release", dateLabel: "2011", first: "2011-01-01", last: "2011-12-31", citations: 1 },
      (id) => ({ a: "Assad government", b: "Jihadist detainees at Sednaya" })[id] ?? id,
    );
    expect(t.title).toBe("Assad government → Jihadist detainees at Sednaya");
    expect(t.lines[0]).toMatch(/^Release/);
    expect(t.lines[0]).toContain("2011");
    expect(t.lines[1]).toBe("Documented");
  });

  it("say an actor's name at the date and its kind", () => {
    expect(nodeTooltip({ id: "islamic-state", label: "AQI", name: "Islamic State", short: "IS", kind: "militant-organisation" })).toEqual({
      title: "AQI",
      lines: ["Militant organisation", "Known in the data as Islamic State"],
    });
    expect(nodeTooltip({ id: "iran", label: "Iran", name: "Iran", short: null, kind: "state" }).lines).toEqual(["State"]);
  });
});
