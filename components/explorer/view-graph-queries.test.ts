/**
 * The graphs the server page names for the browser to fetch are the ones the explorer's hooks then
 * ask for: the view's own, the previous step's at one date, the comparison's earlier date.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW, type ViewState } from "@/lib/view/state";
import { viewGraphQueries } from "./view-graph-queries";

const bounds = { first: "1979-01-01", last: "2015-12-31" };
const view = (edit: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...edit });
const queries = (v: ViewState) => viewGraphQueries(v, bounds).map(String);

describe("viewGraphQueries", () => {
  it("at a date: the date's graph and the previous step's, for the step's marks", () => {
    expect(queries(view({ date: "2003" }))).toEqual(["at=2003", "at=2002"]);
    expect(queries(view({ date: "2009-08", possibly: true }))).toEqual(["at=2009-08&possibly=1", "at=2009-07&possibly=1"]);
  });

  it("without a link's date: the default date's, clamped to the data", () => {
    expect(queries(view({}))).toEqual(["at=2003", "at=2002"]);
    expect(viewGraphQueries(view({}), { first: "2005-01-01", last: "2010-12-31" }).map(String)).toEqual(["at=2005"]);
  });

  it("at the first step, up to a date or in a window: the view's graph alone", () => {
    expect(queries(view({ date: "1979" }))).toEqual(["at=1979"]);
    expect(queries(view({ date: "2009", mode: "upto" }))).toEqual(["to=2009"]);
  });

  it("comparing: the view's graph and the earlier date's, without step marks", () => {
    expect(queries(view({ date: "2014", tool: "compare" }))).toEqual(["at=2014", "at=2007"]);
  });

  it("in the story: none, as the step decides the date", () => {
    expect(queries(view({ tool: "story" }))).toEqual([]);
  });
});
