/**
 * What the explorer shows, as plain data: the date and how it is read (mode), the filters, what is
 * selected and focused. The URL holds exactly this, so a copied link reproduces the view and the
 * browser's back and forward move through views. Pure: tested without a browser.
 */
import {
  atPrecision,
  formatPartialDate,
  parsePartialDate,
  periodOf,
  periodsBetween,
  shiftPeriod,
  type IsoDay,
  type StepPrecision,
} from "../model/dates";
import { MEASURES, type MeasureName } from "../graph/analysis/measures";
import { ACTOR_KINDS, CERTAINTIES, POLARITIES, RELATIONSHIP_TYPES, type ActorKind, type Certainty, type Polarity, type RelationshipType } from "../model/vocabulary";

/**
 * - at: what holds at the date (its whole year or month);
 * - upto: everything from the beginning to the date, with what has ended greyed;
 * - window: what holds at some moment between `from` and the date.
 */
export const VIEW_MODES = {
  at: "At this date",
  upto: "Up to this date",
  window: "Between two dates",
} as const;
export type ViewMode = keyof typeof VIEW_MODES;

export const SELECTION_KINDS = ["actor", "relationship", "event"] as const;
export type SelectionKind = (typeof SELECTION_KINDS)[number];
export interface Selection {
  kind: SelectionKind;
  id: string;
}

/**
 * The reading tools of the side panel; each marks the graph in its own way while it is open.
 * - story: the article's argument step by step (the step sets the date and what is highlighted);
 * - compare: what changed between an earlier date and the slider's;
 * - paths: the shortest chains between two actors at the date;
 * - brokers: degree and betweenness of every actor drawn.
 */
export const TOOLS = {
  story: "Story",
  compare: "Compare",
  paths: "Paths",
  brokers: "Brokers",
} as const;
export type Tool = keyof typeof TOOLS;

export const DISPLAYS = { graph: "Graph", table: "Table" } as const;
export type Display = keyof typeof DISPLAYS;

export interface PathQuery {
  from: string | null;
  to: string | null;
  /** Follow only cooperative relationships (support, alliance, facilitation…). */
  cooperative: boolean;
  /** Follow relationships only from their source to their target. */
  directed: boolean;
}

/** Each list holds the values shown; null means all of them (no filter). */
export interface ViewFilters {
  types: RelationshipType[] | null;
  polarities: Polarity[] | null;
  certainties: Certainty[] | null;
  kinds: ActorKind[] | null;
}

export interface ViewState {
  /** `YYYY` or `YYYY-MM`; its precision is the slider's step. Null until chosen: the default date. */
  date: string | null;
  mode: ViewMode;
  /** The start of the window in window mode, `YYYY` or `YYYY-MM`. */
  from: string | null;
  filters: ViewFilters;
  selection: Selection | null;
  /** An actor whose neighbourhood alone is shown. */
  focus: string | null;
  /** Highlight the Assad government, the Iraqi Baathists and the jihadist lineage. */
  triangle: boolean;
  /**
   * "Possibly holding": also draw the relationships whose end is only "at least" a date before the
   * view (they may well go on), apart from what certainly holds. Off: attested only.
   */
  possibly: boolean;
  /** The reading tool open in the side panel. */
  tool: Tool | null;
  /** The story step shown (tool "story"); null opens the story at its first step. */
  step: string | null;
  /** The earlier date compared with the slider's (tool "compare"), YYYY or YYYY-MM. */
  base: string | null;
  path: PathQuery;
  /** Actors drawn larger by a network measure; null: by kind only. */
  size: MeasureName | null;
  display: Display;
}

export const NO_FILTERS: ViewFilters = { types: null, polarities: null, certainties: null, kinds: null };

export const DEFAULT_VIEW: ViewState = {
  date: null,
  mode: "at",
  from: null,
  filters: NO_FILTERS,
  selection: null,
  focus: null,
  triangle: false,
  possibly: false,
  tool: null,
  step: null,
  base: null,
  path: { from: null, to: null, cooperative: false, directed: false },
  size: null,
  display: "graph",
};

/** What a story step sets: its date, and the window when it has one. */
export interface StoryStepView {
  id: string;
  date: string;
  from: string | null;
}

/**
 * The view a reader sees: in the story the step decides the date and window, and shows everything
 * (no filter, no focus, no triangle) so the highlights can be seen; comparing reads both dates "at".
 * Everything else (selection, table or graph, node size) stays the reader's.
 */
export function effectiveView(state: ViewState, step: StoryStepView | null): ViewState {
  if (state.tool === "story" && step) {
    return { ...state, date: step.date, mode: step.from ? "window" : "at", from: step.from, filters: NO_FILTERS, focus: null, triangle: false };
  }
  if (state.tool === "compare") return { ...state, mode: "at" };
  return state;
}

/** Leaves the story (or any tool) for free exploration of the same view. */
export function leaveTool(effective: ViewState): ViewState {
  return { ...effective, tool: null, step: null };
}

/** The earlier date of a comparison: the chosen one, else seven years before the slider's (2014 → 2007). */
export function compareBase(state: ViewState, bounds: DateBounds): string {
  const date = currentDate(state, bounds);
  if (state.base) return clampDate(state.base, bounds);
  return clampDate(shiftPeriod(atPrecision(date, "year"), -7), bounds);
}

/**
 * The date shown when a link names none: 2003, the year of the invasion of Iraq, when the
 * relationships the dataset is about begin to form. Clamped to the data's own span.
 */
export const DEFAULT_DATE = "2003";

/** The dataset's first and last days, from /api/timeline. */
export interface DateBounds {
  first: IsoDay;
  last: IsoDay;
}

// ---- Dates on the slider ----------------------------------------------------------------------

export function stepOf(date: string): StepPrecision {
  return parsePartialDate(date)?.precision === "month" ? "month" : "year";
}

/**
 * A link's date (or window start, or compared date) outside the data's span is reported like any other bad value and
 * dropped for the default, rather than silently moved to the nearest end: `/?date=2030` says so.
 */
export function checkDatesWithin(state: ViewState, bounds: DateBounds): { state: ViewState; problems: UrlProblem[] } {
  const problems: UrlProblem[] = [];
  const span = `a date within the data, ${formatPartialDate(atPrecision(bounds.first, "year"))} to ${formatPartialDate(atPrecision(bounds.last, "year"))}`;
  const next = { ...state };
  for (const param of ["date", "from", "base"] as const) {
    const value = state[param];
    if (value !== null && clampDate(value, bounds) !== value) {
      problems.push({ param, value, expected: span });
      next[param] = null;
    }
  }
  return { state: next, problems };
}

/** Keeps a slider date within the dataset's span, at its own precision. */
export function clampDate(date: string, bounds: DateBounds): string {
  const step = stepOf(date);
  const first = atPrecision(bounds.first, step);
  const last = atPrecision(bounds.last, step);
  return date < first ? first : date > last ? last : date;
}

export function currentDate(state: ViewState, bounds: DateBounds): string {
  return clampDate(state.date ?? DEFAULT_DATE, bounds);
}

/** All the positions of the slider at a precision. */
export function sliderDates(bounds: DateBounds, step: StepPrecision): string[] {
  return periodsBetween(bounds.first, bounds.last, step);
}

/** n steps of the date's own precision, clamped; `unit: "year"` moves a month date by whole years. */
export function stepDate(date: string, n: number, bounds: DateBounds, unit?: StepPrecision): string {
  const step = stepOf(date);
  const by = unit === "year" && step === "month" ? n * 12 : n;
  return clampDate(shiftPeriod(date, by), bounds);
}

/** "2009" or "August 2009". */
export function formatDate(date: string): string {
  return formatPartialDate(date);
}

/** The /api/graph query for the view: at the date, up to it, or from `from` to it. */
export function graphQuery(state: ViewState, bounds: DateBounds): URLSearchParams {
  const date = currentDate(state, bounds);
  const q = state.mode === "at" ? new URLSearchParams({ at: date }) : state.mode === "upto" ? new URLSearchParams({ to: date }) : new URLSearchParams({ from: windowStart(state, bounds), to: date });
  if (state.possibly) q.set("possibly", "1");
  return q;
}

/**
 * The /api/export query for the view: its window, its filters (an empty list hides all of a kind,
 * as on the page) and its focus. Selection and the triangle highlight change the look, not the data.
 */
export function exportQuery(state: ViewState, bounds: DateBounds): URLSearchParams {
  // The exports hold what is attested in the window; "possibly holding" is a way of drawing.
  const q = graphQuery({ ...state, possibly: false }, bounds);
  for (const name of Object.keys(FILTER_PARAMS) as FilterName[]) {
    const list = state.filters[name];
    if (list !== null) q.set(FILTER_PARAMS[name], list.join(","));
  }
  if (state.focus) q.set("focus", state.focus);
  return q;
}

/** The window's start: `from` if it is before the date, else five years before it. */
export function windowStart(state: ViewState, bounds: DateBounds): string {
  const date = currentDate(state, bounds);
  const from = state.from ? clampDate(state.from, bounds) : null;
  if (from && periodOf(from).first <= periodOf(date).last) return from;
  return clampDate(shiftPeriod(atPrecision(date, "year"), -5), bounds);
}

/** The first day of the current date: relationships whose latest end lies before it have ended. */
export function endedBefore(state: ViewState, bounds: DateBounds): IsoDay {
  return periodOf(currentDate(state, bounds)).first;
}

// ---- Filters ----------------------------------------------------------------------------------

export const FILTER_VALUES = {
  types: Object.keys(RELATIONSHIP_TYPES) as RelationshipType[],
  polarities: Object.keys(POLARITIES) as Polarity[],
  certainties: Object.keys(CERTAINTIES) as Certainty[],
  kinds: Object.keys(ACTOR_KINDS) as ActorKind[],
} as const;
export type FilterName = keyof ViewFilters;

type FilterValue<F extends FilterName> = NonNullable<ViewFilters[F]>[number];

export function isShown<F extends FilterName>(filters: ViewFilters, name: F, value: FilterValue<F>): boolean {
  const list = filters[name] as FilterValue<F>[] | null;
  return list === null || list.includes(value);
}

/** Turns one value on or off; a list holding every value becomes null again (no filter). */
export function toggleFilter<F extends FilterName>(filters: ViewFilters, name: F, value: FilterValue<F>): ViewFilters {
  const all = FILTER_VALUES[name] as readonly FilterValue<F>[];
  const current = (filters[name] as FilterValue<F>[] | null) ?? [...all];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const ordered = all.filter((v) => next.includes(v));
  return { ...filters, [name]: ordered.length === all.length ? null : ordered };
}

export function activeFilterCount(filters: ViewFilters): number {
  return (Object.keys(filters) as FilterName[]).filter((k) => filters[k] !== null).length;
}

// ---- The URL ----------------------------------------------------------------------------------

const FILTER_PARAMS: Record<FilterName, string> = { types: "type", polarities: "polarity", certainties: "certainty", kinds: "kind" };
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A URL value the explorer could not use, reported to the reader rather than silently dropped. */
export interface UrlProblem {
  param: string;
  value: string;
  expected: string;
}

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function toSearchParams(params: Params): URLSearchParams {
  if (params instanceof URLSearchParams) return params;
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) out.append(k, one);
  }
  return out;
}

function isSliderDate(text: string): boolean {
  const p = parsePartialDate(text);
  return p !== null && p.precision !== "day";
}

/**
 * Reads a view from a URL's query. Unlike the API, a page does not refuse a bad link: it shows the
 * default for whatever it cannot read and lists the problems so the page can say so.
 */
export function parseViewState(input: Params): { state: ViewState; problems: UrlProblem[] } {
  const params = toSearchParams(input);
  const problems: UrlProblem[] = [];
  const one = (name: string) => params.get(name);
  const bad = (param: string, value: string, expected: string) => problems.push({ param, value, expected });

  const state: ViewState = { ...DEFAULT_VIEW, filters: { ...NO_FILTERS } };

  const date = one("date");
  if (date !== null) {
    if (isSliderDate(date)) state.date = date;
    else bad("date", date, "a year or a month, written YYYY or YYYY-MM");
  }

  const mode = one("mode");
  if (mode !== null) {
    if (mode in VIEW_MODES) state.mode = mode as ViewMode;
    else bad("mode", mode, `one of ${Object.keys(VIEW_MODES).join(", ")}`);
  }

  const from = one("from");
  if (from !== null) {
    if (isSliderDate(from)) state.from = from;
    else bad("from", from, "a year or a month, written YYYY or YYYY-MM");
  }

  for (const name of Object.keys(FILTER_PARAMS) as FilterName[]) {
    const param = FILTER_PARAMS[name];
    const raw = params.getAll(param);
    if (raw.length === 0) continue;
    const allowed = FILTER_VALUES[name] as readonly string[];
    const values = raw.flatMap((v) => v.split(",")).map((v) => v.trim());
    const unknown = values.filter((v) => v !== "" && !allowed.includes(v));
    if (unknown.length) bad(param, unknown.join(","), `values among ${allowed.join(", ")}`);
    const kept = allowed.filter((v) => values.includes(v));
    // An explicitly empty list ("type=") hides everything of that kind; unknown values alone keep all.
    if (kept.length === allowed.length || (kept.length === 0 && unknown.length > 0)) continue;
    (state.filters as Record<FilterName, string[] | null>)[name] = kept;
  }

  const sel = one("sel");
  if (sel !== null) {
    const [kind, id] = sel.split(":", 2);
    if ((SELECTION_KINDS as readonly string[]).includes(kind ?? "") && id && SLUG.test(id)) {
      state.selection = { kind: kind as SelectionKind, id };
    } else bad("sel", sel, "actor:ID, relationship:ID or event:ID");
  }

  const focus = one("focus");
  if (focus !== null) {
    if (SLUG.test(focus)) state.focus = focus;
    else bad("focus", focus, "an actor id");
  }

  const flag = (name: string): boolean | null => {
    const v = one(name);
    if (v === null) return null;
    if (v === "1" || v === "0") return v === "1";
    bad(name, v, "1 or 0");
    return null;
  };
  state.triangle = flag("triangle") ?? false;
  state.possibly = flag("possibly") ?? false;

  const tool = one("tool");
  if (tool !== null) {
    if (tool in TOOLS) state.tool = tool as Tool;
    else bad("tool", tool, `one of ${Object.keys(TOOLS).join(", ")}`);
  }
  const step = one("step");
  if (step !== null) {
    if (SLUG.test(step)) state.step = step;
    else bad("step", step, "the id of a story step");
  }
  const base = one("base");
  if (base !== null) {
    if (isSliderDate(base)) state.base = base;
    else bad("base", base, "a year or a month, written YYYY or YYYY-MM");
  }
  for (const end of ["from", "to"] as const) {
    const param = end === "from" ? "source" : "target";
    const v = one(param);
    if (v === null) continue;
    if (SLUG.test(v)) state.path = { ...state.path, [end]: v };
    else bad(param, v, "an actor id");
  }
  state.path = { ...state.path, cooperative: flag("cooperative") ?? false, directed: flag("directed") ?? false };
  const size = one("size");
  if (size !== null) {
    if (size in MEASURES) state.size = size as MeasureName;
    else bad("size", size, `one of ${Object.keys(MEASURES).join(", ")}`);
  }
  const display = one("show");
  if (display !== null) {
    if (display in DISPLAYS) state.display = display as Display;
    else bad("show", display, `one of ${Object.keys(DISPLAYS).join(", ")}`);
  }

  return { state, problems };
}

/** The query string for a view, defaults left out, in a fixed order so equal views give equal URLs. */
export function encodeViewState(state: ViewState): string {
  const p = new URLSearchParams();
  // A story step's link names the step alone: the step sets the date, window and filters.
  if (state.tool === "story") {
    p.set("tool", "story");
    if (state.step) p.set("step", state.step);
    if (state.selection) p.set("sel", `${state.selection.kind}:${state.selection.id}`);
    if (state.size) p.set("size", state.size);
    if (state.display !== "graph") p.set("show", state.display);
    return p.toString().replaceAll("%3A", ":");
  }
  if (state.date) p.set("date", state.date);
  if (state.mode !== DEFAULT_VIEW.mode) p.set("mode", state.mode);
  if (state.mode === "window" && state.from) p.set("from", state.from);
  for (const name of Object.keys(FILTER_PARAMS) as FilterName[]) {
    const list = state.filters[name];
    if (list !== null) p.set(FILTER_PARAMS[name], list.join(","));
  }
  if (state.selection) p.set("sel", `${state.selection.kind}:${state.selection.id}`);
  if (state.focus) p.set("focus", state.focus);
  if (state.triangle) p.set("triangle", "1");
  if (state.possibly) p.set("possibly", "1");
  if (state.tool) p.set("tool", state.tool);
  if (state.tool === "compare" && state.base) p.set("base", state.base);
  if (state.tool === "paths") {
    if (state.path.from) p.set("source", state.path.from);
    if (state.path.to) p.set("target", state.path.to);
    if (state.path.cooperative) p.set("cooperative", "1");
    if (state.path.directed) p.set("directed", "1");
  }
  if (state.size) p.set("size", state.size);
  if (state.display !== "graph") p.set("show", state.display);
  // Commas are legal in a query and far easier to read in a shared link than %2C.
  return p.toString().replaceAll("%2C", ",").replaceAll("%3A", ":");
}

export function sameView(a: ViewState, b: ViewState): boolean {
  return encodeViewState(a) === encodeViewState(b);
}
