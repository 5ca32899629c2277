/**
 * A synthetic dataset of the seed's shape and any size, for benchmarks and for tests that need more
 * rows than the seed holds (the 999-parameter ceiling, linear imports). Deterministic: the same
 * options give the same dataset, byte for byte, on every machine, because every choice comes from
 * one seeded generator (never Math.random or the clock).
 *
 * The shape follows what a researcher's own investigation looks like (issue 12): about one actor per
 * five relationships, a few hubs that most actors are tied to (a skewed degree), about 8% of ties
 * active in any year of 1979-2015, actors renamed over time, dates at year, month and day precision
 * with every qualifier, some open ends, every term of every vocabulary, one to three citations each
 * over a few hundred sources, some places, and events with participants.
 *
 * The output is already in the form validateDataset returns and an export writes (ids in order,
 * defaults written out, polarity given), so `canonicalDataset(synth)` equals `synth` and an import
 * followed by an export gives the generator's own file back.
 */
import { END_QUALIFIERS, START_QUALIFIERS, type EndQualifier, type StartQualifier } from "../model/dates";
import type { Actor, ActorName, Citation, Dataset, Event, Participant, Place, Relationship, Source, StoryStep } from "./schema";
import { ACTOR_KINDS, CERTAINTIES, EVENT_KINDS, PARTICIPANT_ROLES, RELATIONSHIP_TYPES, SOURCE_KINDS, keysOf } from "../model/vocabulary";

export interface SynthOptions {
  /** How many relationships; everything else is sized from it. */
  relationships: number;
  /** Chooses one of many datasets of that size; 1 by default. */
  seed?: number;
}

/** The period the ties fall in, as in the seed. */
export const SYNTH_FIRST_YEAR = 1979;
export const SYNTH_LAST_YEAR = 2015;

/** mulberry32: small, fast, and the same sequence in every JavaScript engine. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const chance = (p: number) => next() < p;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return { next, int, chance, pick };
}
type Random = ReturnType<typeof generator>;

/** The i-th of the first entries walks the whole list, so every term shows up even in a small dataset. */
const cover = <T>(r: Random, list: readonly T[], i: number): T => (i < list.length ? list[i]! : r.pick(list));

const pad = (n: number, width: number) => String(n).padStart(width, "0");

const SYLLABLES = ["al", "ba", "dar", "el", "fa", "ha", "ir", "ja", "ka", "lu", "ma", "na", "qa", "ra", "sa", "ta", "um", "wa", "ya", "za"];
const WORDS = [
  "border", "network", "funding", "fighters", "weapons", "prison", "council", "province", "militia", "convoy",
  "training", "smuggling", "negotiation", "ceasefire", "recruitment", "intelligence", "oil", "safe house", "statement", "raid",
];
const COUNTRIES = ["Syria", "Iraq", "Lebanon", "Jordan", "Turkey", "Iran", "Saudi Arabia", "United States", "Egypt", "Yemen"];

function properName(r: Random, parts: number): string {
  const words: string[] = [];
  for (let i = 0; i < parts; i++) {
    let w = "";
    for (let j = r.int(2, 3); j > 0; j--) w += r.pick(SYLLABLES);
    words.push(w[0]!.toUpperCase() + w.slice(1));
  }
  return words.join(" ");
}

function phrase(r: Random, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(r.pick(WORDS));
  return out.join(" ");
}

/** A day as numbers; written at a precision later, which only widens the period it names. */
interface Day {
  y: number;
  m: number;
  d: number;
}
const dayIndex = (x: Day) => x.y * 372 + (x.m - 1) * 31 + (x.d - 1);

function randomDay(r: Random, firstYear: number, lastYear: number): Day {
  return { y: r.int(firstYear, lastYear), m: r.int(1, 12), d: r.int(1, 28) };
}

/** Adds whole months, which keeps the day valid (days stop at 28). */
function addMonths(x: Day, months: number): Day {
  const total = x.y * 12 + (x.m - 1) + months;
  return { y: Math.floor(total / 12), m: (total % 12) + 1, d: x.d };
}

/** Mostly years, as the article dates most things; some months and days. */
function written(r: Random, x: Day): string {
  const u = r.next();
  if (u < 0.6) return pad(x.y, 4);
  if (u < 0.85) return `${pad(x.y, 4)}-${pad(x.m, 2)}`;
  return `${pad(x.y, 4)}-${pad(x.m, 2)}-${pad(x.d, 2)}`;
}

function startQualifier(r: Random, i: number): StartQualifier {
  return i < START_QUALIFIERS.length ? START_QUALIFIERS[i]! : r.chance(0.8) ? "exact" : r.pick(START_QUALIFIERS);
}
function endQualifier(r: Random, i: number): EndQualifier {
  return i < END_QUALIFIERS.length ? END_QUALIFIERS[i]! : r.chance(0.8) ? "exact" : r.pick(END_QUALIFIERS);
}

/**
 * A span whose length averages about three years, so that about 8% of ties are active in a year of
 * the 37-year period; a few are open at one end (active from or to the edge of time).
 */
function tieSpan(r: Random, i: number): { start: Relationship["start"]; end: Relationship["end"] } {
  const u = r.next();
  const first = randomDay(r, SYNTH_FIRST_YEAR, SYNTH_LAST_YEAR);
  // Geometric-ish length in months: many short ties, a tail of long ones.
  const months = Math.min(Math.floor(-Math.log(1 - r.next()) * 20), 12 * 15);
  const last = addMonths(first, months);
  const lastDay = last.y > SYNTH_LAST_YEAR ? { y: SYNTH_LAST_YEAR, m: 12, d: 28 } : last;
  const start = { date: written(r, first), qualifier: startQualifier(r, i) };
  const end = { date: written(r, dayIndex(lastDay) < dayIndex(first) ? first : lastDay), qualifier: endQualifier(r, i) };
  if (u < 0.015) return { start: null, end };
  if (u < 0.035) return { start, end: null };
  return { start, end };
}

function citations(r: Random, sourceIds: string[], topic: string): Citation[] {
  const out: Citation[] = [];
  const n = r.int(1, 3);
  for (let j = 0; j < n; j++) {
    // Skewed towards the first sources, as a few works carry most of an investigation.
    const source = sourceIds[Math.floor(sourceIds.length * r.next() ** 2)]!;
    const pages = r.chance(0.4) ? (r.chance(0.7) ? String(r.int(1, 300)) : `${r.int(1, 200)}-${r.int(201, 300)}`) : undefined;
    out.push({ source, ...(pages === undefined ? {} : { pages }), note: `Reports the ${topic} (${phrase(r, 3)}).` });
  }
  return out;
}

export function synthesizeDataset({ relationships: relationshipCount, seed = 1 }: SynthOptions): Dataset {
  if (!Number.isInteger(relationshipCount) || relationshipCount < 1) throw new RangeError("expected a positive whole number of relationships");
  const r = generator(seed);

  const actorCount = Math.max(10, Math.round(relationshipCount / 5));
  const sourceCount = Math.min(300, Math.max(10, Math.ceil(relationshipCount / 100)));
  const placeCount = Math.min(200, Math.max(5, Math.ceil(actorCount / 20)));
  const eventCount = Math.max(5, Math.round(relationshipCount / 20));
  const width = (n: number) => String(n).length;

  const sourceIds = Array.from({ length: sourceCount }, (_, i) => `source-${pad(i + 1, width(sourceCount))}`);
  const sources: Source[] = sourceIds.map((id, i): Source => {
    const author = `${properName(r, 1)}, ${properName(r, 1)}`;
    const dated = r.chance(0.9);
    return {
      id,
      citedAs: `${author.split(",")[0]} ${2000 + (i % 16)}`,
      authors: r.chance(0.1) ? [] : r.chance(0.3) ? [author, `${properName(r, 1)}, ${properName(r, 1)}`] : [author],
      date: dated ? (r.chance(0.5) ? String(2000 + (i % 16)) : `${2000 + (i % 16)}-${pad(r.int(1, 12), 2)}`) : null,
      ...(dated ? {} : { dateNote: "The work carries no date." }),
      title: `On the ${phrase(r, 2)} of ${properName(r, 1)}`,
      ...(r.chance(0.7) ? { outlet: `${properName(r, 1)} ${r.pick(["Review", "Times", "Journal", "Monitor"])}` } : {}),
      ...(r.chance(0.2) ? { details: `Vol. ${r.int(1, 40)}, no. ${r.int(1, 12)}` } : {}),
      kind: cover(r, keysOf(SOURCE_KINDS), i),
      ...(r.chance(0.5) ? { url: `https://example.org/works/${id}` } : {}),
      notes: r.chance(0.1) ? ["The article gives the year only."] : [],
    };
  });

  const placeIds = Array.from({ length: placeCount }, (_, i) => `place-${pad(i + 1, width(placeCount))}`);
  const places: Place[] = placeIds.map((id) => ({
    id,
    name: properName(r, 1),
    country: r.pick(COUNTRIES),
    ...(r.chance(0.5) ? { description: `A town on the ${phrase(r, 1)} route.` } : {}),
  }));

  const actorIds = Array.from({ length: actorCount }, (_, i) => `actor-${pad(i + 1, width(actorCount))}`);
  const actors: Actor[] = actorIds.map((id, i): Actor => {
    const kind = cover(r, keysOf(ACTOR_KINDS), i);
    const name = properName(r, kind === "person" ? 2 : r.int(1, 3));
    const names: ActorName[] = [];
    // About one actor in five is renamed over time: a run of dated names, the last one open.
    if (r.chance(0.2)) {
      let from = randomDay(r, SYNTH_FIRST_YEAR, 2000);
      const count = r.int(2, 3);
      for (let j = 0; j < count; j++) {
        const until = addMonths(from, r.int(12, 120));
        const isFirst = j === 0;
        const isLast = j === count - 1;
        names.push({
          name: isLast ? name : properName(r, 2),
          ...(r.chance(0.3) ? { short: properName(r, 1) } : {}),
          start: isFirst && r.chance(0.5) ? null : { date: written(r, from), qualifier: startQualifier(r, i + j) },
          end: isLast ? null : { date: written(r, until), qualifier: endQualifier(r, i + j) },
          ...(r.chance(0.2) ? { note: "The year of the change is the one the sources give." } : {}),
        });
        from = addMonths(until, 1);
      }
    }
    return {
      id,
      kind,
      name,
      ...(r.chance(0.3) ? { short: name.split(" ")[0]! } : {}),
      description: `A synthetic ${ACTOR_KINDS[kind].toLowerCase()} active in ${phrase(r, 2)}.`,
      aliases: r.chance(0.3) ? [properName(r, 2)] : [],
      names,
    };
  });

  // A few hubs take a large share of the ties; the rest follow a milder skew.
  const hubCount = Math.max(3, Math.round(actorCount / 1000));
  const skewedActor = () =>
    r.chance(0.15) ? r.int(0, hubCount - 1) : Math.floor(actorCount * r.next() ** 1.5);
  const types = keysOf(RELATIONSHIP_TYPES);
  const certainties = keysOf(CERTAINTIES);
  const relationshipIds = Array.from({ length: relationshipCount }, (_, i) => `tie-${pad(i + 1, width(relationshipCount))}`);
  const relationships: Relationship[] = relationshipIds.map((id, i): Relationship => {
    // Every actor has at least one tie: the first ties start from each actor in turn.
    const from = i < actorCount ? i : skewedActor();
    let to = skewedActor();
    if (to === from) to = (from + 1 + r.int(0, actorCount - 2)) % actorCount;
    const type = cover(r, types, i);
    const { start, end } = tieSpan(r, i);
    const placeList = r.chance(0.1) ? [...new Set([r.pick(placeIds), r.pick(placeIds)])] : [];
    return {
      id,
      from: actorIds[from]!,
      to: actorIds[to]!,
      type,
      polarity: r.chance(0.05) ? r.pick(["cooperative", "hostile", "neutral"] as const) : RELATIONSHIP_TYPES[type].polarity,
      certainty: cover(r, certainties, i),
      start,
      end,
      summary: `${RELATIONSHIP_TYPES[type].label}: ${phrase(r, r.int(4, 12))}.`,
      ...(r.chance(0.1) ? { dateNote: "The sources give the year of the first report only." } : {}),
      ...(r.chance(0.05) ? { note: "Other accounts date this differently." } : {}),
      places: placeList,
      citations: citations(r, sourceIds, RELATIONSHIP_TYPES[type].label.toLowerCase()),
    };
  });

  const eventKinds = keysOf(EVENT_KINDS);
  const roles = keysOf(PARTICIPANT_ROLES);
  const eventIds = Array.from({ length: eventCount }, (_, i) => `event-${pad(i + 1, width(eventCount))}`);
  const events: Event[] = eventIds.map((id, i): Event => {
    const first = randomDay(r, SYNTH_FIRST_YEAR, SYNTH_LAST_YEAR);
    const lasts = r.chance(0.3);
    const participants: Participant[] = [];
    const seen = new Set<string>();
    for (let j = r.int(1, 4); j > 0; j--) {
      const actor = actorIds[skewedActor()]!;
      const role = cover(r, roles, i * 4 + j - 1);
      if (seen.has(`${actor}/${role}`)) continue;
      seen.add(`${actor}/${role}`);
      participants.push({ actor, role, ...(r.chance(0.1) ? { note: "Named by one source only." } : {}) });
    }
    const bearsOn = r.chance(0.4) ? [...new Set(Array.from({ length: r.int(1, 3) }, () => r.pick(relationshipIds)))].sort() : [];
    const kind = cover(r, eventKinds, i);
    return {
      id,
      title: `${EVENT_KINDS[kind]} at ${properName(r, 1)}`,
      kind,
      start: { date: written(r, first), qualifier: startQualifier(r, i) },
      end: lasts ? { date: written(r, addMonths(first, r.int(1, 36))), qualifier: endQualifier(r, i) } : null,
      ...(r.chance(0.5) ? { place: r.pick(placeIds) } : {}),
      certainty: cover(r, certainties, i),
      description: `A synthetic ${EVENT_KINDS[kind].toLowerCase()} about ${phrase(r, r.int(3, 8))}.`,
      ...(r.chance(0.05) ? { dateNote: "Dated by the first report." } : {}),
      ...(r.chance(0.05) ? { note: "Accounts of the numbers differ." } : {}),
      participants,
      relationships: bearsOn,
      citations: citations(r, sourceIds, EVENT_KINDS[kind].toLowerCase()),
    };
  });

  // A short story over ties with a known start, each step at the year the tie starts in.
  const story: StoryStep[] = [];
  for (let i = 0; i < relationships.length && story.length < 5; i += Math.max(1, Math.floor(relationships.length / 5))) {
    const tie = relationships[i]!;
    if (!tie.start) continue;
    const year = tie.start.date.slice(0, 4);
    story.push({
      id: `step-${story.length + 1}`,
      title: `Step ${story.length + 1}: ${tie.id}`,
      date: year,
      actors: [tie.from],
      relationships: [tie.id],
      caption: `In ${year} the tie ${tie.id} begins; the step highlights it and the actor it starts from.`,
      citations: tie.citations.slice(0, 1),
    });
  }

  return { sources, places, actors, relationships, events, story };
}
