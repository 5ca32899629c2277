/**
 * The pieces of a spreadsheet import that deal with single values: vocabulary terms written as key or
 * label, ids made from labels and from a relationship's ends, how a changed field shows in the
 * preview, and which column of a file a schema's field comes from.
 */
import type { DateBound } from "../model/dates";
import { writeHumanDate } from "../model/human-dates";
import type { EdgeColumn, NodeColumn, SourceColumn } from "./spreadsheet-columns";
import { LIMITS, type Citation } from "./schema";

export type Kind = "actor" | "relationship" | "source";

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** A term of a vocabulary written as its key ("part-of") or its label ("Part of"), in any case. */
export function term<K extends string>(value: string, keys: readonly K[], label: (k: K) => string): K | null {
  const v = value.trim().toLowerCase();
  const dashed = v.replace(/[\s_]+/g, "-");
  return keys.find((k) => k === dashed || label(k).toLowerCase() === v) ?? null;
}
export const listTerms = (keys: readonly string[]) => keys.join(", ");

/** An id from a label: "Abu Musab al-Zarqawi" → "abu-musab-al-zarqawi". */
export function slugOf(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, LIMITS.id)
    .replace(/-+$/, "");
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable suffix for ids that would be too long. */
function hash8(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

/** The id of a relationship given without one: stable in its from, to, type and start, so a re-import finds it again. */
export function derivedRelationshipId(from: string, to: string, type: string, start: DateBound | null): string {
  const full = [from, type, to, start ? start.date : "undated"].join("-");
  if (full.length <= LIMITS.id) return full;
  return `${full.slice(0, LIMITS.id - 9).replace(/-+$/, "")}-${hash8(full)}`;
}

/** "source-a p. 20-21 (Disputes the meeting.)", the note cut short: enough to see which citation changed and how. */
function shownCitation(c: Citation): string {
  const note = c.note.length > 60 ? `${c.note.slice(0, 57)}...` : c.note;
  return `${c.source}${c.pages ? ` p. ${c.pages}` : ""} (${note})`;
}

/** How a field's value shows in a change: dates as people write them, lists joined, citations by source. */
export function shown(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) {
    return value
      .map((v) => (v && typeof v === "object" && "source" in v ? shownCitation(v as Citation) : shown(v)))
      .join("; ");
  }
  if (typeof value === "object" && "date" in value && "qualifier" in value) return writeHumanDate(value as DateBound);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function diff(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
    .map((field) => ({ field, before: shown(before[field]), after: shown(after[field]) }));
}

/** Which column of a file a field of a schema comes from, for naming problems the schemas find. */
const ACTOR_FIELD_COLUMN: Record<string, NodeColumn> = { id: "id", name: "label", kind: "type", description: "description", aliases: "aliases", short: "label" };
const RELATIONSHIP_FIELD_COLUMN: Record<string, EdgeColumn> = {
  id: "id",
  from: "from",
  to: "to",
  type: "type",
  polarity: "polarity",
  certainty: "certainty",
  start: "start",
  end: "end",
  summary: "summary",
  dateNote: "dateNote",
  places: "id",
};
const SOURCE_FIELD_COLUMN: Record<string, SourceColumn> = {
  id: "id",
  citedAs: "citedAs",
  authors: "author",
  date: "date",
  title: "title",
  outlet: "outlet",
  kind: "kind",
  url: "url",
  details: "details",
  notes: "notes",
};

export function columnOf(kind: Kind, path: readonly PropertyKey[]): string {
  const [first, , third] = path.map(String);
  if (kind === "actor") return first === "names" ? (path.map(String).includes("end") ? "end" : "start") : (ACTOR_FIELD_COLUMN[first ?? ""] ?? first ?? "id");
  if (kind === "relationship") return first === "citations" ? (third === "pages" ? "pages" : third === "note" ? "note" : "source") : (RELATIONSHIP_FIELD_COLUMN[first ?? ""] ?? first ?? "id");
  return SOURCE_FIELD_COLUMN[first ?? ""] ?? first ?? "id";
}

export const SECTION_OF: Record<Kind, "actors" | "relationships" | "sources"> = { actor: "actors", relationship: "relationships", source: "sources" };

