import { describe, expect, it } from "vitest";
import type { ApiStoryStep } from "../api/types";
import { diffGraphs } from "../graph/analysis/compare";
import type { AnalysisEdge } from "../graph/analysis/types";
import { pictureNotes, relationshipMarks, type ReadingState } from "./reading-words";
import { DEFAULT_VIEW } from "./state";

const edge = (id: string, source: string, target: string, type: AnalysisEdge["type"] = "support"): AnalysisEdge => ({
  id,
  source,
  target,
  type,
  polarity: type === "hostility" ? "hostile" : "cooperative",
  certainty: "documented",
});
const WORKS: Record<string, string[]> = { gone: ["Felter and Fishman 2007"], old: ["Neumann 2014"], kept: ["Chulov 2014"], fresh: ["Reuter 2015"], turned: ["Reuter 2015"] };
const names: Record<string, string> = { a: "Assad government", b: "Iraqi Baathists", c: "ISI", d: "Iran" };

const state = (over: Partial<ReadingState>): ReadingState => ({
  tool: null,
  step: null,
  stepCount: 15,
  diff: null,
  base: null,
  path: DEFAULT_VIEW.path,
  pathResult: null,
  size: null,
  actorName: (id) => names[id] ?? id,
  worksOf: (id) => WORKS[id] ?? [],
  ...over,
});

const step: ApiStoryStep = {
  id: "zabadani-2007",
  number: 8,
  title: "An insurgent summit at Zabadani",
  date: "2007",
  from: null,
  dateLabel: "2007",
  actors: ["a", "b"],
  relationships: ["kept"],
  caption: "…",
  dataNote: null,
  citations: [{ source: { id: "moubayed", citedAs: "Moubayed 2006", authors: [], date: null, title: "t", outlet: null }, pages: null, note: "n" }],
};

// 2007: a supports b (kept), a aids c (turns hostile by 2014), d backs a (gone). 2014: kept, a fights c, c→b new.
const diff = diffGraphs(
  [edge("kept", "a", "b"), edge("old", "a", "c"), edge("gone", "d", "a")],
  [edge("kept", "a", "b"), edge("turned", "a", "c", "hostility"), edge("fresh", "c", "b")],
);

describe("pictureNotes", () => {
  it("adds nothing when no tool marks the graph", () => {
    expect(pictureNotes(state({}))).toBeNull();
    expect(pictureNotes(state({ tool: "brokers" }))).toBeNull();
  });

  it("names the story step and cites its own works", () => {
    expect(pictureNotes(state({ tool: "story", step }))).toEqual({ notes: ["Story, step 8 of 15: An insurgent summit at Zabadani"], worksCited: ["Moubayed 2006"] });
  });

  it("counts the comparison's changes and cites the works of what is drawn only from the earlier date", () => {
    expect(pictureNotes(state({ tool: "compare", diff, base: "2007" }))).toEqual({
      notes: ["Compared with 2007: 1 appeared, 1 ended, 1 changed (marked)"],
      // "gone" ended and "old" is what the changed pair was; "kept", "fresh" and "turned" are the later date's own.
      worksCited: ["Felter and Fishman 2007", "Neumann 2014"],
    });
  });

  it("says which chains are highlighted, with the options, or that there is none; and the measure that sizes actors", () => {
    const path = { from: "d", to: "c", cooperative: true, directed: false };
    const found = { from: "d", to: "c", hops: 2, paths: [{ actors: ["d", "a", "c"], hops: [] }], truncated: false, nodes: ["a", "c", "d"], edges: ["gone", "old"] };
    expect(pictureNotes(state({ tool: "paths", path, pathResult: found, size: "betweenness" }))?.notes).toEqual([
      "Shortest chains from Iran to ISI: 2 steps, 1 chain highlighted (cooperative relationships only)",
      "Actors sized by betweenness",
    ]);
    expect(pictureNotes(state({ tool: "paths", path: { ...path, directed: true }, pathResult: { ...found, hops: null, paths: [], nodes: [], edges: [] } }))?.notes).toEqual([
      "No chain from Iran to ISI (cooperative relationships only, along the arrows)",
    ]);
  });
});

describe("relationshipMarks", () => {
  it("gives every relationship of either date its change, in the words of the legend", () => {
    const marks = relationshipMarks(state({ tool: "compare", diff }));
    expect(marks?.title).toBe("Between the dates");
    expect(Object.fromEntries(marks!.of)).toEqual({ kept: "Held at both", old: "Changed: before", turned: "Changed: now", gone: "Ended", fresh: "Appeared" });
  });

  it("marks the step's or the chains' relationships as highlighted, and nothing without a tool", () => {
    expect(Object.fromEntries(relationshipMarks(state({ tool: "story", step }))!.of)).toEqual({ kept: "Highlighted" });
    const pathResult = { from: "d", to: "c", hops: 2, paths: [], truncated: false, nodes: [], edges: ["gone", "old"] };
    expect(relationshipMarks(state({ tool: "paths", pathResult }))?.title).toBe("On a chain");
    expect(relationshipMarks(state({}))).toBeNull();
  });
});
