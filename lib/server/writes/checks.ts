import "server-only";
/**
 * What no schema can see in one entry: that what it names exists, that it ends after it starts, and,
 * before a delete, what still uses it. The same rules as the seed's validation (lib/dataset/validation.ts),
 * asked of the store for one entity. Ids travel as one JSON parameter (json_each), never as a list of
 * bound parameters whose length comes from the data.
 */
import { endsBeforeStart, overlaps, spanBounds, windowOf, type DateBound } from "../../model/dates";
import type { Actor, Event, Relationship } from "../../dataset/schema";
import type { EntityKind, Entry } from "../../dataset/write-schema";
import type { Tx } from "./store";

/** An entry that fits its schema but not the store: answered 400 naming the field. */
export class InvalidEntityError extends Error {
  constructor(
    readonly field: string,
    readonly expected: string,
    readonly received?: string,
  ) {
    super(`${field}: expected ${expected}`);
    this.name = "InvalidEntityError";
  }
}

const TABLES = { actor: "Actor", place: "Place", source: "Source", relationship: "Relationship" } as const;

/** The first of `refs` (field, id) whose id names no row of `table`, or undefined. */
async function firstUnknown(tx: Tx, kind: keyof typeof TABLES, refs: [field: string, id: string][]): Promise<[string, string] | undefined> {
  if (refs.length === 0) return undefined;
  const ids = [...new Set(refs.map(([, id]) => id))];
  const rows = await tx.$queryRawUnsafe<{ value: string }[]>(
    `SELECT value FROM json_each(?) WHERE value NOT IN (SELECT id FROM "${TABLES[kind]}")`,
    JSON.stringify(ids),
  );
  const missing = new Set(rows.map((r) => r.value));
  return refs.find(([, id]) => missing.has(id));
}

async function mustExist(tx: Tx, kind: keyof typeof TABLES, refs: [string, string][]): Promise<void> {
  const unknown = await firstUnknown(tx, kind, refs);
  if (unknown) throw new InvalidEntityError(`entity.${unknown[0]}`, `the id of an existing ${kind}`, unknown[1]);
}

const citationRefs = (citations: { source: string }[]): [string, string][] => citations.map((c, i) => [`citations.${i}.source`, c.source]);

/** Throws InvalidEntityError for the first reference to nothing or a span that ends before it starts. */
export async function checkEntry(tx: Tx, kind: EntityKind, entry: Entry): Promise<void> {
  switch (kind) {
    case "actor": {
      const a = entry as Actor;
      a.names.forEach((n, i) => {
        if (endsBeforeStart(n.start, n.end)) throw new InvalidEntityError(`entity.names.${i}.end`, `an end not before the start (${n.start?.date})`, n.end?.date);
      });
      return;
    }
    case "relationship": {
      const r = entry as Relationship;
      if (r.from === r.to) throw new InvalidEntityError("entity.to", "an actor other than from: a relationship needs two different actors", r.to);
      await mustExist(tx, "actor", [["from", r.from], ["to", r.to]]);
      await mustExist(tx, "place", r.places.map((p, i) => [`places.${i}`, p]));
      await mustExist(tx, "source", citationRefs(r.citations));
      if (endsBeforeStart(r.start, r.end)) throw new InvalidEntityError("entity.end.date", `an end not before the start (${r.start?.date})`, r.end?.date);
      await checkStorySteps(tx, r);
      return;
    }
    case "event": {
      const e = entry as Event;
      if (e.place) await mustExist(tx, "place", [["place", e.place]]);
      const seen = new Set<string>();
      e.participants.forEach((p, i) => {
        const key = `${p.actor}/${p.role}`;
        if (seen.has(key)) throw new InvalidEntityError(`entity.participants.${i}`, `each actor once per role ("${p.actor}" is listed twice as ${p.role})`);
        seen.add(key);
      });
      await mustExist(tx, "actor", e.participants.map((p, i) => [`participants.${i}.actor`, p.actor]));
      await mustExist(tx, "relationship", e.relationships.map((r, i) => [`relationships.${i}`, r]));
      await mustExist(tx, "source", citationRefs(e.citations));
      if (endsBeforeStart(e.start, e.end)) throw new InvalidEntityError("entity.end.date", `an end not before the start (${e.start.date})`, e.end?.date);
      return;
    }
    default:
      return;
  }
}

/**
 * A story step that highlights a relationship must still find it active in its window, as the seed's
 * validation requires (checkStory in lib/dataset/validation.ts), or the dataset would no longer load.
 */
async function checkStorySteps(tx: Tx, r: Relationship): Promise<void> {
  const steps = await tx.storyStepRelationship.findMany({ where: { relationshipId: r.id }, select: { step: { select: { id: true, title: true, date: true, fromDate: true } } } });
  const span = spanBounds(r.start as DateBound | null, r.end as DateBound | null);
  for (const { step } of steps) {
    const window = step.fromDate !== null ? windowOf({ from: step.fromDate, to: step.date }) : windowOf({ at: step.date });
    if (!overlaps(span, window)) {
      const when = step.fromDate !== null ? `from ${step.fromDate} to ${step.date}` : `in ${step.date}`;
      throw new InvalidEntityError("entity.start", `dates that keep it active ${when}: the story step "${step.title}" highlights it then`);
    }
  }
}

/** Something that still points at an entity: answered in a refused delete's `usedBy`. */
export interface Use {
  kind: "actor" | "relationship" | "event" | "story";
  id: string;
  label: string;
}

/** At most this many uses are listed (a hub actor may have thousands); `usedByCount` says how many in all. */
export const USES_LISTED = 100;

/** What still uses an entity, so that deleting it would leave a dangling reference (or silently change another entry). */
export async function findUses(tx: Tx, kind: EntityKind, id: string): Promise<{ uses: Use[]; count: number }> {
  const uses: Use[] = [];
  let count = 0;
  const add = (list: Use[], total: number) => {
    uses.push(...list.slice(0, Math.max(0, USES_LISTED - uses.length)));
    count += total;
  };
  const rel = (r: { id: string; fromId: string; toId: string; type: string }): Use => ({ kind: "relationship", id: r.id, label: `${r.fromId} → ${r.toId} (${r.type})` });
  const take = USES_LISTED;
  switch (kind) {
    case "actor": {
      const where = { OR: [{ fromId: id }, { toId: id }] };
      add((await tx.relationship.findMany({ where, select: { id: true, fromId: true, toId: true, type: true }, orderBy: { id: "asc" }, take })).map(rel), await tx.relationship.count({ where }));
      const events = await tx.eventParticipant.findMany({ where: { actorId: id }, select: { event: { select: { id: true, title: true } } }, distinct: ["eventId"], orderBy: { eventId: "asc" }, take });
      add(events.map(({ event }) => ({ kind: "event", id: event.id, label: event.title })), (await tx.eventParticipant.groupBy({ by: ["eventId"], where: { actorId: id } })).length);
      const steps = await tx.storyStepActor.findMany({ where: { actorId: id }, select: { step: { select: { id: true, title: true } } }, take });
      add(steps.map(({ step }) => ({ kind: "story", id: step.id, label: step.title })), await tx.storyStepActor.count({ where: { actorId: id } }));
      break;
    }
    case "source": {
      const cites = await tx.citation.findMany({
        where: { sourceId: id },
        select: { relationship: { select: { id: true, fromId: true, toId: true, type: true } }, event: { select: { id: true, title: true } }, storyStep: { select: { id: true, title: true } } },
        orderBy: { id: "asc" },
        take: take * 3,
      });
      const seen = new Set<string>();
      const list: Use[] = [];
      for (const c of cites) {
        const use: Use | null = c.relationship ? rel(c.relationship) : c.event ? { kind: "event", id: c.event.id, label: c.event.title } : c.storyStep ? { kind: "story", id: c.storyStep.id, label: c.storyStep.title } : null;
        if (use && !seen.has(`${use.kind}:${use.id}`)) list.push(use), seen.add(`${use.kind}:${use.id}`);
      }
      add(list, Math.max(list.length, (await tx.citation.groupBy({ by: ["relationshipId", "eventId", "storyStepId"], where: { sourceId: id } })).length));
      break;
    }
    case "place": {
      const events = await tx.event.findMany({ where: { placeId: id }, select: { id: true, title: true }, orderBy: { id: "asc" }, take });
      add(events.map((e) => ({ kind: "event", id: e.id, label: e.title })), await tx.event.count({ where: { placeId: id } }));
      const rels = await tx.relationshipPlace.findMany({ where: { placeId: id }, select: { relationship: { select: { id: true, fromId: true, toId: true, type: true } } }, orderBy: { relationshipId: "asc" }, take });
      add(rels.map((r) => rel(r.relationship)), await tx.relationshipPlace.count({ where: { placeId: id } }));
      break;
    }
    case "relationship": {
      // Events that bear on it and story steps that highlight it would change (or break) without a revision of their own.
      const events = await tx.eventRelationship.findMany({ where: { relationshipId: id }, select: { event: { select: { id: true, title: true } } }, orderBy: { eventId: "asc" }, take });
      add(events.map(({ event }) => ({ kind: "event", id: event.id, label: event.title })), await tx.eventRelationship.count({ where: { relationshipId: id } }));
      const steps = await tx.storyStepRelationship.findMany({ where: { relationshipId: id }, select: { step: { select: { id: true, title: true } } }, take });
      add(steps.map(({ step }) => ({ kind: "story", id: step.id, label: step.title })), await tx.storyStepRelationship.count({ where: { relationshipId: id } }));
      break;
    }
    case "event":
      break;
  }
  return { uses, count };
}
