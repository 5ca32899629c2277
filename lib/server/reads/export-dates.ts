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

export interface ExportDates {
  /** The bound of a stored date and qualifier; null for an open side. */
  bound(date: string | null, qualifier: string | null): ExportBound | null;
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
  const bounds = new Map<string, Map<string | null, ExportBound>>();
  const OPEN = {};
  const labels = new Map<object, Map<object, string>>();
  return {
    bound(date, qualifier) {
      if (date === null) return null;
      let byQualifier = bounds.get(date);
      if (!byQualifier) bounds.set(date, (byQualifier = new Map()));
      let b = byQualifier.get(qualifier);
      if (!b) {
        const bound = boundOf(date, qualifier)!;
        byQualifier.set(qualifier, (b = { bound, api: toApiBound(bound)! }));
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
