/**
 * Partial dates and spans: the one place that decides what "2003", "by 2007" or "at least until
 * 2005" mean. Everything else (seed loader, queries, routes, UI) calls these functions.
 *
 * A partial date is written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; its precision follows from its form.
 * It stands for the whole period it names: "2003" is 2003-01-01 .. 2003-12-31.
 * A span has a start and an end, each a partial date with a qualifier, or null for an open end.
 * A span is *active* in a window when it may have held at some moment of it:
 *   earliest possible start <= window's last day  and  latest possible end >= window's first day.
 * Qualifiers are kept for display and do not move those bounds: the evidence is dated to the period
 * written, and the data makes no claim outside it ("at least until 2005" is shown through 2005 only).
 */

export type Precision = "year" | "month" | "day";

/** Qualifiers allowed on a start and on an end. "exact" means "within the period as written". */
export const START_QUALIFIERS = ["exact", "circa", "by", "after"] as const;
export const END_QUALIFIERS = ["exact", "circa", "by", "at-least"] as const;
export type StartQualifier = (typeof START_QUALIFIERS)[number];
export type EndQualifier = (typeof END_QUALIFIERS)[number];
export type Qualifier = StartQualifier | EndQualifier;

export interface DateBound<Q extends Qualifier = Qualifier> {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string;
  qualifier: Q;
}

/** An ISO day, `YYYY-MM-DD`; such strings sort in date order. */
export type IsoDay = string;

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export const PARTIAL_DATE_HINT = "a date written YYYY, YYYY-MM or YYYY-MM-DD (for example 2009, 2009-08 or 2009-08-19)";

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export interface ParsedDate {
  date: string;
  precision: Precision;
  year: number;
  month?: number;
  day?: number;
}

/** Parses a partial date; returns null when the text is not one or names no real day or month. */
export function parsePartialDate(text: string): ParsedDate | null {
  const m = PARTIAL_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1) return null;
  if (m[2] === undefined) return { date: text, precision: "year", year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { date: text, precision: "month", year, month };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { date: text, precision: "day", year, month, day };
}

export function isPartialDate(text: string): boolean {
  return parsePartialDate(text) !== null;
}

export function precisionOf(text: string): Precision {
  const parsed = parsePartialDate(text);
  if (!parsed) throw new RangeError(`not a partial date: ${JSON.stringify(text)}`);
  return parsed.precision;
}

/** The first and last day of the period a partial date names. */
export function periodOf(text: string): { first: IsoDay; last: IsoDay } {
  const p = parsePartialDate(text);
  if (!p) throw new RangeError(`not a partial date: ${JSON.stringify(text)}`);
  const y = pad(p.year, 4);
  if (p.month === undefined) return { first: `${y}-01-01`, last: `${y}-12-31` };
  const m = pad(p.month);
  if (p.day === undefined) return { first: `${y}-${m}-01`, last: `${y}-${m}-${pad(daysInMonth(p.year, p.month))}` };
  return { first: text, last: text };
}

/**
 * The bounds stored beside a span for indexed queries: the earliest day it may start and the latest
 * day it may end (null where open). An event with no end lasts the period of its start.
 */
export function spanBounds(start: DateBound | null, end: DateBound | null, opts: { endDefaultsToStart?: boolean } = {}) {
  const spanStart = start ? periodOf(start.date).first : null;
  const endDate = end ?? (opts.endDefaultsToStart ? start : null);
  const spanEnd = endDate ? periodOf(endDate.date).last : null;
  return { spanStart, spanEnd };
}

/** A bound from its stored columns (date as written, qualifier); null for an open end. */
export function boundOf(date: string | null, qualifier: string | null): DateBound | null {
  return date === null ? null : { date, qualifier: (qualifier ?? "exact") as Qualifier };
}

/** True when the end's period lies wholly before the start's period, which no span can do. */
export function endsBeforeStart(start: DateBound | null, end: DateBound | null): boolean {
  if (!start || !end) return false;
  return periodOf(end.date).last < periodOf(start.date).first;
}

/** A query window: inclusive first and last days, either open (null). */
export interface Window {
  first: IsoDay | null;
  last: IsoDay | null;
}

/** `at=D` is the window of D's whole period; `from`/`to` run from the first day of one to the last of the other. */
export function windowOf(q: { at?: string; from?: string; to?: string }): Window {
  if (q.at !== undefined) {
    const { first, last } = periodOf(q.at);
    return { first, last };
  }
  return {
    first: q.from !== undefined ? periodOf(q.from).first : null,
    last: q.to !== undefined ? periodOf(q.to).last : null,
  };
}

/** The one rule for "active": the span may have held at some moment of the window. */
export function overlaps(span: { spanStart: IsoDay | null; spanEnd: IsoDay | null }, w: Window): boolean {
  const startsInTime = span.spanStart === null || w.last === null || span.spanStart <= w.last;
  const lastsLongEnough = span.spanEnd === null || w.first === null || span.spanEnd >= w.first;
  return startsInTime && lastsLongEnough;
}

/**
 * The same rule as a Prisma `where` fragment over `spanStart`/`spanEnd` columns, so the database
 * and `overlaps` can never disagree. `openEnds: false` for tables whose spans are never open
 * (events), where Prisma refuses a null test on a required column.
 */
export function overlapWhere(w: Window, { openEnds = true }: { openEnds?: boolean } = {}) {
  const and: object[] = [];
  const within = (column: "spanStart" | "spanEnd", test: object) => (openEnds ? { OR: [{ [column]: null }, { [column]: test }] } : { [column]: test });
  if (w.last !== null) and.push(within("spanStart", { lte: w.last }));
  if (w.first !== null) and.push(within("spanEnd", { gte: w.first }));
  return { AND: and };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2009", "August 2009", "19 August 2009". */
export function formatPartialDate(text: string): string {
  const p = parsePartialDate(text);
  if (!p) return text;
  if (p.month === undefined) return String(p.year);
  const month = MONTHS[p.month - 1] ?? "";
  if (p.day === undefined) return `${month} ${p.year}`;
  return `${p.day} ${month} ${p.year}`;
}

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: "",
  circa: "c. ",
  by: "by ",
  after: "after ",
  "at-least": "at least ",
};

export function formatBound(bound: DateBound | null): string {
  if (!bound) return "";
  return `${QUALIFIER_WORDS[bound.qualifier]}${formatPartialDate(bound.date)}`;
}

/** "2003 – at least 2005", "by 2007 – open", "until 2000" for a span with no known start. */
export function formatSpan(start: DateBound | null, end: DateBound | null): string {
  if (!start && !end) return "throughout (no dates given)";
  if (!start) return end!.qualifier === "by" ? `ended ${formatBound(end)}` : `until ${formatBound(end)}`;
  if (!end) return `${formatBound(start)} – open`;
  if (start.date === end.date && start.qualifier === end.qualifier) return formatBound(start);
  return `${formatBound(start)} – ${formatBound(end)}`;
}

/** An event: a one-off shows its date alone, one that lasts shows its span. */
export function formatOccurrence(start: DateBound, end: DateBound | null): string {
  return end ? formatSpan(start, end) : formatBound(start);
}

/** The year and month keys a partial date counts under in the timeline; month only when it is known. */
export function timelineKeys(text: string): { year: string; month: string | null } {
  const p = parsePartialDate(text);
  if (!p) throw new RangeError(`not a partial date: ${JSON.stringify(text)}`);
  return { year: pad(p.year, 4), month: p.month === undefined ? null : `${pad(p.year, 4)}-${pad(p.month)}` };
}

/** The steps a time slider moves by. */
export type StepPrecision = "year" | "month";

/** The same moment at another precision: "2009-08" by year is "2009"; "2009" by month is "2009-01". */
export function atPrecision(text: string, precision: StepPrecision): string {
  const p = parsePartialDate(text);
  if (!p) throw new RangeError(`not a partial date: ${JSON.stringify(text)}`);
  if (precision === "year") return pad(p.year, 4);
  return `${pad(p.year, 4)}-${pad(p.month ?? 1)}`;
}

/** The year or month n steps after a `YYYY` or `YYYY-MM` date (n may be negative). */
export function shiftPeriod(text: string, n: number): string {
  const p = parsePartialDate(text);
  if (!p || p.precision === "day") throw new RangeError(`not a year or month: ${JSON.stringify(text)}`);
  if (p.month === undefined) return pad(p.year + n, 4);
  const index = p.year * 12 + (p.month - 1) + n;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** Every year (or month) whose period touches the days first..last, in order. */
export function periodsBetween(first: IsoDay, last: IsoDay, precision: StepPrecision): string[] {
  const out: string[] = [];
  const end = atPrecision(last, precision);
  for (let d = atPrecision(first, precision); d <= end; d = shiftPeriod(d, 1)) out.push(d);
  return out;
}
