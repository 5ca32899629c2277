import "server-only";
/**
 * The dates an export writes of each relationship (its two bounds for the API and its span's label),
 * computed once per distinct date rather than once per relationship: a store of 100,000
 * relationships holds a few thousand distinct bounds, and parsing and formatting each again showed
 * as a tenth of a whole-store export. The objects are shared between edges, so writers only read them.
 */
import type { ApiDateBound } from "../../api/types";
import { boundOf, formatSpan, type DateBound } from "../../model/dates";
import { toApiBound } from "./serialize";

export interface ExportBound {
  bound: DateBound;
  api: ApiDateBound;
}

/**
 * A stored date and its qualifier as one text, `date|qualifier` (the qualifier empty when null), or
 * null for an open side: SQL that reads it so (readEvidence), and the same in JavaScript. One string
 * and one lookup a side instead of two: an export reads two sides of 100,000 relationships.
 */
export const storedBoundSql = (date: string, qualifier: string) => `${date} || '|' || COALESCE(${qualifier}, '')`;
export const storedBound = (date: string | null, qualifier: string | null) => (date === null ? null : `${date}|${qualifier ?? ""}`);

export interface ExportDates {
  /** The bound of a stored date and qualifier read as one text (storedBound); null for an open side. */
  bound(stored: string | null): ExportBound | null;
  /** formatSpan of two bounds this gave. */
  spanLabel(start: ExportBound | null, end: ExportBound | null): string;
}

/**
 * formatSpan's text, from each bound's label (formatBound's, kept in its API form) rather than
 * formatting both dates again: at 100,000 relationships most pairs of bounds are new, where each
 * bound is one of a few thousand. export-dates.test.ts holds it equal to formatSpan for every pair.
 */
function spanOfLabels(start: ExportBound | null, end: ExportBound | null): string {
  if (!start || !end) return formatSpan(start?.bound ?? null, end?.bound ?? null);
  if (start.bound.date === end.bound.date && start.bound.qualifier === end.bound.qualifier) return start.api.label;
  return `${start.api.label} – ${end.api.label}`;
}

export function exportDates(): ExportDates {
  const bounds = new Map<string, ExportBound>();
  const OPEN = {};
  const labels = new Map<object, Map<object, string>>();
  return {
    bound(stored) {
      if (stored === null) return null;
      let b = bounds.get(stored);
      if (!b) {
        // Dates are YYYY, YYYY-MM or YYYY-MM-DD: the first bar ends the date.
        const bar = stored.indexOf("|");
        const bound = boundOf(stored.slice(0, bar), stored.slice(bar + 1) || null)!;
        bounds.set(stored, (b = { bound, api: toApiBound(bound)! }));
      }
      return b;
    },
    spanLabel(start, end) {
      const s = start ?? OPEN;
      const e = end ?? OPEN;
      let byEnd = labels.get(s);
      if (!byEnd) labels.set(s, (byEnd = new Map()));
      let label = byEnd.get(e);
      if (label === undefined) byEnd.set(e, (label = spanOfLabels(start, end)));
      return label;
    },
  };
}
