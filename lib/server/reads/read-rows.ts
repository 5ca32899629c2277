import "server-only";
/**
 * Relationships, actors and events with everything the API says of them, read in SQL: one statement
 * per table joined to the set of ids wanted, given as a subquery. No statement's parameters grow
 * with the data (SQLite caps them at 999 through Prisma), and Prisma's nested selects, which issue
 * `IN (…every parent id…)` and dominate the time at 10,000 rows and more, are avoided.
 *
 * The rows come out in the shapes serialize.ts maps (toRelationship, toActor, toEvent), so every
 * route presents them the same way whichever reader fetched them.
 */
import type { StoredDates } from "./serialize";
import { sqlAll, sqlRaw } from "../store/sql";
import { storedBoundSql } from "./export-dates";
import type { SqlPart } from "./window-sql";

type Int = number | bigint | boolean | null;

const groupBy = <T extends { owner: string }>(rows: T[]) => {
  const by = new Map<string, T[]>();
  for (const row of rows) {
    const list = by.get(row.owner);
    if (list) list.push(row);
    else by.set(row.owner, [row]);
  }
  return by;
};

const query = async <T>(sql: string, params: readonly unknown[]) => sqlAll<T>(sql, params);

const ACTOR_REF = (alias: string, prefix: string) =>
  `${alias}.id AS ${prefix}Id, ${alias}.name AS ${prefix}Name, ${alias}.short AS ${prefix}Short, ${alias}.kind AS ${prefix}Kind`;

type SourceRow = { id: string; citedAs: string; authors: string; date: string | null; title: string; outlet: string | null };
type CitationJoinRow = { owner: string; pages: string | null; note: string; sourceId: string };

/**
 * Citations with their sources. The sources (a few hundred) are read once and joined here, rather
 * than their six columns repeated on each of 200,000 citation rows at 100k relationships.
 */
function citationsOf(column: "relationshipId" | "eventId", ids: SqlPart) {
  const sources = new Map(
    sqlAll<SourceRow>(`SELECT id, citedAs, authors, date, title, outlet FROM "Source"`).map((s) => [s.id, s]),
  );
  return query<CitationJoinRow>(
    `SELECT c.${column} AS owner, c.pages, c.note, c.sourceId
      FROM (${ids.sql}) AS w JOIN "Citation" c ON c.${column} = w.id
      ORDER BY c.${column}, c.position`,
    ids.params,
  ).then((rows) => rows.map((c) => ({ owner: c.owner, pages: c.pages, note: c.note, source: sources.get(c.sourceId)! })));
}

const toCitationRow = ({ owner: _, ...c }: Awaited<ReturnType<typeof citationsOf>>[number]) => c;

/** A relationship's own columns, as every reader of relationships selects them. */
type RelationshipColumns = StoredDates & {
  id: string;
  type: string;
  polarity: string;
  certainty: string;
  summary: string;
  dateNote: string | null;
  note: string | null;
};

type RelationshipJoinRow = RelationshipColumns & {
  fId: string;
  fName: string;
  fShort: string | null;
  fKind: string;
  tId: string;
  tName: string;
  tShort: string | null;
  tKind: string;
};

/**
 * The relationships whose ids `ids` selects, in id order or (`byStart`) by earliest start, open
 * starts first, then id: the orders the routes promise.
 */
export async function readRelationships(ids: SqlPart, { byStart = false } = {}) {
  const [rows, citations, events, places] = await Promise.all([
    query<RelationshipJoinRow>(
      `SELECT r.id, r.type, r.polarity, r.certainty, r.startDate, r.startQualifier, r.endDate, r.endQualifier, r.spanStart, r.spanEnd,
          r.summary, r.dateNote, r.note, ${ACTOR_REF("f", "f")}, ${ACTOR_REF("t", "t")}
        FROM (${ids.sql}) AS w JOIN "Relationship" r ON r.id = w.id
          JOIN "Actor" f ON f.id = r.fromId JOIN "Actor" t ON t.id = r.toId
        ORDER BY ${byStart ? "r.spanStart, " : ""}r.id`,
      ids.params,
    ),
    citationsOf("relationshipId", ids),
    query<{ owner: string; eventId: string }>(
      `SELECT er.relationshipId AS owner, er.eventId FROM (${ids.sql}) AS w JOIN "EventRelationship" er ON er.relationshipId = w.id
        ORDER BY er.relationshipId, er.eventId`,
      ids.params,
    ),
    query<{ owner: string; id: string; name: string; country: string; description: string | null }>(
      `SELECT rp.relationshipId AS owner, p.id, p.name, p.country, p.description
        FROM (${ids.sql}) AS w JOIN "RelationshipPlace" rp ON rp.relationshipId = w.id JOIN "Place" p ON p.id = rp.placeId
        ORDER BY rp.relationshipId, rp.position`,
      ids.params,
    ),
  ]);
  const citationsBy = groupBy(citations);
  const eventsBy = groupBy(events);
  const placesBy = groupBy(places);
  return rows.map(({ fId, fName, fShort, fKind, tId, tName, tShort, tKind, ...r }) => ({
    ...r,
    from: { id: fId, name: fName, short: fShort, kind: fKind },
    to: { id: tId, name: tName, short: tShort, kind: tKind },
    citations: (citationsBy.get(r.id) ?? []).map(toCitationRow),
    events: (eventsBy.get(r.id) ?? []).map((e) => ({ eventId: e.eventId })),
    places: (placesBy.get(r.id) ?? []).map(({ owner: _, ...place }) => ({ place })),
  }));
}

type DrawnRelationshipColumns = [id: string, fromId: string, toId: string, type: string, polarity: string, certainty: string, spanStart: string | null, spanEnd: string | null];

/**
 * The relationships whose ids `ids` selects (null: every one), in id order, with what decides
 * whether each is drawn and greyed (lib/export/drawn.ts) and its span: no text, no evidence. An
 * export reads these first for the whole view, then the evidence of the drawn ones batch by batch as
 * it writes them. Every relationship is read straight from the table, without joining it to a list
 * of all its own ids. Read as arrays and made objects here: the driver's objects cost a third more
 * than its arrays at 100,000 rows, objects of one shape made in JavaScript next to nothing.
 */
export function readDrawnRelationships(ids: SqlPart | null) {
  const rows = sqlRaw<DrawnRelationshipColumns>(
    ids === null
      ? `SELECT r.id, r.fromId, r.toId, r.type, r.polarity, r.certainty, r.spanStart, r.spanEnd FROM "Relationship" r ORDER BY r.id`
      : `SELECT r.id, r.fromId, r.toId, r.type, r.polarity, r.certainty, r.spanStart, r.spanEnd
      FROM (${ids.sql}) AS w JOIN "Relationship" r ON r.id = w.id ORDER BY r.id`,
    ids?.params ?? [],
  );
  return rows.map(([id, fromId, toId, type, polarity, certainty, spanStart, spanEnd]) => ({ id, fromId, toId, type, polarity, certainty, spanStart, spanEnd }));
}

/**
 * The ids of the sources that the relationships `ids` selects cite, once each. Asked per source (a
 * few hundred, each through its citations' index until one is in the set) rather than gathering
 * every citation and removing duplicates: 35 ms against 250 ms of SQLite's time at 100k.
 */
export function readCitedSources(ids: SqlPart) {
  return sqlAll<{ id: string }>(
    `SELECT s.id FROM "Source" s WHERE EXISTS (SELECT 1 FROM "Citation" c WHERE c.sourceId = s.id AND c.relationshipId IN (${ids.sql}))`,
    ids.params,
  ).map((r) => r.id);
}

/** Each citation of the relationships `ids` selects, as its relationship and source ids. */
export function readCitationSources(ids: SqlPart) {
  return sqlAll<{ owner: string; sourceId: string }>(
    `SELECT c.relationshipId AS owner, c.sourceId FROM (${ids.sql}) AS w JOIN "Citation" c ON c.relationshipId = w.id`,
    ids.params,
  );
}

/** Every source by id: a few hundred, read once per export rather than joined to each citation. */
export function readSources() {
  return new Map(sqlAll<SourceRow>(`SELECT id, citedAs, authors, date, title, outlet FROM "Source"`).map((s) => [s.id, s]));
}

/** A relationship's written dates and texts, as an array (what an export writes of it beyond its drawn row). */
export type EvidenceColumns = [id: string, start: string | null, end: string | null, summary: string, dateNote: string | null, note: string | null];

/** A citation of a relationship, as an array, in its relationship's order. */
export type EvidenceCitation = [owner: string, pages: string | null, note: string, sourceId: string];

/**
 * The written dates, texts and citations of every relationship whose id lies between `first` and
 * `last` (both included), in id order, the citations by relationship in their order. A range of the
 * primary key, so a batch costs what it reads whatever the store's size, and two parameters. Rows
 * come as arrays, each date with its qualifier as one text (export-dates.ts), and leave out the
 * spans the export already read: at 100,000 relationships and 200,000 citations, every value
 * converted and every object made shows in the export's time.
 */
export function readEvidence(first: string, last: string) {
  const rows = sqlRaw<EvidenceColumns>(
    `SELECT id, ${storedBoundSql("startDate", "startQualifier")}, ${storedBoundSql("endDate", "endQualifier")}, summary, dateNote, note
      FROM "Relationship" WHERE id BETWEEN ? AND ? ORDER BY id`,
    [first, last],
  );
  const citations = sqlRaw<EvidenceCitation>(
    `SELECT relationshipId, pages, note, sourceId FROM "Citation"
      WHERE relationshipId BETWEEN ? AND ? ORDER BY relationshipId, position`,
    [first, last],
  );
  return { rows, citations };
}

type NameJoinRow = StoredDates & { owner: string; name: string; short: string | null; isAlias: Int; note: string | null };

/** The actors whose ids `ids` selects, in id order, each with its names in their order. */
export async function readActors(ids: SqlPart) {
  const [rows, names] = await Promise.all([
    query<{ id: string; name: string; short: string | null; kind: string; description: string }>(
      `SELECT x.id, x.name, x.short, x.kind, x.description FROM (${ids.sql}) AS w JOIN "Actor" x ON x.id = w.id ORDER BY x.id`,
      ids.params,
    ),
    query<NameJoinRow>(
      `SELECT n.actorId AS owner, n.name, n.short, n.isAlias, n.startDate, n.startQualifier, n.endDate, n.endQualifier, n.spanStart, n.spanEnd, n.note
        FROM (${ids.sql}) AS w JOIN "ActorName" n ON n.actorId = w.id ORDER BY n.actorId, n.position`,
      ids.params,
    ),
  ]);
  const namesBy = groupBy(names);
  return rows.map((a) => ({
    ...a,
    names: (namesBy.get(a.id) ?? []).map(({ owner: _, isAlias, ...n }) => ({ ...n, isAlias: Boolean(Number(isAlias)) })),
  }));
}

type EventJoinRow = {
  id: string;
  title: string;
  kind: string;
  startDate: string;
  startQualifier: string;
  endDate: string | null;
  endQualifier: string | null;
  spanStart: string;
  spanEnd: string;
  certainty: string;
  description: string;
  dateNote: string | null;
  note: string | null;
  pId: string | null;
  pName: string | null;
  pCountry: string | null;
  pDescription: string | null;
};

/** The events whose ids `ids` selects, by start then id, with place, participants, relationships and citations. */
export async function readEvents(ids: SqlPart) {
  const [rows, participants, relationships, citations] = await Promise.all([
    query<EventJoinRow>(
      `SELECT e.id, e.title, e.kind, e.startDate, e.startQualifier, e.endDate, e.endQualifier, e.spanStart, e.spanEnd,
          e.certainty, e.description, e.dateNote, e.note,
          p.id AS pId, p.name AS pName, p.country AS pCountry, p.description AS pDescription
        FROM (${ids.sql}) AS w JOIN "Event" e ON e.id = w.id LEFT JOIN "Place" p ON p.id = e.placeId
        ORDER BY e.spanStart, e.id`,
      ids.params,
    ),
    query<{ owner: string; role: string; note: string | null; aId: string; aName: string; aShort: string | null; aKind: string }>(
      `SELECT ep.eventId AS owner, ep.role, ep.note, ${ACTOR_REF("a", "a")}
        FROM (${ids.sql}) AS w JOIN "EventParticipant" ep ON ep.eventId = w.id JOIN "Actor" a ON a.id = ep.actorId
        ORDER BY ep.eventId, ep.position`,
      ids.params,
    ),
    query<{ owner: string; relationshipId: string }>(
      `SELECT er.eventId AS owner, er.relationshipId FROM (${ids.sql}) AS w JOIN "EventRelationship" er ON er.eventId = w.id
        ORDER BY er.eventId, er.relationshipId`,
      ids.params,
    ),
    citationsOf("eventId", ids),
  ]);
  const participantsBy = groupBy(participants);
  const relationshipsBy = groupBy(relationships);
  const citationsBy = groupBy(citations);
  return rows.map(({ pId, pName, pCountry, pDescription, ...e }) => ({
    ...e,
    place: pId === null ? null : { id: pId, name: pName!, country: pCountry!, description: pDescription },
    participants: (participantsBy.get(e.id) ?? []).map((p) => ({
      role: p.role,
      note: p.note,
      actor: { id: p.aId, name: p.aName, short: p.aShort, kind: p.aKind },
    })),
    relationships: (relationshipsBy.get(e.id) ?? []).map((r) => ({ relationshipId: r.relationshipId })),
    citations: (citationsBy.get(e.id) ?? []).map(toCitationRow),
  }));
}
