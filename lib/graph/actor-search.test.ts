import { describe, expect, it } from "vitest";
import { findActors, searchSuggestions, type SearchableActor } from "./actor-search";

const dated = (name: string, short: string | null) => ({ name, short, start: null, end: null, dateLabel: "", note: null });
const actors: SearchableActor[] = [
  {
    id: "islamic-state",
    name: "Islamic State",
    short: "IS",
    aliases: ["Daesh"],
    names: [dated("al-Qaeda in Iraq", "AQI"), dated("Islamic State of Iraq", "ISI"), dated("Islamic State of Iraq and al-Sham", "ISIS")],
  },
  { id: "bashar-al-assad", name: "Bashar al-Assad", short: null, aliases: [], names: [] },
  { id: "hafez-al-assad", name: "Hafez al-Assad", short: null, aliases: [], names: [] },
  { id: "abu-al-qaqa", name: "Abu al-Qa’qa", short: null, aliases: ["Mahmoud Gul Aghasi"], names: [] },
];

describe("findActors", () => {
  it("finds an actor by an earlier dated name or its short form", () => {
    expect(findActors(actors, "ISI").map((a) => a.id)).toEqual(["islamic-state"]);
    expect(findActors(actors, "aqi").map((a) => a.id)).toEqual(["islamic-state"]);
    expect(findActors(actors, "daesh").map((a) => a.id)).toEqual(["islamic-state"]);
  });

  it("prefers an exact name over longer names that start with it", () => {
    // "IS" is the start of ISI and ISIS too, but it is also a name of its own.
    expect(findActors(actors, "is").map((a) => a.id)).toEqual(["islamic-state"]);
  });

  it("matches the start and then any part of a name, ignoring case and apostrophe forms", () => {
    expect(findActors(actors, "bashar").map((a) => a.id)).toEqual(["bashar-al-assad"]);
    expect(findActors(actors, "abu al-qa'qa").map((a) => a.id)).toEqual(["abu-al-qaqa"]);
    expect(findActors(actors, "assad").map((a) => a.id)).toEqual(["bashar-al-assad", "hafez-al-assad"]);
  });

  it("finds nothing for an empty or unknown query", () => {
    expect(findActors(actors, "  ")).toEqual([]);
    expect(findActors(actors, "Hezbollah")).toEqual([]);
  });
});

describe("searchSuggestions", () => {
  it("offers every name once", () => {
    const values = searchSuggestions(actors).map((s) => s.value);
    expect(values).toContain("ISIS");
    expect(values).toContain("Mahmoud Gul Aghasi");
    expect(new Set(values).size).toBe(values.length);
  });
});
