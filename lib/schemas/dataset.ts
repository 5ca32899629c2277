/**
 * The shape of the dataset: one zod schema per kind of entry. The seed files under seed/data, the
 * loader, the future import bundle and the UI's types all use these, so a field means the same
 * thing everywhere.
 */
import { z } from "zod";
import { END_QUALIFIERS, PARTIAL_DATE_HINT, START_QUALIFIERS, isPartialDate } from "../dates";
import {
  ACTOR_KINDS,
  CERTAINTIES,
  EVENT_KINDS,
  PARTICIPANT_ROLES,
  RELATIONSHIP_TYPES,
  SOURCE_KINDS,
  keysOf,
} from "../vocabulary";

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a slug: lower-case letters, digits and single hyphens (for example assad-government)");

/** YAML reads a bare 2003 as a number; a year is still a partial date. */
export const partialDateSchema = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v))
  .refine(isPartialDate, { message: `expected ${PARTIAL_DATE_HINT}` });

const prose = (what: string, min = 10) => z.string().trim().min(min, `expected ${what} of at least ${min} characters`);

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

export const citationSchema = z.strictObject({
  source: slugSchema,
  /** As the article gives it: "20", "20-21". */
  pages: z
    .union([z.string().min(1), z.number().int().positive()])
    .transform((v) => String(v))
    .optional(),
  note: prose("a note saying what the source supports"),
});

export const actorNameSchema = z.strictObject({
  name: z.string().trim().min(1),
  short: z.string().trim().min(1).optional(),
  start: startBoundSchema.nullable().default(null),
  end: endBoundSchema.nullable().default(null),
  /** Where the period comes from, when the article does not give it. */
  note: z.string().trim().min(1).optional(),
});

export const actorSchema = z.strictObject({
  id: slugSchema,
  kind: z.enum(keysOf(ACTOR_KINDS)),
  /** The name used when no dated name covers a date. */
  name: z.string().trim().min(1),
  short: z.string().trim().min(1).optional(),
  description: prose("a description"),
  aliases: z.array(z.string().trim().min(1)).default([]),
  names: z.array(actorNameSchema).default([]),
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
  summary: prose("a summary"),
  /** Where a date comes from when the cited works do not give it, or how it was read. */
  dateNote: z.string().trim().min(1).optional(),
  /** The editors' caveat: where the article's account differs from the common record, and the like. */
  note: z.string().trim().min(1).optional(),
  /** Where it took place, when the article says (the cities where facilitators kept weapons). */
  places: z.array(slugSchema).default([]),
  citations: z.array(citationSchema).min(1, "expected at least one citation"),
});

export const participantSchema = z.strictObject({
  actor: slugSchema,
  role: z.enum(keysOf(PARTICIPANT_ROLES)),
  note: z.string().trim().min(1).optional(),
});

export const eventSchema = z.strictObject({
  id: slugSchema,
  title: z.string().trim().min(3),
  kind: z.enum(keysOf(EVENT_KINDS)),
  start: startBoundSchema,
  /** Only for events that last; a one-off event lasts the period of its start. */
  end: endBoundSchema.nullable().default(null),
  place: slugSchema.optional(),
  certainty: z.enum(keysOf(CERTAINTIES)).default("documented"),
  description: prose("a description"),
  dateNote: z.string().trim().min(1).optional(),
  /** The editors' caveat, as on relationships. */
  note: z.string().trim().min(1).optional(),
  participants: z.array(participantSchema).min(1, "expected at least one participant"),
  relationships: z.array(slugSchema).default([]),
  citations: z.array(citationSchema).min(1, "expected at least one citation"),
});

export const placeSchema = z.strictObject({
  id: slugSchema,
  name: z.string().trim().min(1),
  country: z.string().trim().min(1),
  description: z.string().trim().min(1).optional(),
});

export const sourceSchema = z.strictObject({
  id: slugSchema,
  /** How the article cites it in the text: "Neumann 2014". */
  citedAs: z.string().trim().min(1),
  /** "Surname, Given name"; empty for an anonymous work. */
  authors: z.array(z.string().trim().min(1)),
  date: partialDateSchema.nullable(),
  dateNote: z.string().trim().min(1).optional(),
  title: z.string().trim().min(1),
  outlet: z.string().trim().min(1).optional(),
  /** Where the outlet comes from when the article does not name it. */
  outletNote: z.string().trim().min(1).optional(),
  /** Volume, issue and the like. */
  details: z.string().trim().min(1).optional(),
  kind: z.enum(keysOf(SOURCE_KINDS)),
  url: z.url().optional(),
  /** The article's slips in citing this work, and how they were normalised. */
  notes: z.array(z.string().trim().min(1)).default([]),
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
    title: z.string().trim().min(3),
    date: sliderDateSchema,
    from: sliderDateSchema.optional(),
    actors: z.array(slugSchema).default([]),
    relationships: z.array(slugSchema).default([]),
    caption: prose("a caption", 40).max(700, "expected a caption of two or three sentences (at most 700 characters)"),
    /** Where the drawing at this date does not bear the caption out, or needs a word of warning. */
    dataNote: z.string().trim().min(1).optional(),
    citations: z.array(citationSchema).min(1, "expected at least one citation"),
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
