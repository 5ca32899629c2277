/**
 * Flattens a checked Dataset into the rows of each table. Pure, so what the loader writes can be
 * tested without a database; the derived span columns come from lib/dates.
 */
import { spanBounds, type DateBound } from "../model/dates";
import type { Citation, Dataset } from "./schema";
import { RELATIONSHIP_TYPES } from "../model/vocabulary";

const bound = (prefix: "start" | "end", b: DateBound | null) => ({
  [`${prefix}Date`]: b?.date ?? null,
  [`${prefix}Qualifier`]: b?.qualifier ?? null,
}) as Record<`${typeof prefix}Date` | `${typeof prefix}Qualifier`, string | null>;

// Relationships and events may share an id, so a citation's id names the kind of its owner too.
function citationRows(owner: { relationshipId: string } | { eventId: string } | { storyStepId: string }, ownerKey: string, citations: Citation[]) {
  return citations.map((c, position) => ({
    id: `${ownerKey}#${position + 1}`,
    sourceId: c.source,
    relationshipId: null as string | null,
    eventId: null as string | null,
    storyStepId: null as string | null,
    ...owner,
    position,
    pages: c.pages ?? null,
    note: c.note,
    quote: c.quote ?? null,
    url: c.url ?? null,
  }));
}

export function datasetToRows(d: Dataset) {
  const sources = d.sources.map((s) => ({
    id: s.id,
    citedAs: s.citedAs,
    authors: JSON.stringify(s.authors),
    date: s.date,
    dateNote: s.dateNote ?? null,
    title: s.title,
    outlet: s.outlet ?? null,
    outletNote: s.outletNote ?? null,
    details: s.details ?? null,
    kind: s.kind,
    url: s.url ?? null,
    notes: JSON.stringify(s.notes),
  }));
  const places = d.places.map((p) => ({ id: p.id, name: p.name, country: p.country, description: p.description ?? null }));
  const actors = d.actors.map((a) => ({ id: a.id, kind: a.kind, name: a.name, short: a.short ?? null, description: a.description }));
  const actorNames = d.actors.flatMap((a) => [
    ...a.names.map((n, position) => {
      const start = n.start as DateBound | null;
      const end = n.end as DateBound | null;
      return {
        id: `${a.id}#name-${position + 1}`,
        actorId: a.id,
        position,
        name: n.name,
        short: n.short ?? null,
        isAlias: false,
        ...bound("start", start),
        ...bound("end", end),
        ...spanBounds(start, end),
        note: n.note ?? null,
      };
    }),
    ...a.aliases.map((alias, i) => ({
      id: `${a.id}#alias-${i + 1}`,
      actorId: a.id,
      position: a.names.length + i,
      name: alias,
      short: null,
      isAlias: true,
      startDate: null,
      startQualifier: null,
      endDate: null,
      endQualifier: null,
      spanStart: null,
      spanEnd: null,
      note: null,
    })),
  ]);
  const relationships = d.relationships.map((r) => ({
    id: r.id,
    fromId: r.from,
    toId: r.to,
    type: r.type,
    polarity: r.polarity ?? RELATIONSHIP_TYPES[r.type].polarity,
    certainty: r.certainty,
    ...bound("start", r.start),
    ...bound("end", r.end),
    ...spanBounds(r.start, r.end),
    summary: r.summary,
    dateNote: r.dateNote ?? null,
    note: r.note ?? null,
  }));
  const events = d.events.map((e) => {
    const { spanStart, spanEnd } = spanBounds(e.start, e.end, { endDefaultsToStart: true });
    return {
      id: e.id,
      title: e.title,
      kind: e.kind,
      startDate: e.start.date,
      startQualifier: e.start.qualifier,
      endDate: e.end?.date ?? null,
      endQualifier: e.end?.qualifier ?? null,
      // An event always has a start, so both bounds are known.
      spanStart: spanStart as string,
      spanEnd: spanEnd as string,
      placeId: e.place ?? null,
      certainty: e.certainty,
      description: e.description,
      dateNote: e.dateNote ?? null,
      note: e.note ?? null,
    };
  });
  const participants = d.events.flatMap((e) =>
    e.participants.map((p, position) => ({ eventId: e.id, actorId: p.actor, role: p.role, position, note: p.note ?? null })),
  );
  const relationshipPlaces = d.relationships.flatMap((r) =>
    [...new Set(r.places)].map((placeId, position) => ({ relationshipId: r.id, placeId, position })),
  );
  const eventRelationships = d.events.flatMap((e) => [...new Set(e.relationships)].map((relationshipId) => ({ eventId: e.id, relationshipId })));
  const citations = [
    ...d.relationships.flatMap((r) => citationRows({ relationshipId: r.id }, `relationship:${r.id}`, r.citations)),
    ...d.events.flatMap((e) => citationRows({ eventId: e.id }, `event:${e.id}`, e.citations)),
    ...d.story.flatMap((s) => citationRows({ storyStepId: s.id }, `story:${s.id}`, s.citations)),
  ];
  const storySteps = d.story.map((s, position) => ({
    id: s.id,
    position,
    title: s.title,
    date: s.date,
    fromDate: s.from ?? null,
    caption: s.caption,
    dataNote: s.dataNote ?? null,
  }));
  const storyStepActors = d.story.flatMap((s) => [...new Set(s.actors)].map((actorId, position) => ({ stepId: s.id, actorId, position })));
  const storyStepRelationships = d.story.flatMap((s) =>
    [...new Set(s.relationships)].map((relationshipId, position) => ({ stepId: s.id, relationshipId, position })),
  );
  return {
    sources,
    places,
    actors,
    actorNames,
    relationships,
    relationshipPlaces,
    events,
    participants,
    eventRelationships,
    storySteps,
    storyStepActors,
    storyStepRelationships,
    citations,
  };
}
