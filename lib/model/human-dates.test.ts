import { describe, expect, it } from "vitest";
import { END_QUALIFIERS, START_QUALIFIERS } from "./dates";
import { readHumanDate, readHumanPublicationDate, writeHumanDate } from "./human-dates";

const read = (text: string, role: "start" | "end" = "start") => {
  const r = readHumanDate(text, role);
  return r.ok ? r.bound : r.message;
};

describe("readHumanDate", () => {
  it("reads the forms the brief names into partial dates and qualifiers", () => {
    expect(read("2009")).toEqual({ date: "2009", qualifier: "exact" });
    expect(read("Aug 2009")).toEqual({ date: "2009-08", qualifier: "exact" });
    expect(read("August 2009")).toEqual({ date: "2009-08", qualifier: "exact" });
    expect(read("19/08/2009")).toEqual({ date: "2009-08-19", qualifier: "exact" });
    expect(read("2009-08-19")).toEqual({ date: "2009-08-19", qualifier: "exact" });
    expect(read("c. 2003")).toEqual({ date: "2003", qualifier: "circa" });
    expect(read("by 2003")).toEqual({ date: "2003", qualifier: "by" });
    expect(read("at least until 2009", "end")).toEqual({ date: "2009", qualifier: "at-least" });
    expect(read("")).toBeNull();
    expect(read("   ", "end")).toBeNull();
  });

  it("reads other common spellings", () => {
    expect(read("2009-08")).toEqual({ date: "2009-08", qualifier: "exact" });
    expect(read("2009/8/5")).toEqual({ date: "2009-08-05", qualifier: "exact" });
    expect(read("08/2009")).toEqual({ date: "2009-08", qualifier: "exact" });
    expect(read("19.08.2009")).toEqual({ date: "2009-08-19", qualifier: "exact" });
    expect(read("19 Aug 2009")).toEqual({ date: "2009-08-19", qualifier: "exact" });
    expect(read("Aug. 19, 2009")).toEqual({ date: "2009-08-19", qualifier: "exact" });
    expect(read("Sept 2014")).toEqual({ date: "2014-09", qualifier: "exact" });
    expect(read("circa 1982")).toEqual({ date: "1982", qualifier: "circa" });
    expect(read("ca. 1982")).toEqual({ date: "1982", qualifier: "circa" });
    expect(read("C. Mar 1982")).toEqual({ date: "1982-03", qualifier: "circa" });
    expect(read("after 2011")).toEqual({ date: "2011", qualifier: "after" });
    expect(read("at least 2005", "end")).toEqual({ date: "2005", qualifier: "at-least" });
    expect(read("until 2005", "end")).toEqual({ date: "2005", qualifier: "exact" });
    expect(read("  by   June 2004 ", "end")).toEqual({ date: "2004-06", qualifier: "by" });
  });

  it("reads numeric dates day first, so an ambiguous one is day/month", () => {
    expect(read("08/09/2009")).toEqual({ date: "2009-09-08", qualifier: "exact" });
    expect(read("1/2/2010")).toEqual({ date: "2010-02-01", qualifier: "exact" });
  });

  it("refuses what it cannot read, saying what to write instead", () => {
    expect(read("08/19/2009")).toBe(
      'cannot read "08/19/2009" as a date: numeric dates are read day first (DD/MM/YYYY), and 19 is not a month; for August 19, 2009 write 19/08/2009 or 2009-08-19',
    );
    expect(read("2003?")).toMatch(/a question mark is not a date; if the date is approximate write "c\. 2003"/);
    expect(read("31/02/2009")).toMatch(/there is no day 31 in February 2009/);
    expect(read("2009-13")).toMatch(/13 is not a month/);
    expect(read("19/08/09")).toMatch(/four digits/);
    expect(read("1990s")).toMatch(/a decade/);
    expect(read("2003-2005")).toMatch(/one date per cell/);
    expect(read("40044")).toMatch(/internal day number/);
    expect(read("soon")).toMatch(/^cannot read "soon" as a date: write 2009, Aug 2009, 19\/08\/2009 \(day first\)/);
    expect(read("Foo 2009")).toMatch(/cannot read/);
  });

  it("keeps each qualifier to the end of a span it belongs to", () => {
    expect(read("at least until 2009", "start")).toMatch(/"at least until" belongs to an end date/);
    expect(read("after 2009", "end")).toMatch(/"after" belongs to a start date/);
  });

  it("writes every bound so that it reads back the same", () => {
    for (const date of ["2009", "2009-08", "2009-08-19", "0850"]) {
      for (const qualifier of START_QUALIFIERS) expect(read(writeHumanDate({ date, qualifier }), "start")).toEqual({ date, qualifier });
      for (const qualifier of END_QUALIFIERS) expect(read(writeHumanDate({ date, qualifier }), "end")).toEqual({ date, qualifier });
    }
    expect(writeHumanDate({ date: "2005", qualifier: "at-least" })).toBe("at least until 2005");
    expect(writeHumanDate({ date: "2009-08-19", qualifier: "circa" })).toBe("c. 19 Aug 2009");
    expect(writeHumanDate(null)).toBe("");
  });

  it("reads a publication date without a qualifier", () => {
    expect(readHumanPublicationDate("22/08/2014")).toEqual({ ok: true, date: "2014-08-22" });
    expect(readHumanPublicationDate("")).toEqual({ ok: true, date: null });
    expect(readHumanPublicationDate("c. 2014")).toMatchObject({ ok: false });
  });
});
