import "server-only";
/**
 * Rows back into entries of the seed files' shape (lib/dataset/schema.ts), one entity at a time:
 * the canonical form the schemas output (bounds as { date, qualifier }, polarity written out, lists in
 * their stored order, optional fields left out when empty), in the schemas' key order. The bundle
 * export reads the whole store through these, the write API one entity, so a form edits exactly
 * what an export holds.
 */
import type { Actor, ActorName, Citation, Event, Participant, Place, Relationship, Source } from "../../dataset/schema";
import type * as Rows from "../generated/prisma/client";

/** `{ [key]: value }`, or nothing when the store holds null: optional fields are left out, as the schemas leave them. */
export function opt<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: V };
}

function bound<Q extends string>(date: string | null, qualifier: string | null): { date: string; qualifier: Q } | null {
  return date === null ? null : { date, qualifier: (qualifier ?? "exact") as Q };
}

export function citationEntries(rows: readonly Rows.Citation[] | undefined): Citation[] {
  return (rows ?? []).map((c) => ({ source: c.sourceId, ...opt("pages", c.pages), note: c.note, ...opt("quote", c.quote), ...opt("url", c.url) }));
}

export function sourceEntry(s: Rows.Source): Source {
  return {
    id: s.id,
    citedAs: s.citedAs,
    authors: JSON.parse(s.authors) as string[],
    date: s.date,
    ...opt("dateNote", s.dateNote),
    title: s.title,
    ...opt("outlet", s.outlet),
    ...opt("outletNote", s.outletNote),
    ...opt("details", s.details),
    kind: s.kind as Source["kind"],
    ...opt("url", s.url),
    notes: JSON.parse(s.notes) as string[],
  };
}

export function placeEntry(p: Rows.Place): Place {
  return { id: p.id, name: p.name, country: p.country, ...opt("description", p.description) };
}

/** `names`: the actor's ActorName rows in position order. */
export function actorEntry(a: Rows.Actor, names: readonly Rows.ActorName[]): Actor {
  return {
    id: a.id,
    kind: a.kind as Actor["kind"],
    name: a.name,
    ...opt("short", a.short),
    description: a.description,
    aliases: names.filter((n) => n.isAlias).map((n) => n.name),
    names: names
      .filter((n) => !n.isAlias)
      .map(
        (n): ActorName => ({
          name: n.name,
          ...opt("short", n.short),
          start: bound(n.startDate, n.startQualifier),
          end: bound(n.endDate, n.endQualifier),
          ...opt("note", n.note),
        }),
      ),
  };
}

/** `places` in position order, `citations` in position order. */
export function relationshipEntry(r: Rows.Relationship, places: readonly { placeId: string }[], citations: readonly Rows.Citation[]): Relationship {
  return {
    id: r.id,
    from: r.fromId,
    to: r.toId,
    type: r.type as Relationship["type"],
    polarity: r.polarity as NonNullable<Relationship["polarity"]>,
    certainty: r.certainty as Relationship["certainty"],
    start: bound(r.startDate, r.startQualifier),
    end: bound(r.endDate, r.endQualifier),
    summary: r.summary,
    ...opt("dateNote", r.dateNote),
    ...opt("note", r.note),
    places: places.map((p) => p.placeId),
    citations: citationEntries(citations),
  };
}

/** `participants` in position order, `relationships` in id order (no order is stored), `citations` in position order. */
export function eventEntry(
  e: Rows.Event,
  participants: readonly Rows.EventParticipant[],
  relationships: readonly { relationshipId: string }[],
  citations: readonly Rows.Citation[],
): Event {
  return {
    id: e.id,
    title: e.title,
    kind: e.kind as Event["kind"],
    start: bound(e.startDate, e.startQualifier) as Event["start"],
    end: bound(e.endDate, e.endQualifier),
    ...opt("place", e.placeId),
    certainty: e.certainty as Event["certainty"],
    description: e.description,
    ...opt("dateNote", e.dateNote),
    ...opt("note", e.note),
    participants: participants.map((p): Participant => ({ actor: p.actorId, role: p.role as Participant["role"], ...opt("note", p.note) })),
    relationships: relationships.map((r) => r.relationshipId),
    citations: citationEntries(citations),
  };
}
