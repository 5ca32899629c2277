/**
 * A dataset written as seed files (actors.yaml, relationships.yaml, ... as in seed/data), so a team
 * can keep its dataset in git, review changes there, and load it back with `npm run db:seed -- --from DIR`.
 *
 * Canonical and stable: the same dataset always gives the same bytes. Entries are in id order (the
 * story in its reading order), keys in the schemas' order, and what a load would fill in by itself is
 * left out (an empty list of aliases, a polarity equal to its type's, an open end), as the
 * hand-written seed files leave it out; loading the files gives back exactly the dataset written.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Document, isMap, isScalar, isSeq, parse, visit } from "yaml";
import { z } from "zod";
import { DatasetError } from "./validation";
import { canonicalDataset } from "./bundle-schema";
import { DATASET_FILES, type Dataset } from "./schema";
import { RELATIONSHIP_TYPES } from "../model/vocabulary";

type Section = keyof typeof DATASET_FILES;
type Bound = { date: string; qualifier: string } | null;

/** A bound as the seed writes it: the bare date when exact, else { date, qualifier }. */
const bound = (b: Bound) => (b === null ? null : b.qualifier === "exact" ? b.date : { date: b.date, qualifier: b.qualifier });

/** Leaves out keys whose value a load would fill in anyway (undefined, empty lists, open optional ends). */
function compact(entry: Record<string, unknown>, defaults: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0 && key in defaults) continue;
    if (key in defaults && defaults[key] === value) continue;
    out[key] = value;
  }
  return out;
}

const EMPTY_LIST = [] as const;

/** Each section's entries as plain objects ready for YAML. */
function sections(d: Dataset): Record<Section, unknown[]> {
  const c = canonicalDataset(d);
  return {
    sources: c.sources.map((s) => compact({ ...s }, { notes: EMPTY_LIST })),
    places: c.places.map((p) => compact({ ...p })),
    actors: c.actors.map((a) =>
      compact(
        {
          ...a,
          names: a.names.map((n) => compact({ ...n, start: bound(n.start), end: bound(n.end) }, { start: null, end: null })),
        },
        { aliases: EMPTY_LIST, names: EMPTY_LIST },
      ),
    ),
    relationships: c.relationships.map((r) =>
      compact(
        { ...r, start: bound(r.start), end: bound(r.end) },
        // `start` stays even when null: the schema asks for it, so an unknown start is said outright.
        { polarity: RELATIONSHIP_TYPES[r.type].polarity, end: null, places: EMPTY_LIST },
      ),
    ),
    events: c.events.map((e) => compact({ ...e, start: bound(e.start), end: bound(e.end) }, { end: null, relationships: EMPTY_LIST })),
    story: c.story.map((s) => compact({ ...s }, { actors: EMPTY_LIST, relationships: EMPTY_LIST })),
  };
}

const HEADERS: Record<Section, string> = {
  sources: "Sources: the works cited, one entry each.",
  places: "Places named by relationships and events.",
  actors: "Actors: ids are stable slugs; dated names under `names`, undated ones under `aliases`.",
  relationships: "Relationships: directed links (`from` acts on `to`), dated and cited.",
  events: "Events: dated, with participants and citations.",
  story: "Story: the guided tour, in reading order.",
};

/** YAML text of one list: bounds and lists of plain words in flow style ({ date, qualifier }, [a, b]), as the seed writes them. */
function yamlList(section: Section, entries: unknown[]): string {
  const doc = new Document(entries);
  // A blank line between entries, as in the hand-written files: diffs then read entry by entry.
  if (isSeq(doc.contents)) doc.contents.items.forEach((item, i) => i > 0 && isMap(item) && (item.spaceBefore = true));
  visit(doc, {
    Scalar(_key, node) {
      // Dates quoted, so that YAML 1.1 readers (PyYAML and others) see text, not a timestamp or a number.
      if (typeof node.value === "string" && /^\d{4}(?:-\d{2}){0,2}$/.test(node.value)) node.type = "QUOTE_DOUBLE";
    },
    Map(_key, node) {
      const keys = node.items.map((pair) => (isScalar(pair.key) ? pair.key.value : null));
      if (keys.length === 2 && keys[0] === "date" && keys[1] === "qualifier") node.flow = true;
    },
    Seq(_key, node) {
      if (node.items.length > 0 && node.items.every((item) => isScalar(item) && typeof item.value === "string" && !/[\n]/.test(item.value))) node.flow = true;
    },
  });
  doc.commentBefore = ` ${HEADERS[section]}\n Written by npm run dataset:export -- --format yaml; load with npm run db:seed -- --from DIR.`;
  // An empty list is written "[]", so an empty section still reads as a list, not as nothing.
  return doc.toString({ lineWidth: 100, minContentWidth: 40, flowCollectionPadding: false });
}

/** The seed files of a dataset: file name → text, in the order of DATASET_FILES; every file is written, an empty story too. */
export function datasetToYamlFiles(d: Dataset): { file: string; text: string }[] {
  const lists = sections(d);
  return (Object.keys(DATASET_FILES) as Section[]).map((section) => ({ file: DATASET_FILES[section].file, text: yamlList(section, lists[section]) }));
}

/**
 * Beside the seed files, what the store held when they were written: its dataset version (which
 * state of a living dataset the files are) and the number of revisions in its log. `db:seed --from DIR` compares it with the store's log and refuses to replace revisions made
 * after the export (without --force). Hand-written seed folders have no such file: they hold none.
 */
export const EXPORT_INFO_FILE = "export.yaml";

export function exportInfoText({ revisions, datasetVersion }: { revisions: number; datasetVersion: number }): string {
  return (
    "# What the store held when these files were written (npm run dataset:export -- --format yaml).\n" +
    "# npm run db:seed -- --from DIR refuses to replace a store whose revision log is longer (unless --force).\n" +
    `datasetVersion: ${datasetVersion}\n` +
    `revisions: ${revisions}\n`
  );
}

const exportInfoSchema = z.object({ revisions: z.number().int().min(0), datasetVersion: z.number().int().min(0).optional() });

/** The revisions a folder of seed files includes: its export.yaml's count, 0 without one. Throws a DatasetError naming the file if it is unreadable. */
export function readExportInfo(dir: string): { revisions: number; datasetVersion?: number } {
  const full = path.join(dir, EXPORT_INFO_FILE);
  if (!existsSync(full)) return { revisions: 0 };
  let raw: unknown;
  try {
    raw = parse(readFileSync(full, "utf8"));
  } catch (e) {
    throw new DatasetError([{ file: full, entry: null, field: null, message: `not valid YAML: ${(e as Error).message}` }]);
  }
  const result = exportInfoSchema.safeParse(raw);
  if (!result.success) throw new DatasetError([{ file: full, entry: null, field: "revisions", message: "expected revisions: a whole number of 0 or more" }]);
  return result.data;
}
