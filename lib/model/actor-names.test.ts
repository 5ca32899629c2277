import { describe, expect, it } from "vitest";
import { actorLabelIn, actorNameIn, currentNameIndex, nameAt, nameHistory, tieWindow } from "./actor-names";
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

describe("names of the routes' actors", () => {
  const written = (name: string, short: string, start: string | null, end: string | null) => ({
    name,
    short,
    start: start ? { date: start } : null,
    end: end ? { date: end } : null,
  });
  const lineage = {
    name: "Islamic State",
    short: "IS",
    names: [
      written("Jama'at al-Tawhid wal-Jihad", "JTJ", null, "2004-10"),
      written("al-Qaeda in Iraq", "AQI", "2004-10", "2006-10"),
      written("Islamic State in Iraq", "ISI", "2006-10", "2013-04"),
      written("Islamic State of Iraq and al-Sham", "ISIS", "2013-04", "2014-06"),
      written("Islamic State", "IS", "2014-06", null),
    ],
  };

  it("names the actor and marks the name in force", () => {
    expect(actorLabelIn(lineage, windowOf({ at: "2005" }))).toBe("AQI");
    expect(actorNameIn(lineage, windowOf({ at: "2009" })).name).toBe("Islamic State in Iraq");
    expect(currentNameIndex(lineage, windowOf({ at: "2005" }))).toBe(1);
    expect(currentNameIndex(lineage, windowOf({ at: "2014" }))).toBe(4);
    expect(currentNameIndex({ ...lineage, names: [] }, windowOf({ at: "2014" }))).toBe(-1);
  });

  it("says the name with the ones before and after it", () => {
    expect(nameHistory(lineage, windowOf({ at: "2005" }), "2005")).toBe("AQI (2005), earlier JTJ, later ISI, ISIS, IS");
    expect(nameHistory(lineage, windowOf({ at: "2015" }), "2015")).toBe("IS (2015), earlier JTJ, AQI, ISI, ISIS");
    expect(nameHistory({ ...lineage, names: lineage.names.slice(0, 1) }, windowOf({ at: "2003" }), "2003")).toBeNull();
  });

  it("names a tie's ends at the tie's own dates when it does not reach the view", () => {
    const tie = spanBounds({ date: "2003", qualifier: "exact" }, { date: "2007", qualifier: "exact" });
    const w = tieWindow({ first: tie.spanStart, last: tie.spanEnd }, windowOf({ at: "2014" }));
    expect(w).toEqual({ first: "2003-01-01", last: "2007-12-31" });
    expect(actorLabelIn(lineage, w)).not.toBe("IS");
    expect(actorLabelIn(lineage, tieWindow({ first: "2003-01-01", last: "2007-12-31" }, windowOf({ at: "2005" })))).toBe("AQI");
    expect(tieWindow({ first: "2003-01-01", last: null }, windowOf({ at: "2014" }))).toEqual(windowOf({ at: "2014" }));
  });
});
