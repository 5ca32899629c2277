/**
 * Which /api/graph answers a view is drawn from: its own window's, at one date the previous step's
 * (for the step's marks), and when comparing the earlier date's. Plain TypeScript, not a client
 * module, so the server page can name the first view's graphs for the browser to fetch while the
 * scripts load (app/page.tsx), and the hooks ask for the very same URLs.
 */
import { compareBase, currentDate, graphQuery, stepDate, type DateBounds, type ViewState } from "@/lib/view/state";

/**
 * The previous step's graph, for the step's marks: only at one date (not up to it or in a window),
 * and not while comparing or in the story, which mark their own. Null without marks or at the first step.
 */
export function previousStepQuery(view: ViewState, date: string, bounds: DateBounds): { date: string; query: URLSearchParams } | null {
  if (view.mode !== "at" || view.tool === "compare" || view.tool === "story") return null;
  const previous = stepDate(date, -1, bounds);
  return previous === date ? null : { date: previous, query: graphQuery({ ...view, date: previous }, bounds) };
}

/** The comparison's earlier date's graph (the whole date, as the comparison reads it). */
export function compareQuery(view: ViewState, bounds: DateBounds): URLSearchParams | null {
  return view.tool === "compare" ? new URLSearchParams({ at: compareBase(view, bounds) }) : null;
}

/**
 * Every graph the view needs before it is drawn. A view in the story is left out: its date is the
 * step's, known only once the story is read.
 */
export function viewGraphQueries(view: ViewState, bounds: DateBounds): URLSearchParams[] {
  if (view.tool === "story") return [];
  const own = graphQuery(view, bounds);
  const previous = previousStepQuery(view, currentDate(view, bounds), bounds);
  const base = compareQuery(view, bounds);
  return [own, ...(previous ? [previous.query] : []), ...(base ? [base] : [])];
}
