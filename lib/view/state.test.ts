import { describe, expect, it } from "vitest";
import {
  DEFAULT_VIEW,
  NO_FILTERS,
  clampDate,
  compareBase,
  currentDate,
  effectiveView,
  encodeViewState,
  endedBefore,
  graphQuery,
  leaveTool,
  parseViewState,
  sliderDates,
  stepDate,
  toggleFilter,
  windowStart,
  type ViewState,
} from "./state";

const bounds = { first: "1979-01-01", last: "2015-12-31" };
const view = (over: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...over });

describe("the date on the slider", () => {
  it("steps by the date's own precision and stops at the dataset's ends", () => {
    expect(stepDate("2009", 1, bounds)).toBe("2010");
    expect(stepDate("2009-12", 1, bounds)).toBe("2010-01");
    expect(stepDate("2009-01", -1, bounds)).toBe("2008-12");
    expect(stepDate("2009-08", 1, bounds, "year")).toBe("2010-08");
    expect(stepDate("2015", 1, bounds)).toBe("2015");
    expect(stepDate("1979-01", -1, bounds)).toBe("1979-01");
    expect(stepDate("2014-06", 24, bounds)).toBe("2015-12");
  });

  it("clamps a linked date to the data and defaults to 2003", () => {
    expect(clampDate("1950", bounds)).toBe("1979");
    expect(clampDate("2030-05", bounds)).toBe("2015-12");
    expect(currentDate(DEFAULT_VIEW, bounds)).toBe("2003");
    expect(currentDate(DEFAULT_VIEW, { first: "2010-03-01", last: "2012-01-01" })).toBe("2010");
  });

  it("lists every slider position at year and month precision", () => {
    expect(sliderDates(bounds, "year")).toHaveLength(2015 - 1979 + 1);
    const months = sliderDates({ first: "2008-11-20", last: "2009-02-01" }, "month");
    expect(months).toEqual(["2008-11", "2008-12", "2009-01", "2009-02"]);
  });
});

describe("the graph query for a view", () => {
  it("asks for the date, everything up to it, or the window", () => {
    expect(graphQuery(view({ date: "2009" }), bounds).toString()).toBe("at=2009");
    expect(graphQuery(view({ date: "2009-08", mode: "upto" }), bounds).toString()).toBe("to=2009-08");
    expect(graphQuery(view({ date: "2009", mode: "window", from: "2004" }), bounds).toString()).toBe("from=2004&to=2009");
  });

  it("gives a window five years long when its start is missing or after its end", () => {
    expect(windowStart(view({ date: "2009", mode: "window" }), bounds)).toBe("2004");
    expect(windowStart(view({ date: "2009", mode: "window", from: "2012" }), bounds)).toBe("2004");
    expect(windowStart(view({ date: "1981", mode: "window" }), bounds)).toBe("1979");
  });

  it("counts relationships as ended when their last possible day is before the date's first", () => {
    expect(endedBefore(view({ date: "2009-08", mode: "upto" }), bounds)).toBe("2009-08-01");
  });
});

describe("filters", () => {
  it("turns values off and on, and back to no filter when all are on", () => {
    const off = toggleFilter(NO_FILTERS, "polarities", "hostile");
    expect(off.polarities).toEqual(["cooperative", "neutral"]);
    expect(toggleFilter(off, "polarities", "hostile").polarities).toBeNull();
  });
});

describe("the URL", () => {
  it("leaves defaults out", () => {
    expect(encodeViewState(DEFAULT_VIEW)).toBe("");
  });

  it("round-trips every part of a view", () => {
    const v = view({
      date: "2009-08",
      mode: "window",
      from: "2004",
      filters: { types: ["support", "facilitation"], polarities: null, certainties: ["documented", "reported"], kinds: [] },
      selection: { kind: "relationship", id: "syria-facilitates-aqi" },
      focus: "assad-government",
      triangle: true,
    });
    const query = encodeViewState(v);
    expect(query).toBe(
      "date=2009-08&mode=window&from=2004&type=support,facilitation&certainty=documented,reported&kind=&sel=relationship:syria-facilitates-aqi&focus=assad-government&triangle=1",
    );
    const back = parseViewState(new URLSearchParams(query));
    expect(back.problems).toEqual([]);
    expect(back.state).toEqual(v);
  });

  it("reads Next's searchParams object as well as URLSearchParams", () => {
    const { state } = parseViewState({ date: "2005", type: ["support", "trade"], sel: "actor:iran" });
    expect(state.date).toBe("2005");
    expect(state.filters.types).toEqual(["support", "trade"]);
    expect(state.selection).toEqual({ kind: "actor", id: "iran" });
  });

  it("reports what it cannot read and shows the default for it", () => {
    const { state, problems } = parseViewState(new URLSearchParams("date=2009-08-19&mode=sideways&type=hugs&sel=person:x&triangle=yes&focus=Not A Slug"));
    expect(state).toEqual(DEFAULT_VIEW);
    expect(problems.map((p) => p.param)).toEqual(["date", "mode", "type", "sel", "focus", "triangle"]);
    expect(problems[0]).toEqual({ param: "date", value: "2009-08-19", expected: "a year or a month, written YYYY or YYYY-MM" });
  });

  it("keeps the known values of a list with unknown ones in it", () => {
    const { state, problems } = parseViewState(new URLSearchParams("polarity=hostile,sideways"));
    expect(state.filters.polarities).toEqual(["hostile"]);
    expect(problems).toHaveLength(1);
  });

  it("writes equal views as equal URLs whatever the order of the filter values", () => {
    const a = parseViewState(new URLSearchParams("certainty=reported,documented")).state;
    const b = parseViewState(new URLSearchParams("certainty=documented,reported")).state;
    expect(encodeViewState(a)).toBe(encodeViewState(b));
  });
});

describe("the reading tools in the URL", () => {
  it("reads and writes the story step, the comparison, the path query, node size and the table", () => {
    const parsed = parseViewState(new URLSearchParams("date=2014&tool=compare&base=2007&size=betweenness&show=table"));
    expect(parsed.problems).toEqual([]);
    expect(parsed.state).toMatchObject({ date: "2014", tool: "compare", base: "2007", size: "betweenness", display: "table" });
    expect(encodeViewState(parsed.state)).toBe("date=2014&tool=compare&base=2007&size=betweenness&show=table");

    const paths = parseViewState(new URLSearchParams("date=2009&tool=paths&source=syrian-intelligence&target=islamic-state&cooperative=1&directed=0"));
    expect(paths.state.path).toEqual({ from: "syrian-intelligence", to: "islamic-state", cooperative: true, directed: false });
    expect(encodeViewState(paths.state)).toBe("date=2009&tool=paths&source=syrian-intelligence&target=islamic-state&cooperative=1");
  });

  it("keeps only the open tool's parameters in a link", () => {
    const state = view({ date: "2009", tool: "brokers", base: "2001", path: { from: "a", to: "b", cooperative: true, directed: true } });
    expect(encodeViewState(state)).toBe("date=2009&tool=brokers");
  });

  it("names a story step's link by the step alone, and reports what it cannot read", () => {
    const state = view({ date: "2009", mode: "upto", filters: { ...NO_FILTERS, types: [] }, tool: "story", step: "zabadani-2009", selection: { kind: "actor", id: "iran" } });
    expect(encodeViewState(state)).toBe("tool=story&step=zabadani-2009&sel=actor:iran");
    const bad = parseViewState(new URLSearchParams("tool=map&step=Not A Slug&base=2009-08-19&size=fame&show=list&cooperative=yes"));
    expect(bad.problems.map((p) => p.param)).toEqual(["tool", "step", "base", "cooperative", "size", "show"]);
    expect(bad.state).toMatchObject({ tool: null, step: null, base: null, size: null, display: "graph" });
  });

  it("lets the story step set the date, window and filters, and leaving keeps that view", () => {
    const state = view({ date: "2001", filters: { ...NO_FILTERS, types: ["support"] }, focus: "iran", triangle: true, tool: "story", step: "s" });
    const inStory = effectiveView(state, { id: "s", date: "2009", from: "2005" });
    expect(inStory).toMatchObject({ date: "2009", mode: "window", from: "2005", filters: NO_FILTERS, focus: null, triangle: false });
    expect(leaveTool(inStory)).toMatchObject({ date: "2009", mode: "window", from: "2005", tool: null, step: null });
    expect(effectiveView(view({ date: "2014", mode: "upto", tool: "compare" }), null).mode).toBe("at");
  });

  it("compares with seven years before by default, or the chosen date clamped to the data", () => {
    expect(compareBase(view({ date: "2014", tool: "compare" }), bounds)).toBe("2007");
    expect(compareBase(view({ date: "1982", tool: "compare" }), bounds)).toBe("1979");
    expect(compareBase(view({ date: "2014", tool: "compare", base: "1900" }), bounds)).toBe("1979");
  });
});
