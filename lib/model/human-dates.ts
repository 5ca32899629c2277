/**
 * Dates as people type them into a spreadsheet or a form ("2009", "Aug 2009", "19/08/2009",
 * "c. 2003", "by 2003", "at least until 2009"), read into the partial date and qualifier of
 * lib/model/dates.ts, or refused with a message that says what to write instead. The one place that
 * reads them: the spreadsheet import and the editing forms both call readHumanDate.
 *
 * Numeric dates with slashes, dots or dashes are read DAY FIRST (19/08/2009 is 19 August 2009, and
 * 08/09/2009 is 8 September 2009), as in most of the world's spreadsheets; a date that only makes
 * sense month first (08/19/2009) is refused with a message saying so. ISO dates (2009-08-19) and
 * dates with a month name are never ambiguous.
 *
 * A question mark ("2003?") is refused rather than guessed at: the data records doubt about a date
 * with a qualifier ("c. 2003") and doubt about the claim with the certainty.
 */
import { parsePartialDate, type DateBound, type EndQualifier, type StartQualifier } from "./dates";

export type DateRole = "start" | "end";

export type HumanDateResult<Q> = { ok: true; bound: DateBound<Q & DateBound["qualifier"]> | null } | { ok: false; message: string };

export const HUMAN_DATE_HINT =
  'write 2009, Aug 2009, 19/08/2009 (day first), 2009-08-19 or 2009-08, optionally after "c.", "by", "after" (a start) or "at least until" (an end); leave it empty when unknown';

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "aug", "aug.", "august", "sept" → 1..12, or null. */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return null;
  if (w === "sept") return 9;
  const i = MONTH_NAMES.findIndex((name) => name === w || name.slice(0, 3) === w);
  return i < 0 ? null : i + 1;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const monthName = (n: number) => MONTH_NAMES[n - 1]![0]!.toUpperCase() + MONTH_NAMES[n - 1]!.slice(1);

/** Qualifier words in front of a date, longest first so "at least until" wins over "at least". */
const PREFIXES: { pattern: RegExp; qualifier: StartQualifier | EndQualifier; only?: DateRole }[] = [
  { pattern: /^(?:at\s+least\s+(?:until|till|to)|until\s+at\s+least|at\s+least)\s+/i, qualifier: "at-least", only: "end" },
  { pattern: /^(?:circa|approximately|approx\.?|about|around|ca\.?|c\.?|~)\s*/i, qualifier: "circa" },
  { pattern: /^(?:by|no\s+later\s+than)\s+/i, qualifier: "by" },
  { pattern: /^after\s+/i, qualifier: "after", only: "start" },
  { pattern: /^(?:from|since)\s+/i, qualifier: "exact", only: "start" },
  { pattern: /^(?:until|till|to)\s+/i, qualifier: "exact", only: "end" },
];

type Body = { date: string } | { refused: string };

/** The date part alone, without qualifier: a partial date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or why not. */
function readBody(text: string): Body | null {
  let m: RegExpExecArray | null;
  const ymd = (y: number, mo?: number, d?: number): Body => {
    const date = mo === undefined ? pad(y, 4) : d === undefined ? `${pad(y, 4)}-${pad(mo)}` : `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
    if (parsePartialDate(date)) return { date };
    if (mo !== undefined && (mo < 1 || mo > 12)) return { refused: `${mo} is not a month` };
    return { refused: `there is no day ${d} in ${monthName(mo ?? 1)} ${y}` };
  };
  if ((m = /^(\d{4})$/.exec(text))) return ymd(Number(m[1]));
  if ((m = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?$/.exec(text))) return ymd(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text))) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo > 12 && d <= 12) {
      return {
        refused:
          `numeric dates are read day first (DD/MM/YYYY), and ${mo} is not a month; ` +
          `for ${monthName(d)} ${mo}, ${y} write ${pad(mo)}/${pad(d)}/${y} or ${y}-${pad(d)}-${pad(mo)}`,
      };
    }
    return ymd(y, mo, d);
  }
  if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(text))) return ymd(Number(m[2]), Number(m[1]));
  // Month names: "Aug 2009", "August 2009", "19 Aug 2009", "Aug 19, 2009".
  if ((m = /^([a-z]+\.?)\s+(\d{4})$/i.exec(text))) {
    const mo = monthNumber(m[1]!);
    return mo === null ? null : ymd(Number(m[2]), mo);
  }
  if ((m = /^(\d{1,2})\s+([a-z]+\.?)\s+(\d{4})$/i.exec(text))) {
    const mo = monthNumber(m[2]!);
    return mo === null ? null : ymd(Number(m[3]), mo, Number(m[1]));
  }
  if ((m = /^([a-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/i.exec(text))) {
    const mo = monthNumber(m[1]!);
    return mo === null ? null : ymd(Number(m[3]), mo, Number(m[2]));
  }
  // Forms we recognise but do not store, each with what to write instead.
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(text)) return { refused: "write the year with four digits (19/08/2009, not 19/08/09)" };
  if (/^\d{3}0s$/.test(text)) return { refused: `a decade is not a date the data holds; write its first year with "c." (c. ${text.slice(0, 4)}) or the years the sources give` };
  if (/^\d{4}\s*(?:-|–|—|to)\s*\d{4}$/.test(text)) return { refused: "one date per cell: put the first year in start and the last in end" };
  if (/^\d{5}$/.test(text)) return { refused: "this looks like a spreadsheet's internal day number; format the column as text or write the date as 2009-08-19" };
  return null;
}

/**
 * Reads one bound of a span: "" is an open end (null). `role` decides which qualifiers are allowed
 * ("after" only on a start, "at least until" only on an end).
 */
export function readHumanDate(input: string, role: "start"): HumanDateResult<StartQualifier>;
export function readHumanDate(input: string, role: "end"): HumanDateResult<EndQualifier>;
export function readHumanDate(input: string, role: DateRole): HumanDateResult<StartQualifier | EndQualifier>;
export function readHumanDate(input: string, role: DateRole): HumanDateResult<StartQualifier | EndQualifier> {
  const text = input.trim().replace(/\s+/g, " ");
  if (text === "") return { ok: true, bound: null };
  const refuse = (why: string) => ({ ok: false as const, message: `cannot read "${text}" as a date: ${why}` });
  if (/\?\s*$/.test(text)) {
    return refuse(`a question mark is not a date; if the date is approximate write "c. ${text.replace(/\s*\?+\s*$/, "")}", and put doubt about the claim in the certainty or a note`);
  }
  let qualifier: StartQualifier | EndQualifier = "exact";
  let rest = text;
  for (const prefix of PREFIXES) {
    const m = prefix.pattern.exec(rest);
    if (!m) continue;
    if (prefix.only && prefix.only !== role) {
      return refuse(
        prefix.only === "end"
          ? `"${m[0].trim()}" belongs to an end date; a start can be "c.", "by" or "after"`
          : `"${m[0].trim()}" belongs to a start date; an end can be "c.", "by" or "at least until"`,
      );
    }
    qualifier = prefix.qualifier;
    rest = rest.slice(m[0].length);
    break;
  }
  const body = readBody(rest);
  if (body === null) return refuse(HUMAN_DATE_HINT);
  if ("refused" in body) return refuse(body.refused);
  return { ok: true, bound: { date: body.date, qualifier } };
}

const QUALIFIER_WORDS: Record<StartQualifier | EndQualifier, string> = {
  exact: "",
  circa: "c. ",
  by: "by ",
  after: "after ",
  "at-least": "at least until ",
};

/** A bound as a person would type it, and as readHumanDate reads it back: "c. Aug 2009", "at least until 2005". */
export function writeHumanDate(bound: DateBound | null): string {
  if (!bound) return "";
  const p = parsePartialDate(bound.date);
  if (!p) return bound.date;
  const date =
    p.month === undefined ? pad(p.year, 4) : p.day === undefined ? `${MONTH_SHORT[p.month - 1]} ${pad(p.year, 4)}` : `${p.day} ${MONTH_SHORT[p.month - 1]} ${pad(p.year, 4)}`;
  return `${QUALIFIER_WORDS[bound.qualifier]}${date}`;
}

/** A source's publication date: a partial date, no qualifier. */
export function readHumanPublicationDate(input: string): { ok: true; date: string | null } | { ok: false; message: string } {
  const result = readHumanDate(input, "start");
  if (!result.ok) return result;
  if (result.bound && result.bound.qualifier !== "exact") {
    return { ok: false, message: `cannot read "${input.trim()}" as a publication date: a work's date takes no qualifier; write the date alone` };
  }
  return { ok: true, date: result.bound?.date ?? null };
}
