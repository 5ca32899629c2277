import { describe, expect, it } from "vitest";
import type { IsoDay } from "../model/dates";
import { checkDatesWithin, parseViewState } from "./state";

const bounds = { first: "1980-01-01" as IsoDay, last: "2015-12-31" as IsoDay };

describe("a link's dates outside the data", () => {
  it("reports a date after the data and drops it for the default, rather than moving it", () => {
    const { state, problems } = checkDatesWithin(parseViewState({ date: "2030", mode: "upto" }).state, bounds);
    expect(state.date).toBeNull();
    expect(state.mode).toBe("upto");
    expect(problems).toEqual([{ param: "date", value: "2030", expected: "a date within the data, 1980 to 2015" }]);
  });

  it("reports a window start or compared date before the data", () => {
    const parsed = parseViewState({ date: "2009", mode: "window", from: "1970-05", base: "1901" }).state;
    const { state, problems } = checkDatesWithin(parsed, bounds);
    expect(state).toMatchObject({ date: "2009", from: null, base: null });
    expect(problems.map((p) => p.param)).toEqual(["from", "base"]);
  });

  it("keeps dates within the data, to the month at either end", () => {
    const parsed = parseViewState({ date: "2015-12", from: "1980-01" }).state;
    expect(checkDatesWithin(parsed, bounds)).toEqual({ state: parsed, problems: [] });
  });
});
