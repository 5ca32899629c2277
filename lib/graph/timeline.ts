/**
 * The slider's track: per-year and per-month counts of relationship starts, ends and events.
 * Pure, so the rule (a date counts in a month only when it is known to the month) is tested alone.
 */
import { periodOf, timelineKeys, type IsoDay } from "../model/dates";
import type { ApiTimeline, TimelineCount } from "../api/types";

export interface TimelineInput {
  relationships: { startDate: string | null; endDate: string | null }[];
  events: { startDate: string; endDate: string | null }[];
}

const zero = (): TimelineCount => ({ relationshipStarts: 0, relationshipEnds: 0, events: 0 });

export function buildTimeline(input: TimelineInput): ApiTimeline | null {
  const years = new Map<string, TimelineCount>();
  const months = new Map<string, TimelineCount>();
  let first: IsoDay | null = null;
  let last: IsoDay | null = null;

  const count = (date: string, key: keyof TimelineCount) => {
    const { year, month } = timelineKeys(date);
    const y = years.get(year) ?? zero();
    y[key] += 1;
    years.set(year, y);
    if (month) {
      const m = months.get(month) ?? zero();
      m[key] += 1;
      months.set(month, m);
    }
  };
  const reach = (date: string | null) => {
    if (date === null) return;
    const p = periodOf(date);
    if (first === null || p.first < first) first = p.first;
    if (last === null || p.last > last) last = p.last;
  };

  for (const r of input.relationships) {
    if (r.startDate) count(r.startDate, "relationshipStarts");
    if (r.endDate) count(r.endDate, "relationshipEnds");
    reach(r.startDate);
    reach(r.endDate);
  }
  for (const e of input.events) {
    count(e.startDate, "events");
    reach(e.startDate);
    reach(e.endDate);
  }
  if (first === null || last === null) return null;

  const firstYear = Number((first as IsoDay).slice(0, 4));
  const lastYear = Number((last as IsoDay).slice(0, 4));
  const denseYears = [];
  for (let y = firstYear; y <= lastYear; y++) {
    const year = String(y).padStart(4, "0");
    denseYears.push({ year, ...(years.get(year) ?? zero()) });
  }
  const sparseMonths = [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, c]) => ({ month, ...c }));
  return { first, last, years: denseYears, months: sparseMonths };
}
