import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDatasetDir } from "./files";
import { datasetToRows } from "./rows";

const mini = () => readDatasetDir(path.resolve("test/fixtures/mini"));

describe("datasetToRows", () => {
  it("gives citations ids that stay unique when a relationship and an event share an id", () => {
    const d = mini();
    d.events[0]!.id = d.relationships[0]!.id;
    const ids = datasetToRows(d).citations.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("takes the type's polarity unless the entry sets one, and derives spans", () => {
    const d = mini();
    d.relationships[0]!.polarity = "hostile";
    const rows = datasetToRows(d).relationships;
    expect(rows.map((r) => [r.id, r.polarity, r.spanStart, r.spanEnd])).toEqual([
      ["service-part-of-state", "hostile", null, null],
      ["b-cooperates-with-a", "cooperative", "2001-01-01", "2005-12-31"],
      ["a-meets-x-2009", "cooperative", "2009-01-01", "2009-12-31"],
      ["x-attacks-a", "hostile", "2014-08-01", null],
    ]);
  });
});
