import "server-only";
/**
 * The `select` shapes the data functions ask Prisma for, and the mappers from those rows to the
 * API types. One place, so every route presents an actor, a date or a citation the same way.
 */
import { boundOf, formatBound, formatOccurrence, formatSpan, precisionOf, type DateBound } from "../../model/dates";
import type {
  ApiActor,
  ApiActorRef,
  ApiCitation,
  ApiDateBound,
  ApiEvent,
  ApiRelationship,
  ApiSourceRef,
} from "../../api/types";
import type { ActorKind, Certainty, EventKind, ParticipantRole, Polarity, RelationshipType } from "../../model/vocabulary";

/** The date columns every dated row has: as written, and the derived bounds the filters use. */
export const datesSelect = {
  startDate: true,
  startQualifier: true,
  endDate: true,
  endQualifier: true,
  spanStart: true,
  spanEnd: true,
} as const;

export const actorRefSelect = { id: true, name: true, short: true, kind: true } as const;

export const nameSelect = {
  name: true,
  short: true,
  isAlias: true,
  ...datesSelect,
  note: true,
} as const;

export const actorSelect = {
  ...actorRefSelect,
  description: true,
  names: { select: nameSelect, orderBy: { position: "asc" } },
} as const;

export const placeSelect = { id: true, name: true, country: true, description: true } as const;

export const sourceRefSelect = { id: true, citedAs: true, authors: true, date: true, title: true, outlet: true } as const;

export const citationSelect = {
  select: { pages: true, note: true, source: { select: sourceRefSelect } },
  orderBy: { position: "asc" },
} as const;

export const relationshipSelect = {
  id: true,
  type: true,
  polarity: true,
  certainty: true,
  ...datesSelect,
  summary: true,
  dateNote: true,
  note: true,
  from: { select: actorRefSelect },
  to: { select: actorRefSelect },
  citations: citationSelect,
  events: { select: { eventId: true }, orderBy: { eventId: "asc" } },
  places: { select: { place: { select: placeSelect } }, orderBy: { position: "asc" } },
} as const;

export const eventSelect = {
  id: true,
  title: true,
  kind: true,
  ...datesSelect,
  certainty: true,
  description: true,
  dateNote: true,
  note: true,
  place: { select: placeSelect },
  participants: { select: { role: true, note: true, actor: { select: actorRefSelect } }, orderBy: { position: "asc" } },
  relationships: { select: { relationshipId: true }, orderBy: { relationshipId: "asc" } },
  citations: citationSelect,
} as const;

type ActorRefRow = { id: string; name: string; short: string | null; kind: string };
type NameRow = StoredDates & { name: string; short: string | null; isAlias: boolean; note: string | null };
type PlaceRow = { id: string; name: string; country: string; description: string | null };
type SourceRefRow = { id: string; citedAs: string; authors: string; date: string | null; title: string; outlet: string | null };
type CitationRow = { pages: string | null; note: string; source: SourceRefRow };
type DatedRow = { startDate: string | null; startQualifier: string | null; endDate: string | null; endQualifier: string | null };
/** The date columns of every dated table: as written, and the derived days the window queries filter on. */
export type StoredDates = DatedRow & { spanStart: string | null; spanEnd: string | null };

export function toApiBound(b: DateBound | null): ApiDateBound | null {
  return b && { date: b.date, precision: precisionOf(b.date), qualifier: b.qualifier, label: formatBound(b) };
}

/** A span's bounds for the API; an event (`occurrence`) with no end reads as its date alone. */
function datesOf(row: DatedRow, { occurrence = false } = {}) {
  const start = boundOf(row.startDate, row.startQualifier);
  const end = boundOf(row.endDate, row.endQualifier);
  const dateLabel = occurrence && start ? formatOccurrence(start, end) : formatSpan(start, end);
  return { start: toApiBound(start), end: toApiBound(end), dateLabel };
}

export const toActorRef = (a: ActorRefRow): ApiActorRef => ({ id: a.id, name: a.name, short: a.short, kind: a.kind as ActorKind });

export function toSourceRef(s: SourceRefRow): ApiSourceRef {
  return { id: s.id, citedAs: s.citedAs, authors: JSON.parse(s.authors) as string[], date: s.date, title: s.title, outlet: s.outlet };
}

export const toCitation = (c: CitationRow): ApiCitation => ({ source: toSourceRef(c.source), pages: c.pages, note: c.note });

export function toActor(a: ActorRefRow & { description: string; names: NameRow[] }): ApiActor {
  return {
    ...toActorRef(a),
    description: a.description,
    aliases: a.names.filter((n) => n.isAlias).map((n) => n.name),
    names: a.names
      .filter((n) => !n.isAlias)
      .map((n) => ({ name: n.name, short: n.short, ...datesOf(n), note: n.note })),
  };
}

export function toRelationship(
  r: DatedRow & {
    id: string;
    type: string;
    polarity: string;
    certainty: string;
    spanStart: string | null;
    spanEnd: string | null;
    summary: string;
    dateNote: string | null;
    note: string | null;
    from: ActorRefRow;
    to: ActorRefRow;
    citations: CitationRow[];
    events: { eventId: string }[];
    places: { place: PlaceRow }[];
  },
): ApiRelationship {
  return {
    id: r.id,
    from: toActorRef(r.from),
    to: toActorRef(r.to),
    type: r.type as RelationshipType,
    polarity: r.polarity as Polarity,
    certainty: r.certainty as Certainty,
    ...datesOf(r),
    span: { first: r.spanStart, last: r.spanEnd },
    summary: r.summary,
    dateNote: r.dateNote,
    note: r.note,
    citations: r.citations.map(toCitation),
    events: r.events.map((e) => e.eventId),
    places: r.places.map((p) => p.place),
  };
}

export function toEvent(
  e: DatedRow & {
    id: string;
    title: string;
    kind: string;
    spanStart: string;
    spanEnd: string;
    certainty: string;
    description: string;
    dateNote: string | null;
    note: string | null;
    place: PlaceRow | null;
    participants: { role: string; note: string | null; actor: ActorRefRow }[];
    relationships: { relationshipId: string }[];
    citations: CitationRow[];
  },
): ApiEvent {
  const { start, end, dateLabel } = datesOf(e, { occurrence: true });
  return {
    id: e.id,
    title: e.title,
    kind: e.kind as EventKind,
    start: start!,
    end,
    span: { first: e.spanStart, last: e.spanEnd },
    dateLabel,
    place: e.place,
    certainty: e.certainty as Certainty,
    description: e.description,
    dateNote: e.dateNote,
    note: e.note,
    participants: e.participants.map((p) => ({ actor: toActorRef(p.actor), role: p.role as ParticipantRole, note: p.note })),
    relationships: e.relationships.map((r) => r.relationshipId),
    citations: e.citations.map(toCitation),
  };
}
