import { describe, expect, it } from "vitest";
import {
  atPrecision,
  endsBeforeStart,
  periodsBetween,
  shiftPeriod,
  formatOccurrence,
  formatSpan,
  isPartialDate,
  overlaps,
  parsePartialDate,
  periodOf,
  spanBounds,
  timelineKeys,
  windowOf,
} from "./dates";

describe("partial dates", () => {
  it("reads year, month and day precision", () => {
    expect(parsePartialDate("2003")).toEqual({ date: "2003", precision: "year", year: 2003 });
    expect(parsePartialDate("2009-08")).toEqual({ date: "2009-08", precision: "month", year: 2009, month: 8 });
    expect(parsePartialDate("2009-08-19")).toEqual({ date: "2009-08-19", precision: "day", year: 2009, month: 8, day: 19 });
  });

  it.each(["", "03", "2009-8", "2009-13", "2009-00", "2009-02-30", "2010-02-29", "2009-08-19T00:00", " 2009", "0000", "19 August 2009"])(
    "refuses %j",
    (text) => expect(isPartialDate(text)).toBe(false),
  );

  it("knows leap years", () => {
    expect(isPartialDate("2008-02-29")).toBe(true);
    expect(periodOf("2008-02")).toEqual({ first: "2008-02-01", last: "2008-02-29" });
    expect(periodOf("2009-02")).toEqual({ first: "2009-02-01", last: "2009-02-28" });
  });

  it("stands for the whole period it names", () => {
    expect(periodOf("2003")).toEqual({ first: "2003-01-01", last: "2003-12-31" });
    expect(periodOf("2014-06")).toEqual({ first: "2014-06-01", last: "2014-06-30" });
    expect(periodOf("2009-08-19")).toEqual({ first: "2009-08-19", last: "2009-08-19" });
  });
});

describe("spans", () => {
  const began2003 = spanBounds({ date: "2003", qualifier: "exact" }, null);
  const atLeastUntil2005 = spanBounds({ date: "2001", qualifier: "exact" }, { date: "2005", qualifier: "at-least" });

  it("stores the earliest possible start and the latest possible end", () => {
    expect(began2003).toEqual({ spanStart: "2003-01-01", spanEnd: null });
    expect(atLeastUntil2005).toEqual({ spanStart: "2001-01-01", spanEnd: "2005-12-31" });
    expect(spanBounds(null, { date: "2000-07", qualifier: "exact" })).toEqual({ spanStart: null, spanEnd: "2000-07-31" });
  });

  it("lets a one-off event last the period of its start", () => {
    expect(spanBounds({ date: "2009-08-19", qualifier: "exact" }, null, { endDefaultsToStart: true })).toEqual({
      spanStart: "2009-08-19",
      spanEnd: "2009-08-19",
    });
  });

  it('counts a relationship that began in "2003" as active on 2003-06-15 and on 2003-01-01', () => {
    expect(overlaps(began2003, windowOf({ at: "2003-06-15" }))).toBe(true);
    expect(overlaps(began2003, windowOf({ at: "2003-01-01" }))).toBe(true);
    expect(overlaps(began2003, windowOf({ at: "2002-12-31" }))).toBe(false);
    expect(overlaps(began2003, windowOf({ at: "2002" }))).toBe(false);
  });

  it('shows "at least until 2005" through 2005 and not after', () => {
    expect(overlaps(atLeastUntil2005, windowOf({ at: "2005-12-31" }))).toBe(true);
    expect(overlaps(atLeastUntil2005, windowOf({ at: "2006-01" }))).toBe(false);
  });

  it("treats open ends and open windows as unbounded", () => {
    expect(overlaps({ spanStart: null, spanEnd: null }, windowOf({ at: "1900" }))).toBe(true);
    expect(overlaps(began2003, windowOf({}))).toBe(true);
    expect(overlaps(atLeastUntil2005, windowOf({ from: "2005-06" }))).toBe(true);
    expect(overlaps(atLeastUntil2005, windowOf({ from: "2006" }))).toBe(false);
    expect(overlaps(began2003, windowOf({ to: "2002" }))).toBe(false);
    expect(overlaps(began2003, windowOf({ from: "2001", to: "2003-01" }))).toBe(true);
  });

  it("finds ends before starts, comparing whole periods", () => {
    expect(endsBeforeStart({ date: "2007", qualifier: "exact" }, { date: "2006-12", qualifier: "exact" })).toBe(true);
    expect(endsBeforeStart({ date: "2007-05", qualifier: "exact" }, { date: "2007", qualifier: "exact" })).toBe(false);
    expect(endsBeforeStart(null, { date: "2007", qualifier: "exact" })).toBe(false);
  });
});

describe("labels", () => {
  it("writes spans as a reader expects", () => {
    expect(formatSpan({ date: "2003", qualifier: "exact" }, { date: "2005", qualifier: "at-least" })).toBe("2003 – at least 2005");
    expect(formatSpan({ date: "2007", qualifier: "by" }, null)).toBe("by 2007 – open");
    expect(formatSpan(null, { date: "2000", qualifier: "exact" })).toBe("until 2000");
    expect(formatSpan(null, { date: "2003", qualifier: "by" })).toBe("ended by 2003");
    expect(formatSpan(null, { date: "2003", qualifier: "at-least" })).toBe("until at least 2003");
    expect(formatSpan(null, null)).toBe("throughout (no dates given)");
    expect(formatSpan({ date: "2014-01", qualifier: "circa" }, { date: "2014-08", qualifier: "exact" })).toBe("c. January 2014 – August 2014");
    expect(formatSpan({ date: "2009", qualifier: "exact" }, { date: "2009", qualifier: "exact" })).toBe("2009");
  });

  it("writes a one-off event as its date alone", () => {
    expect(formatOccurrence({ date: "2009-08-19", qualifier: "exact" }, null)).toBe("19 August 2009");
    expect(formatOccurrence({ date: "1980", qualifier: "exact" }, { date: "1988", qualifier: "exact" })).toBe("1980 – 1988");
  });

  it("keys the timeline by month only when the month is known", () => {
    expect(timelineKeys("2009")).toEqual({ year: "2009", month: null });
    expect(timelineKeys("2009-08-19")).toEqual({ year: "2009", month: "2009-08" });
  });
});

describe("slider steps", () => {
  it("changes precision without moving the moment", () => {
    expect(atPrecision("2009-08-19", "month")).toBe("2009-08");
    expect(atPrecision("2009-08", "year")).toBe("2009");
    expect(atPrecision("2009", "month")).toBe("2009-01");
  });

  it("shifts years and months across year ends", () => {
    expect(shiftPeriod("2009", -6)).toBe("2003");
    expect(shiftPeriod("2009-11", 3)).toBe("2010-02");
    expect(shiftPeriod("2009-02", -14)).toBe("2007-12");
    expect(() => shiftPeriod("2009-02-01", 1)).toThrow(RangeError);
  });

  it("lists the periods between two days", () => {
    expect(periodsBetween("2003-03-20", "2005-01-01", "year")).toEqual(["2003", "2004", "2005"]);
    expect(periodsBetween("2003-11-30", "2004-01-01", "month")).toEqual(["2003-11", "2003-12", "2004-01"]);
  });
});
