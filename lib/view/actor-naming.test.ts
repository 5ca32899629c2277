import { describe, expect, it } from "vitest";
import { windowOf } from "../model/dates";
import { actorNaming } from "./actor-naming";

const bound = (date: string) => ({ date, precision: "year" as const, qualifier: "exact" as const, label: date });
const lineage = {
  id: "islamic-state",
  name: "Islamic State",
  short: "IS",
  names: [
    { name: "al-Qaeda in Iraq", short: "AQI", start: null, end: bound("2006"), dateLabel: "", note: null },
    { name: "Islamic State in Iraq", short: "ISI", start: bound("2006"), end: bound("2013"), dateLabel: "", note: null },
    { name: "Islamic State", short: "IS", start: bound("2014"), end: null, dateLabel: "", note: null },
  ],
};

describe("actorNaming", () => {
  it("names actors at the view's date and ties' ends while the tie held", () => {
    const n = actorNaming([lineage], windowOf({ at: "2014" }), (id) => `?${id}`);
    expect(n.actorName("islamic-state")).toBe("IS");
    expect(n.actorName("islamic-state", windowOf({ at: "2005" }))).toBe("AQI");
    expect(n.tieEndName({ first: "2003-01-01", last: "2005-12-31" }, "islamic-state")).toBe("AQI");
    expect(n.tieEndName({ first: "2003-01-01", last: null }, "islamic-state")).toBe("IS");
  });

  it("falls back while the actors are not loaded", () => {
    const n = actorNaming(null, windowOf({ at: "2014" }), (id) => `?${id}`);
    expect(n.actorName("islamic-state")).toBe("?islamic-state");
  });
});
