/**
 * Turns raw entries (parsed YAML or an import bundle) into a checked Dataset, or a DatasetError that
 * names every problem by file, entry and field. Nothing here touches the database: the loader only
 * writes a dataset that passed.
 */
import type { z } from "zod";
import { endsBeforeStart, overlaps, spanBounds, windowOf, type DateBound } from "../model/dates";
import { DATASET_FILES, type Dataset } from "./schema";

export interface DatasetProblem {
  /** The file (or bundle section) the entry came from. */
  file: string;
  /** "#3 (id: hama-massacre-1982)", or null for a problem with the whole file. */
  entry: string | null;
  /** The field inside the entry, dotted: "citations.0.source". */
  field: string | null;
  message: string;
}

export class DatasetError extends Error {
  constructor(readonly problems: DatasetProblem[]) {
    super(
      `the dataset has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join("\n"),
    );
    this.name = "DatasetError";
  }
}

export function formatProblem(p: DatasetProblem): string {
  return [p.file, p.entry && `entry ${p.entry}`, p.field && `field ${p.field}`].filter(Boolean).join(", ") + `: ${p.message}`;
}

type Section = keyof typeof DATASET_FILES;
const SECTIONS = Object.keys(DATASET_FILES) as Section[];

function entryLabel(index: number, raw: unknown): string {
  const id = raw && typeof raw === "object" && "id" in raw ? (raw as { id: unknown }).id : undefined;
  return typeof id === "string" ? `#${index + 1} (id: ${id})` : `#${index + 1}`;
}

/**
 * Validates every section, then the references between them. `files` maps each section to the name
 * used in messages (a file path for the seed, a bundle key for an import).
 */
export function validateDataset(raw: Partial<Record<Section, unknown>>, files: Record<Section, string>): Dataset {
  const problems: DatasetProblem[] = [];
  const parsed: Partial<Dataset> = {};

  for (const section of SECTIONS) {
    const file = files[section];
    const optional = "optional" in DATASET_FILES[section];
    const value = optional && (raw[section] === undefined || raw[section] === null) ? [] : raw[section];
    if (!Array.isArray(value)) {
      problems.push({ file, entry: null, field: null, message: value === undefined || value === null ? "expected a list of entries, found nothing" : "expected a list of entries" });
      continue;
    }
    const schema = DATASET_FILES[section].schema as z.ZodType;
    const entries: unknown[] = [];
    value.forEach((item, index) => {
      const result = schema.safeParse(item);
      if (result.success) {
        entries.push(result.data);
      } else {
        for (const issue of result.error.issues) {
          problems.push({ file, entry: entryLabel(index, item), field: issue.path.length ? issue.path.join(".") : null, message: issue.message });
        }
      }
    });
    (parsed as Record<Section, unknown[]>)[section] = entries;
  }
  if (problems.length) throw new DatasetError(problems);

  const dataset = parsed as Dataset;
  problems.push(...checkReferences(dataset, files));
  if (problems.length) throw new DatasetError(problems);
  return dataset;
}

/** Duplicate ids, dangling references, ends before starts: what no single entry can see. */
function checkReferences(d: Dataset, files: Record<Section, string>): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const ids = {} as Record<Section, Set<string>>;
  for (const section of SECTIONS) {
    const seen = new Set<string>();
    d[section].forEach((e, i) => {
      if (seen.has(e.id)) problems.push({ file: files[section], entry: entryLabel(i, e), field: "id", message: `duplicate id "${e.id}"` });
      seen.add(e.id);
    });
    ids[section] = seen;
  }
  const ref = (section: Section, file: string, entry: string, field: string, id: string, what: string) => {
    if (!ids[section].has(id)) problems.push({ file, entry, field, message: `unknown ${what} "${id}" (not in ${files[section]})` });
  };
  const citations = (file: string, entry: string, list: { source: string }[]) =>
    list.forEach((c, j) => ref("sources", file, entry, `citations.${j}.source`, c.source, "source"));
  const span = (file: string, entry: string, start: Parameters<typeof endsBeforeStart>[0], end: Parameters<typeof endsBeforeStart>[1], field = "end") => {
    if (endsBeforeStart(start, end)) problems.push({ file, entry, field, message: `the end (${end?.date}) is before the start (${start?.date})` });
  };

  d.actors.forEach((a, i) => {
    const entry = entryLabel(i, a);
    a.names.forEach((n, j) => span(files.actors, entry, n.start, n.end, `names.${j}.end`));
  });
  d.relationships.forEach((r, i) => {
    const file = files.relationships;
    const entry = entryLabel(i, r);
    ref("actors", file, entry, "from", r.from, "actor");
    ref("actors", file, entry, "to", r.to, "actor");
    if (r.from === r.to) problems.push({ file, entry, field: "to", message: "a relationship needs two different actors" });
    r.places.forEach((pid, j) => ref("places", file, entry, `places.${j}`, pid, "place"));
    span(file, entry, r.start, r.end);
    citations(file, entry, r.citations);
  });
  d.events.forEach((e, i) => {
    const file = files.events;
    const entry = entryLabel(i, e);
    if (e.place) ref("places", file, entry, "place", e.place, "place");
    const seen = new Set<string>();
    e.participants.forEach((p, j) => {
      ref("actors", file, entry, `participants.${j}.actor`, p.actor, "actor");
      const key = `${p.actor}/${p.role}`;
      if (seen.has(key)) problems.push({ file, entry, field: `participants.${j}`, message: `"${p.actor}" is listed twice as ${p.role}` });
      seen.add(key);
    });
    e.relationships.forEach((rid, j) => ref("relationships", file, entry, `relationships.${j}`, rid, "relationship"));
    span(file, entry, e.start, e.end);
    citations(file, entry, e.citations);
  });
  // Whether a step's highlights are drawn can only be judged over sound relationships and events.
  checkStory(d, files, problems, ref, citations, { drawing: problems.length === 0 });
  return problems;
}

/**
 * A step must be able to show what it highlights: every relationship it names must be active in the
 * step's window and every actor drawn there (an end of an active relationship or a participant in an
 * event of the window), or the reader would be pointed at an empty place on the graph.
 */
function checkStory(
  d: Dataset,
  files: Record<Section, string>,
  problems: DatasetProblem[],
  ref: (section: Section, file: string, entry: string, field: string, id: string, what: string) => void,
  citations: (file: string, entry: string, list: { source: string }[]) => void,
  { drawing }: { drawing: boolean },
): void {
  const file = files.story;
  const relationships = new Map(d.relationships.map((r) => [r.id, r]));
  d.story.forEach((s, i) => {
    const entry = entryLabel(i, s);
    const before = problems.length;
    s.actors.forEach((id, j) => ref("actors", file, entry, `actors.${j}`, id, "actor"));
    s.relationships.forEach((id, j) => ref("relationships", file, entry, `relationships.${j}`, id, "relationship"));
    citations(file, entry, s.citations);
    if (s.from !== undefined && windowOf({ at: s.from }).first! > windowOf({ at: s.date }).last!) {
      problems.push({ file, entry, field: "from", message: `the window starts (${s.from}) after it ends (${s.date})` });
    }
    if (problems.length > before || !drawing) return;
    const window = s.from !== undefined ? windowOf({ from: s.from, to: s.date }) : windowOf({ at: s.date });
    const when = s.from !== undefined ? `from ${s.from} to ${s.date}` : `in ${s.date}`;
    const drawn = new Set<string>();
    for (const r of d.relationships) {
      if (overlaps(spanBounds(r.start as DateBound | null, r.end as DateBound | null), window)) drawn.add(r.from).add(r.to);
    }
    for (const e of d.events) {
      if (overlaps(spanBounds(e.start as DateBound, e.end as DateBound | null, { endDefaultsToStart: true }), window)) e.participants.forEach((p) => drawn.add(p.actor));
    }
    s.relationships.forEach((id, j) => {
      const r = relationships.get(id)!;
      if (!overlaps(spanBounds(r.start as DateBound | null, r.end as DateBound | null), window)) {
        problems.push({ file, entry, field: `relationships.${j}`, message: `"${id}" is not active ${when}, so the step would highlight nothing` });
      }
    });
    s.actors.forEach((id, j) => {
      if (!drawn.has(id)) problems.push({ file, entry, field: `actors.${j}`, message: `"${id}" is not on the graph ${when}` });
    });
  });
}
