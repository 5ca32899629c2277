import { describe, expect, it } from "vitest";
import { findActors, matchingSuggestions, searchSuggestions, SUGGESTION_LIMIT, suggestionIndex, type SearchableActor } from "./actor-search";

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

describe("matchingSuggestions", () => {
  const index = suggestionIndex(actors);

  it("offers names starting with the query before names containing it, ignoring case", () => {
    expect(matchingSuggestions(index, "isl").map((s) => s.value)).toEqual(["Islamic State", "Islamic State of Iraq", "Islamic State of Iraq and al-Sham"]);
    expect(matchingSuggestions(index, "assad").map((s) => s.value)).toEqual(["Bashar al-Assad", "Hafez al-Assad"]);
    expect(matchingSuggestions(index, "a").slice(0, 2).map((s) => s.value)).toEqual(["Abu al-Qa’qa", "al-Qaeda in Iraq"]);
  });

  it("offers nothing before anything is typed, and never more than the limit", () => {
    expect(matchingSuggestions(index, " ")).toEqual([]);
    const many: SearchableActor[] = Array.from({ length: 500 }, (_, i) => ({ id: `a${i}`, name: `Actor ${i}`, short: null, aliases: [], names: [] }));
    expect(matchingSuggestions(suggestionIndex(many), "actor")).toHaveLength(SUGGESTION_LIMIT);
    expect(matchingSuggestions(suggestionIndex(many), "actor", 3).map((s) => s.actorId)).toHaveLength(3);
  });

  it("knows every name, not only the offered ones, for a pick from the list", () => {
    expect(index.byValue.get("ISI")?.actorId).toBe("islamic-state");
  });
});
