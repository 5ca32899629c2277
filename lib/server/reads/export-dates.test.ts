import { describe, expect, it } from "vitest";
import { boundOf, formatSpan } from "@/lib/model/dates";
import { exportDates, storedBound } from "./export-dates";
import { toApiBound } from "./serialize";

describe("an export's dates, computed once per distinct date", () => {
  it("are the API's bounds and formatSpan's labels, for every pair of sides", () => {
    const dates = exportDates();
    const sides: [string | null, string | null][] = [[null, null]];
    for (const date of ["2003", "2003-10", "2003-10-14", "2012-02-29"]) {
      for (const qualifier of [null, "exact", "circa", "by", "after", "at-least"]) sides.push([date, qualifier]);
    }
    // Twice over, so the second pass reads what the first kept.
    for (let pass = 0; pass < 2; pass++) {
      for (const [startDate, startQualifier] of sides) {
        for (const [endDate, endQualifier] of sides) {
          const start = dates.bound(storedBound(startDate, startQualifier));
          const end = dates.bound(storedBound(endDate, endQualifier));
          expect(start?.api ?? null).toEqual(toApiBound(boundOf(startDate, startQualifier)));
          expect(dates.spanLabel(start, end)).toBe(formatSpan(boundOf(startDate, startQualifier), boundOf(endDate, endQualifier)));
        }
      }
    }
    // One object per distinct bound, shared by every edge that has it.
    expect(dates.bound("2003|circa")).toBe(dates.bound(storedBound("2003", "circa")));
  });
});
