import { describe, expect, it } from "vitest";
import { foldText, matchesQuery, nextSort, sortRows, type SortState } from "./table-sort";

interface Row {
  id: string;
  name: string;
  count: number | null;
  first: string | null;
}

const rows: Row[] = [
  { id: "a", name: "Syria", count: 3, first: "2003-01-01" },
  { id: "b", name: "al-Qaeda in Iraq", count: null, first: null },
  { id: "c", name: "Ba'ath Party", count: 10, first: "1999-06-01" },
  { id: "d", name: "Al-Qaeda", count: 3, first: "2003-01-01" },
  { id: "e", name: "Unit 2", count: 1, first: null },
  { id: "f", name: "Unit 10", count: 3, first: "2011-03-15" },
];

type Key = "name" | "count" | "first";
const value = (r: Row, key: Key) => r[key];
const ids = (sort: SortState<Key>, list: Row[] = rows) => sortRows(list, sort, value).map((r) => r.id);

describe("sortRows", () => {
  it("sorts strings ignoring case and comparing embedded numbers as numbers", () => {
    // "Al-Qaeda" and "al-Qaeda in Iraq" differ only in case at the start; "Unit 2" before "Unit 10".
    expect(ids({ key: "name", dir: "asc" })).toEqual(["d", "b", "c", "a", "e", "f"]);
    expect(ids({ key: "name", dir: "desc" })).toEqual(["f", "e", "a", "c", "b", "d"]);
  });

  it("sorts numbers numerically, ties keeping their order in both directions", () => {
    expect(ids({ key: "count", dir: "asc" })).toEqual(["e", "a", "d", "f", "c", "b"]);
    expect(ids({ key: "count", dir: "desc" })).toEqual(["c", "a", "d", "f", "e", "b"]);
  });

  it("puts missing values last whichever the direction, in their original order", () => {
    expect(ids({ key: "first", dir: "asc" })).toEqual(["c", "a", "d", "f", "b", "e"]);
    expect(ids({ key: "first", dir: "desc" })).toEqual(["f", "a", "d", "c", "b", "e"]);
  });

  it("treats NaN as missing", () => {
    const list: Row[] = [
      { id: "x", name: "x", count: Number.NaN, first: null },
      { id: "y", name: "y", count: 2, first: null },
      { id: "z", name: "z", count: 1, first: null },
    ];
    expect(ids({ key: "count", dir: "asc" }, list)).toEqual(["z", "y", "x"]);
    expect(ids({ key: "count", dir: "desc" }, list)).toEqual(["y", "z", "x"]);
  });

  it("returns a new array and leaves the input alone", () => {
    const copy = [...rows];
    const sorted = sortRows(rows, { key: "name", dir: "asc" }, value);
    expect(sorted).not.toBe(rows);
    expect(rows).toEqual(copy);
  });

  it("handles empty and single-row lists", () => {
    expect(ids({ key: "name", dir: "asc" }, [])).toEqual([]);
    expect(ids({ key: "count", dir: "desc" }, [rows[0]!])).toEqual(["a"]);
  });
});

describe("nextSort", () => {
  const numeric = new Set<Key>(["count"]);

  it("flips the direction when the same column is clicked again", () => {
    expect(nextSort<Key>({ key: "name", dir: "asc" }, "name")).toEqual({ key: "name", dir: "desc" });
    expect(nextSort<Key>({ key: "name", dir: "desc" }, "name")).toEqual({ key: "name", dir: "asc" });
    expect(nextSort<Key>({ key: "count", dir: "desc" }, "count", numeric)).toEqual({ key: "count", dir: "asc" });
  });

  it("starts a new column ascending, or descending for a numeric one", () => {
    expect(nextSort<Key>({ key: "count", dir: "desc" }, "name", numeric)).toEqual({ key: "name", dir: "asc" });
    expect(nextSort<Key>({ key: "name", dir: "asc" }, "count", numeric)).toEqual({ key: "count", dir: "desc" });
    expect(nextSort<Key>({ key: "name", dir: "asc" }, "count")).toEqual({ key: "count", dir: "asc" });
  });
});

describe("matchesQuery", () => {
  const texts = ["Abu al-Qa’qa", "Facilitation of fighters", null, undefined, "Syrian intelligence", "Rosen 2008, p. 12"];

  it("matches everything for an empty or blank query", () => {
    expect(matchesQuery(texts, "")).toBe(true);
    expect(matchesQuery(texts, "   ")).toBe(true);
    expect(matchesQuery([], "")).toBe(true);
  });

  it("ignores case, accents and apostrophe forms", () => {
    expect(matchesQuery(texts, "SYRIAN")).toBe(true);
    expect(matchesQuery(texts, "qaqa")).toBe(true);
    expect(matchesQuery(texts, "Qa'qa")).toBe(true);
    expect(matchesQuery(["Bāb al-Hawā"], "bab al-hawa")).toBe(true);
    expect(matchesQuery(["Bab al-Hawa"], "Bāb")).toBe(true);
  });

  it("needs every word somewhere, in any text and any order", () => {
    expect(matchesQuery(texts, "fighters abu")).toBe(true);
    expect(matchesQuery(texts, "rosen 2008")).toBe(true);
    expect(matchesQuery(texts, "fighters hezbollah")).toBe(false);
    expect(matchesQuery([null, undefined], "x")).toBe(false);
  });

  it("matches parts of words", () => {
    expect(matchesQuery(texts, "intel facil")).toBe(true);
  });
});

describe("foldText", () => {
  it("lowers case and drops accents and apostrophes", () => {
    expect(foldText("Ḥizb al-Baʿth’s")).toBe("hizb al-baths");
  });
});
