/**
 * The shape of the dataset: one zod schema per kind of entry. The seed files under seed/data, the
 * loader, the future import bundle and the UI's types all use these, so a field means the same
 * thing everywhere.
 */
import { z } from "zod";
import { END_QUALIFIERS, PARTIAL_DATE_HINT, START_QUALIFIERS, isPartialDate } from "../model/dates";
import {
  ACTOR_KINDS,
  CERTAINTIES,
  EVENT_KINDS,
  PARTICIPANT_ROLES,
  RELATIONSHIP_TYPES,
  SOURCE_KINDS,
  keysOf,
} from "../model/vocabulary";

/**
 * Limits on what an entry may hold, so that one bad or hostile file cannot make every answer and
 * page that shows it megabytes long. Generous against the seed (its longest prose is under 700
 * characters); docs/data-model.md lists them.
 */
export const LIMITS = {
  /** ids */
  id: 100,
  /** a name, an alias, a country, a cited-as, an author, an outlet */
  name: 200,
  /** a short form of a name */
  short: 60,
  /** a title, volume and issue details */
  title: 300,
  /** a page reference: "20-21" */
  pages: 40,
  /** a summary of a relationship */
  summary: 2000,
  /** a description of an actor, event or place */
  description: 4000,
  /** a note, a date note, a citation's note, a source's notes */
  note: 2000,
  /** a story step's caption */
  caption: 700,
  /** a passage quoted from a source in a citation */
  quote: 2000,
  url: 2000,
  /** entries of a list inside one entry: names, aliases, citations, participants... */
  list: 200,
  /** the relationships and actors one event or story step names */
  references: 1000,
  /** a bundle or seed file */
  fileBytes: 256 * 1024 * 1024,
} as const;

const count = (n: number) => n.toLocaleString("en");

// C0 control characters (and DEL) never belong in the data; prose may keep tabs and line breaks,
// one-line fields (names, titles) nothing at all.
const LINE = /^[^\u0000-\u001f\u007f]*$/;
const PROSE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/** A one-line text: a name, a title. */
const line = (what: string, max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? "expected some text" : `expected ${what} of at least ${min} characters`)
    .max(max, { error: (iss) => `expected ${what} of at most ${count(max)} characters, found ${count(String(iss.input).length)}` })
    .regex(LINE, `expected ${what} on one line without control characters (tab, line break or other code below 32)`);

/** Running text: may hold tabs and line breaks, no other control characters. */
const text = (what: string, max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? "expected some text" : `expected ${what} of at least ${min} characters`)
    .max(max, { error: (iss) => `expected ${what} of at most ${count(max)} characters, found ${count(String(iss.input).length)}` })
    .regex(PROSE, `expected ${what} without control characters (only tabs and line breaks are allowed)`);

const prose = (what: string, min = 10, max: number = LIMITS.description) => text(what, max, min);

const list = <T extends z.ZodType>(item: T, max: number = LIMITS.list) =>
  z.array(item).max(max, { error: (iss) => `expected at most ${count(max)} entries, found ${count((iss.input as unknown[]).length)}` });

export const slugSchema = z
  .string()
  .max(LIMITS.id, `expected an id of at most ${LIMITS.id} characters`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a slug: lower-case letters, digits and single hyphens (for example assad-government)");

/** YAML reads a bare 2003 as a number; a year is still a partial date. */
export const partialDateSchema = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v))
  .refine(isPartialDate, { message: `expected ${PARTIAL_DATE_HINT}` });


/** A bound is written either as a bare date ("2003") or as { date, qualifier }. */
function boundSchema<const Q extends readonly [string, ...string[]]>(qualifiers: Q) {
  return z.preprocess(
    (v) => (typeof v === "string" || typeof v === "number" ? { date: v } : v),
    z.strictObject({
      date: partialDateSchema,
      qualifier: z.enum(qualifiers).default("exact" as Q[number]),
    }),
  );
}
export const startBoundSchema = boundSchema(START_QUALIFIERS);
export const endBoundSchema = boundSchema(END_QUALIFIERS);

/** Only the web's own schemes: a link is drawn on /data, and javascript: or data: must never be one. */
const webAddressSchema = z
  .url({ protocol: /^https?$/, error: "expected a web address starting with http:// or https://" })
  .max(LIMITS.url, `expected a web address of at most ${count(LIMITS.url)} characters`);

export const citationSchema = z.strictObject({
  source: slugSchema,
  /** As the article gives it: "20", "20-21". */
  pages: z
    .union([line("a page reference", LIMITS.pages), z.number().int().positive()])
    .transform((v) => String(v))
    .optional(),
  note: prose("a note saying what the source supports", 10, LIMITS.note),
  /** The passage of the source that supports it, quoted. */
  quote: text("a quoted passage", LIMITS.quote).optional(),
  /** Where that passage can be read. */
  url: webAddressSchema.optional(),
});

export const actorNameSchema = z.strictObject({
  name: line("a name", LIMITS.name),
  short: line("a short name", LIMITS.short).optional(),
  start: startBoundSchema.nullable().default(null),
  end: endBoundSchema.nullable().default(null),
  /** Where the period comes from, when the article does not give it. */
  note: text("a note", LIMITS.note).optional(),
});

export const actorSchema = z.strictObject({
  id: slugSchema,
  kind: z.enum(keysOf(ACTOR_KINDS)),
  /** The name used when no dated name covers a date. */
  name: line("a name", LIMITS.name),
  short: line("a short name", LIMITS.short).optional(),
  description: prose("a description"),
  aliases: list(line("an alias", LIMITS.name)).default([]),
  names: list(actorNameSchema).default([]),
});

export const relationshipSchema = z.strictObject({
  id: slugSchema,
  from: slugSchema,
  to: slugSchema,
  type: z.enum(keysOf(RELATIONSHIP_TYPES)),
  /** Defaults to the type's polarity. */
  polarity: z.enum(["cooperative", "hostile", "neutral"]).optional(),
  certainty: z.enum(keysOf(CERTAINTIES)),
  start: startBoundSchema.nullable(),
  end: endBoundSchema.nullable().default(null),
  summary: prose("a summary", 10, LIMITS.summary),
  /** Where a date comes from when the cited works do not give it, or how it was read. */
  dateNote: text("a date note", LIMITS.note).optional(),
  /** The editors' caveat: where the article's account differs from the common record, and the like. */
  note: text("a note", LIMITS.note).optional(),
  /** Where it took place, when the article says (the cities where facilitators kept weapons). */
  places: list(slugSchema).default([]),
  citations: list(citationSchema).min(1, "expected at least one citation"),
});

export const participantSchema = z.strictObject({
  actor: slugSchema,
  role: z.enum(keysOf(PARTICIPANT_ROLES)),
  note: text("a note", LIMITS.note).optional(),
});

export const eventSchema = z.strictObject({
  id: slugSchema,
  title: line("a title", LIMITS.title, 3),
  kind: z.enum(keysOf(EVENT_KINDS)),
  start: startBoundSchema,
  /** Only for events that last; a one-off event lasts the period of its start. */
  end: endBoundSchema.nullable().default(null),
  place: slugSchema.optional(),
  certainty: z.enum(keysOf(CERTAINTIES)).default("documented"),
  description: prose("a description"),
  dateNote: text("a date note", LIMITS.note).optional(),
  /** The editors' caveat, as on relationships. */
  note: text("a note", LIMITS.note).optional(),
  participants: list(participantSchema, LIMITS.references).min(1, "expected at least one participant"),
  relationships: list(slugSchema, LIMITS.references).default([]),
  citations: list(citationSchema).min(1, "expected at least one citation"),
});

export const placeSchema = z.strictObject({
  id: slugSchema,
  name: line("a name", LIMITS.name),
  country: line("a country", LIMITS.name),
  description: text("a description", LIMITS.description).optional(),
});

export const sourceSchema = z.strictObject({
  id: slugSchema,
  /** How the article cites it in the text: "Neumann 2014". */
  citedAs: line("a citation form", LIMITS.name),
  /** "Surname, Given name"; empty for an anonymous work. */
  authors: list(line("an author", LIMITS.name)),
  date: partialDateSchema.nullable(),
  dateNote: text("a date note", LIMITS.note).optional(),
  title: line("a title", LIMITS.title),
  outlet: line("an outlet", LIMITS.name).optional(),
  /** Where the outlet comes from when the article does not name it. */
  outletNote: text("a note", LIMITS.note).optional(),
  /** Volume, issue and the like. */
  details: line("details", LIMITS.title).optional(),
  kind: z.enum(keysOf(SOURCE_KINDS)),
  /** Only the web's own schemes: a link is drawn on /data, and javascript: or data: must never be one. */
  url: webAddressSchema.optional(),
  /** The article's slips in citing this work, and how they were normalised. */
  notes: list(text("a note", LIMITS.note)).default([]),
});

/** A slider position: a year or a month (the story's steps land on the slider). */
export const sliderDateSchema = partialDateSchema.refine((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d), {
  message: "expected a year or a month, written YYYY or YYYY-MM (the time slider has no days)",
});

/**
 * One step of the guided story (seed/data/story.yaml): the view it opens (at `date`, or the window
 * from `from` to `date`), what it highlights, and a caption in the editors' words with the works
 * it rests on. The list's order is the story's order.
 */
export const storyStepSchema = z
  .strictObject({
    id: slugSchema,
    title: line("a title", LIMITS.title, 3),
    date: sliderDateSchema,
    from: sliderDateSchema.optional(),
    actors: list(slugSchema, LIMITS.references).default([]),
    relationships: list(slugSchema, LIMITS.references).default([]),
    caption: prose("a caption", 40).max(LIMITS.caption, "expected a caption of two or three sentences (at most 700 characters)"),
    /** Where the drawing at this date does not bear the caption out, or needs a word of warning. */
    dataNote: text("a data note", LIMITS.note).optional(),
    citations: list(citationSchema).min(1, "expected at least one citation"),
  })
  .refine((s) => s.actors.length + s.relationships.length > 0, {
    message: "expected something to highlight: at least one actor or relationship",
    path: ["actors"],
  });

export type Citation = z.infer<typeof citationSchema>;
export type ActorName = z.infer<typeof actorNameSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type Relationship = z.infer<typeof relationshipSchema>;
export type Participant = z.infer<typeof participantSchema>;
export type Event = z.infer<typeof eventSchema>;
export type Place = z.infer<typeof placeSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type StoryStep = z.infer<typeof storyStepSchema>;

/** The whole dataset, as the seed files or an import bundle hold it. */
export interface Dataset {
  sources: Source[];
  places: Place[];
  actors: Actor[];
  relationships: Relationship[];
  events: Event[];
  /** In reading order. */
  story: StoryStep[];
}

/** Each seed file holds a list of one kind of entry. */
export const DATASET_FILES = {
  sources: { file: "sources.yaml", schema: sourceSchema },
  places: { file: "places.yaml", schema: placeSchema },
  actors: { file: "actors.yaml", schema: actorSchema },
  relationships: { file: "relationships.yaml", schema: relationshipSchema },
  events: { file: "events.yaml", schema: eventSchema },
  // Optional so that a dataset without a story (another article, an older bundle) still loads.
  story: { file: "story.yaml", schema: storyStepSchema, optional: true },
} as const;
