/**
 * Sorting and filtering the explorer's tables: which column orders the rows and which way, what
 * clicking a column header does, and whether a row matches the words typed in the filter box.
 * Pure, tested without a browser.
 */

export type SortDir = "asc" | "desc";

export interface SortState<K extends string> {
  key: K;
  dir: SortDir;
}

/** The same comparison as `a.localeCompare(b, "en", { sensitivity: "base", numeric: true })`, built once. */
const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

type Value = string | number | null;

const isMissing = (v: Value): v is null => v === null || (typeof v === "number" && Number.isNaN(v));

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  return collator.compare(String(a), String(b));
}

/**
 * The rows ordered by one column. Stable: rows that tie keep their order, in both directions, so
 * callers get a tie-break by passing rows already in a sensible order. Missing values (null, NaN)
 * go last whichever way the column is sorted. Returns a new array.
 */
export function sortRows<T, K extends string>(rows: T[], sort: SortState<K>, value: (row: T, key: K) => Value): T[] {
  const sign = sort.dir === "asc" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, v: value(row, sort.key) }))
    .sort((x, y) => {
      const xMissing = isMissing(x.v);
      const yMissing = isMissing(y.v);
      if (xMissing || yMissing) return xMissing === yMissing ? x.index - y.index : xMissing ? 1 : -1;
      return sign * compareValues(x.v as string | number, y.v as string | number) || x.index - y.index;
    })
    .map((entry) => entry.row);
}

/**
 * The sort after clicking a column header: the column already sorted flips direction; another one
 * starts ascending, or descending if it is one of `numericKeys` (counts and measures, where the
 * largest are what a reader looks for first).
 */
export function nextSort<K extends string>(current: SortState<K>, key: K, numericKeys?: ReadonlySet<K>): SortState<K> {
  if (current.key === key) return { key, dir: current.dir === "asc" ? "desc" : "asc" };
  return { key, dir: numericKeys?.has(key) ? "desc" : "asc" };
}

/** Lower case, without accents and apostrophes: "Abu al-Qa’qa" → "abu al-qaqa". */
export function foldText(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[‘’'`´ʻʼʽʾʿ]/g, "")
    .toLowerCase();
}

/**
 * Whether a row whose cells read `texts` matches a filter query: every word of the query, ignoring
 * case, accents and apostrophes, occurs in one of the texts (not necessarily the same one). An
 * empty query matches everything.
 */
export function matchesQuery(texts: (string | null | undefined)[], query: string): boolean {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const folded = texts.flatMap((t) => (t ? [foldText(t)] : []));
  return words.every((w) => folded.some((t) => t.includes(w)));
}
