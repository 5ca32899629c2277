import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW, encodeViewState, exportQuery, graphQuery, parseViewState } from "./state";

const bounds = { first: "1979-01-01", last: "2015-12-31" };

describe("the 'possibly holding' switch in the URL", () => {
  it("is off by default and round-trips as possibly=1", () => {
    expect(parseViewState(new URLSearchParams("date=2008")).state.possibly).toBe(false);
    const { state, problems } = parseViewState(new URLSearchParams("date=2008&possibly=1"));
    expect(problems).toEqual([]);
    expect(state.possibly).toBe(true);
    expect(encodeViewState(state)).toBe("date=2008&possibly=1");
    expect(encodeViewState({ ...state, possibly: false })).toBe("date=2008");
  });

  it("reports a bad value and falls back to attested only", () => {
    const { state, problems } = parseViewState(new URLSearchParams("possibly=yes"));
    expect(state.possibly).toBe(false);
    expect(problems.map((p) => p.param)).toEqual(["possibly"]);
  });

  it("asks /api/graph for what possibly holds, but not the exports", () => {
    const view = { ...DEFAULT_VIEW, date: "2008", possibly: true };
    expect(graphQuery(view, bounds).toString()).toBe("at=2008&possibly=1");
    expect(graphQuery({ ...view, possibly: false }, bounds).toString()).toBe("at=2008");
    expect(exportQuery(view, bounds).has("possibly")).toBe(false);
  });
});
