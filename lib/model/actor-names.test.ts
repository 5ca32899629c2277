import { describe, expect, it } from "vitest";
import { nameAt } from "./actor-names";
import { spanBounds, windowOf } from "./dates";

const named = (name: string, short: string, start: string | null, end: string | null) => ({
  name,
  short,
  ...spanBounds(start ? { date: start, qualifier: "exact" } : null, end ? { date: end, qualifier: "exact" } : null),
});
const actor = { name: "Islamic State", short: "IS" };
const names = [
  named("al-Qaeda in Iraq", "AQI", null, "2006-10"),
  named("Islamic State in Iraq", "ISI", "2006-10", "2013-04"),
  named("Islamic State of Iraq and al-Sham", "ISIS", "2013-04", "2014-06"),
  named("Islamic State", "IS", "2014-06", null),
];

describe("nameAt", () => {
  it("gives the name in force at a date", () => {
    expect(nameAt(actor, names, windowOf({ at: "2005" })).short).toBe("AQI");
    expect(nameAt(actor, names, windowOf({ at: "2009" })).short).toBe("ISI");
    expect(nameAt(actor, names, windowOf({ at: "2014-01" })).short).toBe("ISIS");
    expect(nameAt(actor, names, windowOf({ at: "2015" })).short).toBe("IS");
  });

  it("prefers the newer name in a period of renaming", () => {
    expect(nameAt(actor, names, windowOf({ at: "2006" })).short).toBe("ISI");
    expect(nameAt(actor, names, windowOf({ at: "2006-09" })).short).toBe("AQI");
    expect(nameAt(actor, names, windowOf({ at: "2014" })).short).toBe("IS");
  });

  it("falls back to the actor's own name", () => {
    expect(nameAt(actor, [], windowOf({ at: "2009" }))).toEqual(actor);
    expect(nameAt(actor, [named("Old", "O", "1990", "1995")], windowOf({ at: "2009" }))).toEqual(actor);
  });
});
