import { describe, expect, it } from "vitest";
import { NO_FILTERS } from "../view/state";
import { exportFileName, exportFileStem, filterLines, periodLabel } from "./context";
import { compareSavedView, readSavedView } from "./saved-view";

const w = (at: string | null, from: string | null = null, to: string | null = null) => ({ at, from, to });

describe("what an export says about itself", () => {
  it("names the period as the explorer does", () => {
    expect(periodLabel(w("2009"))).toBe("2009");
    expect(periodLabel(w("2009-08"))).toBe("August 2009");
    expect(periodLabel(w(null, null, "2009"))).toBe("Up to 2009");
    expect(periodLabel(w(null, "2005", "2009"))).toBe("2005 to 2009");
    expect(periodLabel(w(null))).toBe("All years");
  });

  it("lists active filters in words, and an emptied one as none", () => {
    expect(filterLines(NO_FILTERS)).toEqual([]);
    expect(filterLines({ ...NO_FILTERS, certainties: ["documented", "reported"], types: [] })).toEqual([
      "Relationship types: none",
      "Certainty: Documented, Reported",
    ]);
  });

  it("names files for what they hold, so two different views never share a name", () => {
    const plain = exportFileStem(w("2009"), { filtered: false, focus: null });
    expect(exportFileName(plain, "png")).toBe("assad-baathist-jihadist-2009.png");
    expect(exportFileName(plain, "png", { scale: 2 })).toBe("assad-baathist-jihadist-2009@2x.png");
    expect(exportFileName(plain, "edges-csv")).toBe("assad-baathist-jihadist-2009-relationships.csv");
    expect(exportFileName(plain, "json")).toBe("assad-baathist-jihadist-2009.cyjs");
    expect(exportFileStem(w(null, "2005", "2009-08"), { filtered: true, focus: "islamic-state" })).toBe(
      "assad-baathist-jihadist-2005-to-2009-08-filtered-focus-islamic-state",
    );
    expect(exportFileStem(w(null, null, "2009"), { filtered: false, focus: null })).toBe("assad-baathist-jihadist-up-to-2009");
    expect(exportFileStem(w(null), { filtered: false, focus: null })).toBe("assad-baathist-jihadist-all-years");
  });
});

describe("opening a saved Cytoscape JSON view", () => {
  const file = (over: object = {}) =>
    JSON.stringify({
      generated_by: "actor-network-explorer",
      data: { explorer_query: "date=2009&polarity=hostile", period: "2009" },
      elements: { nodes: [{ data: { id: "b" } }, { data: { id: "a" } }], edges: [{ data: { id: "a-b" } }] },
      ...over,
    });

  it("reads the view and its elements", () => {
    expect(readSavedView(file())).toEqual({ view: { query: "date=2009&polarity=hostile", period: "2009", nodes: ["a", "b"], edges: ["a-b"] } });
  });

  it("refuses what it cannot read, saying why", () => {
    expect(readSavedView("{")).toEqual({ error: "the file is not JSON" });
    expect(readSavedView(file({ generated_by: "Cytoscape 3.10" }))).toEqual({
      error: 'generated_by: expected a file exported by this explorer (generated_by "actor-network-explorer")',
    });
    expect(readSavedView(file({ elements: { nodes: "x", edges: [] } }))).toMatchObject({ error: expect.stringMatching(/^elements\.nodes: /) });
  });

  it("says what the store draws differently from the file", () => {
    const saved = { nodes: ["a", "b"], edges: ["a-b"] };
    expect(compareSavedView(saved, { nodes: ["a", "b"], edges: ["a-b"] })).toEqual({ same: true, missing: [], added: [] });
    expect(compareSavedView(saved, { nodes: ["a", "c"], edges: ["a-c"] })).toEqual({ same: false, missing: ["a-b", "b"], added: ["a-c", "c"] });
  });
});
