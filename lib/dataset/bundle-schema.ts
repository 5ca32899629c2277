/**
 * The dataset as one file: a JSON bundle of the whole store, for export and import.
 *
 *   { "format": "actor-network-explorer/dataset", "version": 1,
 *     "meta": { "datasetVersion": 12, "revisions": 3 },
 *     "sources": [...], "places": [...], "actors": [...], "relationships": [...], "events": [...],
 *     "story": [...] }
 *
 * "story" may be missing (bundles written before the guided story existed): it then reads as none.
 * "meta" says what the store was when the bundle was written: its dataset version and how many
 * revisions its log held (an import refuses to replace a store whose log is longer, unless --force).
 * Bundles written before it have none: they include no revisions.
 *
 * Each section holds the same entries as the seed file of that name (lib/dataset/schema.ts) and is
 * checked by the same validateDataset, so an import refuses exactly what the seed would refuse and
 * names the file, the section, the entry and the field of every problem.
 */
import { z } from "zod";
import { DatasetError, validateDataset, type DatasetProblem } from "./validation";
import { RELATIONSHIP_TYPES } from "../model/vocabulary";
import { DATASET_FILES, LIMITS, type Dataset } from "./schema";

export const BUNDLE_FORMAT = "actor-network-explorer/dataset";
export const BUNDLE_VERSION = 1;

type Section = keyof typeof DATASET_FILES;
const SECTIONS = Object.keys(DATASET_FILES) as Section[];

/** What the store was when a bundle was written. */
export interface BundleMeta {
  datasetVersion: number;
  revisions: number;
}

/** The whole store; the key order here is the order of the exported file. */
export interface Bundle extends Dataset {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  meta?: BundleMeta;
}

const count = (what: string) =>
  z.number({ error: (iss) => `expected ${what}: a whole number of 0 or more, found ${found(iss.input)}` }).int({ error: `expected ${what}: a whole number of 0 or more` }).min(0, { error: `expected ${what}: a whole number of 0 or more` });

const bundleMetaSchema = z.strictObject(
  { datasetVersion: count("the dataset version"), revisions: count("the number of revisions") },
  { error: (iss) => (iss.code === "unrecognized_keys" ? "meta holds only datasetVersion and revisions" : `expected meta: {"datasetVersion", "revisions"}, found ${found(iss.input)}`) },
);

/** How a value shows in a message: short, and "nothing" for a missing one. */
function found(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (value !== null && typeof value === "object") return "an object";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const EXPECTED_SHAPE =
  `a dataset bundle: a JSON object with "format": "${BUNDLE_FORMAT}", "version": ${BUNDLE_VERSION} ` +
  `and the lists ${SECTIONS.map((s) => `"${s}"`).join(", ")}`;

const objectError = (iss: { input?: unknown }) => `expected ${EXPECTED_SHAPE}; found ${found(iss.input)}`;

/** What the file says it is. Checked first: a file of another format or version is not read further. */
export const bundleHeaderSchema = z.object(
  {
    format: z.literal(BUNDLE_FORMAT, {
      error: (iss) => `expected "${BUNDLE_FORMAT}" (a dataset bundle of this explorer), found ${found(iss.input)}`,
    }),
    version: z.literal(BUNDLE_VERSION, {
      error: (iss) =>
        typeof iss.input === "number"
          ? `unsupported version ${iss.input}: this explorer reads version ${BUNDLE_VERSION} bundles`
          : `expected the version number ${BUNDLE_VERSION}, found ${found(iss.input)}`,
    }),
  },
  { error: objectError },
);

/** The envelope: the header and one list per section, nothing else. The entries are checked by validateDataset. */
export const bundleEnvelopeSchema = z.strictObject(
  {
    ...bundleHeaderSchema.shape,
    meta: bundleMetaSchema.optional(),
    ...(Object.fromEntries(
      SECTIONS.map((section) => [
        section,
        "optional" in DATASET_FILES[section]
          ? z.array(z.unknown(), { error: (iss) => `expected the list of ${section}, found ${found(iss.input)}` }).optional()
          : z.array(z.unknown(), { error: (iss) => `expected the list of ${section}, found ${found(iss.input)}` }),
      ]),
    ) as unknown as Record<Section, z.ZodType<unknown[] | undefined>>),
  },
  {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `unknown section; a bundle holds only format, version, meta, ${SECTIONS.join(", ")}`
        : objectError(iss),
  },
);

function envelopeProblems(error: z.ZodError, fileName: string): DatasetProblem[] {
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ file: fileName, entry: null, field: key, message: issue.message }))
      : [{ file: fileName, entry: null, field: issue.path.length ? issue.path.join(".") : null, message: issue.message }],
  );
}

/** The label of a section in messages: "bundle.json › actors". */
export function sectionLabel(fileName: string, section: Section): string {
  return `${fileName} › ${section}`;
}

/**
 * A parsed bundle (already JSON.parse'd) to a checked Dataset; throws a DatasetError naming every
 * problem: the file and field for the envelope, the file › section, entry and field for an entry.
 */
export function parseBundle(raw: unknown, fileName: string): Dataset {
  return readBundle(raw, fileName).dataset;
}

/** parseBundle, with what the bundle says of the store it came from (no revisions for a bundle without meta). */
export function readBundle(raw: unknown, fileName: string): { dataset: Dataset; meta: BundleMeta | null } {
  const header = bundleHeaderSchema.safeParse(raw);
  if (!header.success) {
    // A wrong format says the file is something else; its version, if any, means nothing then.
    const problems = envelopeProblems(header.error, fileName);
    const format = problems.filter((p) => p.field === null || p.field === "format");
    throw new DatasetError(format.length ? format : problems);
  }
  const envelope = bundleEnvelopeSchema.safeParse(raw);
  if (!envelope.success) throw new DatasetError(envelopeProblems(envelope.error, fileName));
  const files = Object.fromEntries(SECTIONS.map((s) => [s, sectionLabel(fileName, s)])) as Record<Section, string>;
  return { dataset: validateDataset(envelope.data, files), meta: envelope.data.meta ?? null };
}

/** The text of a bundle file to a checked Dataset: parseBundle, with unreadable JSON as a DatasetError too. */
export function parseBundleText(text: string, fileName: string): Dataset {
  return readBundleText(text, fileName).dataset;
}

/** parseBundleText, with the bundle's meta (readBundle). */
export function readBundleText(text: string, fileName: string): { dataset: Dataset; meta: BundleMeta | null } {
  if (text.length > LIMITS.fileBytes) {
    throw new DatasetError([{ file: fileName, entry: null, field: null, message: `the bundle holds ${text.length.toLocaleString("en")} characters; at most ${LIMITS.fileBytes / (1024 * 1024)} MB is read` }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new DatasetError([{ file: fileName, entry: null, field: null, message: `not valid JSON: ${(e as Error).message}` }]);
  }
  return readBundle(raw, fileName);
}

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * A checked dataset as the store keeps it, which is what an export of that store holds: every
 * section in id order (the store has no order of entries, only of the lists inside them), every
 * relationship's polarity written out (the seed gives it only where it differs from its type's),
 * a relationship's places without repeats, and an event's relationships without repeats in id order
 * (the store keeps which relationships an event bears on, not in what order they were listed).
 * Everything else (names, aliases, participants, places and citations in their order) is kept.
 */
export function canonicalDataset(d: Dataset): Dataset {
  return {
    sources: byId(d.sources),
    places: byId(d.places),
    actors: byId(d.actors),
    relationships: byId(d.relationships).map((r) => ({
      ...r,
      polarity: r.polarity ?? RELATIONSHIP_TYPES[r.type].polarity,
      places: [...new Set(r.places)],
    })),
    events: byId(d.events).map((e) => ({ ...e, relationships: [...new Set(e.relationships)].sort() })),
    // The story keeps its reading order; the store keeps a step's highlights without repeats.
    story: d.story.map((s) => ({ ...s, actors: [...new Set(s.actors)], relationships: [...new Set(s.relationships)] })),
  };
}
