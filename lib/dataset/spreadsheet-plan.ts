/**
 * The plan of a spreadsheet import: given the dataset the store holds and the files (nodes.csv,
 * edges.csv, an optional sources.csv), what would be added, changed and refused, and the merged
 * dataset that applying it would load. Pure: no database, so the CLI's --dry-run, the editor's
 * preview and the tests all see the same plan. docs/import.md describes the columns and the rules.
 *
 * - A row whose id is in the store changes that entry; a cell left empty keeps what the store holds
 *   (an import never removes anything). A new id adds an entry.
 * - Several rows of edges.csv with the same id (or, without an id column, the same from, to, type and
 *   start) are one relationship with several citations.
 * - Every problem is named by file, row (the header is row 1) and column; once every row reads, the
 *   merged dataset is checked by the seed's own validateDataset, so an import refuses exactly what a
 *   seed file would.
 */
import { readHumanDate, readHumanPublicationDate } from "../model/human-dates";
import { ACTOR_KINDS, CERTAINTIES, RELATIONSHIP_TYPES, SOURCE_KINDS, keysOf } from "../model/vocabulary";
import { readCsvTable, type CsvFile, type CsvRow } from "./spreadsheet-csv";
import { columnOf, derivedRelationshipId, diff, listTerms, SECTION_OF, shown, slugOf, term, type FieldChange, type Kind } from "./spreadsheet-fields";
import {
  EDGE_SPEC,
  NODE_SPEC,
  SOURCE_SPEC,
  type EdgeColumn,
  type NodeColumn,
  type Refusal,
  type SourceColumn,
} from "./spreadsheet-columns";
import { canonicalDataset } from "./bundle-schema";
import { actorSchema, relationshipSchema, slugSchema, sourceSchema, type Actor, type Citation, type Dataset, type Relationship, type Source } from "./schema";
import { DatasetError, validateDataset } from "./validation";

export type { CsvFile } from "./spreadsheet-csv";
export { derivedRelationshipId, slugOf } from "./spreadsheet-fields";
export { formatRefusal, type Refusal } from "./spreadsheet-columns";

export interface SpreadsheetFiles {
  nodes?: CsvFile;
  edges?: CsvFile;
  sources?: CsvFile;
}

export type { FieldChange } from "./spreadsheet-fields";

export interface PlannedChange {
  kind: Kind;
  id: string;
  file: string;
  /** The first row that names the entry. */
  row: number;
  fields: FieldChange[];
}

export interface ImportPlan {
  added: { actors: Actor[]; relationships: Relationship[]; sources: Source[] };
  changed: PlannedChange[];
  /** Entries the files name that would stay as they are. */
  unchanged: number;
  refused: Refusal[];
  /** Columns the files have that the import does not read. */
  ignored: { file: string; column: string }[];
  /** The dataset the store would hold: load it with replaceDataset when `refused` is empty. */
  merged: Dataset;
}

type Origin = { file: string; row: number };

/** Builds the plan. Never throws for bad input: every problem is a refusal. */
export function planSpreadsheetImport(current: Dataset, files: SpreadsheetFiles): ImportPlan {
  const base = canonicalDataset(current);
  const refused: Refusal[] = [];
  const ignored: ImportPlan["ignored"] = [];
  const changed: PlannedChange[] = [];
  let unchanged = 0;
  const added: ImportPlan["added"] = { actors: [], relationships: [], sources: [] };
  const origins = { actor: new Map<string, Origin>(), relationship: new Map<string, Origin>(), source: new Map<string, Origin>() };

  const sources = new Map(base.sources.map((s) => [s.id, s]));
  const actors = new Map(base.actors.map((a) => [a.id, a]));
  const relationships = new Map(base.relationships.map((r) => [r.id, r]));

  /** Files whose own refusals would mislead when an earlier problem explains them: names known even when their row was refused. */
  const namedSources = new Set(sources.keys());
  const namedActors = new Set(actors.keys());

  /** Validates an entry against its schema and records it as added, changed or unchanged. */
  function settle<T extends { id: string }>(
    kind: Kind,
    origin: Origin,
    header: (column: string) => string,
    candidate: unknown,
    before: T | undefined,
    store: Map<string, T>,
    schema: { safeParse: (v: unknown) => { success: true; data: unknown } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } },
    cellOf: (column: string) => string,
  ): void {
    const result = schema.safeParse(candidate);
    if (!result.success) {
      const seen = new Set<string>();
      for (const issue of result.error.issues) {
        const column = columnOf(kind, issue.path);
        const key = `${column}\u0000${issue.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        refused.push({ file: origin.file, row: origin.row, column: header(column), value: cellOf(column), message: issue.message });
      }
      return;
    }
    const entry = result.data as T;
    origins[kind].set(entry.id, origin);
    store.set(entry.id, entry);
    if (!before) {
      (added[SECTION_OF[kind]] as unknown as T[]).push(entry);
      return;
    }
    const fields = diff(before as Record<string, unknown>, entry as Record<string, unknown>);
    if (fields.length) changed.push({ kind, id: entry.id, file: origin.file, row: origin.row, fields });
    else unchanged++;
  }

  // Sources first: the edges cite them.
  if (files.sources) {
    const table = readCsvTable(files.sources, SOURCE_SPEC);
    refused.push(...table.refused);
    ignored.push(...table.ignored.map((column) => ({ file: files.sources!.name, column })));
    const file = files.sources.name;
    const seen = new Map<string, number>();
    for (const { row, cells } of table.rows) {
      const refuse = (column: SourceColumn, message: string) => refused.push({ file, row, column: table.header(column), value: cells[column] ?? "", message });
      const id = cells.id ?? "";
      if (id === "") {
        refuse("id", "expected an id for the source (a slug such as neumann-2014), which edges.csv cites in its source column");
        continue;
      }
      namedSources.add(id);
      if (seen.has(id)) {
        refuse("id", `the source "${id}" is already on row ${seen.get(id)}`);
        continue;
      }
      seen.set(id, row);
      const before = sources.get(id);
      const next: Record<string, unknown> = before ? { ...before } : { id, authors: [], notes: [] };
      let bad = false;
      if (cells.author) next.authors = cells.author.split(";").map((a) => a.trim()).filter(Boolean);
      if (cells.title) next.title = cells.title;
      if (cells.date) {
        const date = readHumanPublicationDate(cells.date);
        if (date.ok) next.date = date.date;
        else (refuse("date", date.message), (bad = true));
      } else if (!before) next.date = null;
      if (cells.url) next.url = cells.url;
      if (cells.outlet) next.outlet = cells.outlet;
      if (cells.details) next.details = cells.details;
      if (cells.notes) next.notes = cells.notes.split(";").map((n) => n.trim()).filter(Boolean);
      if (cells.kind) {
        const kind = term(cells.kind, keysOf(SOURCE_KINDS), (k) => SOURCE_KINDS[k]);
        if (kind) next.kind = kind;
        else (refuse("kind", `unknown kind of source "${cells.kind}"; expected one of ${listTerms(keysOf(SOURCE_KINDS))}`), (bad = true));
      } else if (!before) {
        refuse("kind", `expected the kind of source: one of ${listTerms(keysOf(SOURCE_KINDS))}`);
        bad = true;
      }
      if (cells.citedAs) next.citedAs = cells.citedAs;
      else if (!before) {
        // "Neumann 2014", as a bibliography cites it: the first author's surname and the year.
        const authors = next.authors as string[];
        const surname = authors[0]?.split(",")[0]?.trim();
        const year = typeof next.date === "string" ? next.date.slice(0, 4) : "";
        next.citedAs = surname ? `${surname}${authors.length > 1 ? " et al." : ""}${year ? ` ${year}` : ""}` : ((next.title as string | undefined) ?? id);
      }
      if (bad) continue;
      settle("source", { file, row }, table.header as (c: string) => string, next, before, sources, sourceSchema, (c) => cells[c as SourceColumn] ?? "");
    }
  }

  // Nodes: actors, by id or by an id made from the label.
  const labelToId = new Map<string, string | null>();
  const noteLabel = (label: string, id: string) => {
    const key = label.trim().toLowerCase();
    const known = labelToId.get(key);
    labelToId.set(key, known === undefined || known === id ? id : null);
  };
  if (files.nodes) {
    const table = readCsvTable(files.nodes, NODE_SPEC);
    refused.push(...table.refused);
    ignored.push(...table.ignored.map((column) => ({ file: files.nodes!.name, column })));
    const file = files.nodes.name;
    const seen = new Map<string, number>();
    for (const { row, cells } of table.rows) {
      const refuse = (column: NodeColumn, message: string) => refused.push({ file, row, column: table.header(column), value: cells[column] ?? "", message });
      const label = cells.label ?? "";
      let id = cells.id ?? "";
      if (id === "") {
        id = slugOf(label);
        if (id === "") {
          refuse(cells.id === undefined ? "label" : "id", "expected an id, or a label to make one from");
          continue;
        }
      }
      namedActors.add(id);
      if (label) noteLabel(label, id);
      if (seen.has(id)) {
        refuse(cells.id ? "id" : "label", `the actor "${id}" is already on row ${seen.get(id)}`);
        continue;
      }
      seen.set(id, row);
      const before = actors.get(id);
      const next: Record<string, unknown> = before ? { ...before, names: [...before.names], aliases: [...before.aliases] } : { id, aliases: [], names: [] };
      let bad = false;
      if (label) next.name = label;
      else if (!before) (refuse("label", "a new actor needs a label: the name shown on the graph"), (bad = true));
      if (cells.type) {
        const kind = term(cells.type, keysOf(ACTOR_KINDS), (k) => ACTOR_KINDS[k]);
        if (kind) next.kind = kind;
        else (refuse("type", `unknown type of actor "${cells.type}"; expected one of ${listTerms(keysOf(ACTOR_KINDS))}`), (bad = true));
      } else if (!before) (refuse("type", `a new actor needs a type: one of ${listTerms(keysOf(ACTOR_KINDS))}`), (bad = true));
      if (cells.description) next.description = cells.description;
      else if (!before) (refuse("description", "a new actor needs a description (at least 10 characters): who the actor is"), (bad = true));
      if (cells.aliases) next.aliases = [...new Set(cells.aliases.split(";").map((a) => a.trim()).filter(Boolean))];
      const start = readHumanDate(cells.start ?? "", "start");
      const end = readHumanDate(cells.end ?? "", "end");
      if (!start.ok) (refuse("start", start.message), (bad = true));
      if (!end.ok) (refuse("end", end.message), (bad = true));
      if (bad || !start.ok || !end.ok) continue;
      // A node's start and end date its label: the name it bears from start to end.
      if (start.bound || end.bound) {
        const name = next.name as string;
        const names = next.names as Actor["names"];
        const i = names.findIndex((n) => n.name === name);
        const dated = { ...(i >= 0 ? names[i] : { name }), start: start.bound ?? (i >= 0 ? names[i]!.start : null), end: end.bound ?? (i >= 0 ? names[i]!.end : null) };
        if (i >= 0) names[i] = dated as Actor["names"][number];
        else names.push(dated as Actor["names"][number]);
      }
      settle("actor", { file, row }, table.header as (c: string) => string, next, before, actors, actorSchema, (c) => cells[c as NodeColumn] ?? "");
    }
  }
  for (const a of actors.values()) {
    if (!labelToId.has(a.name.toLowerCase())) noteLabel(a.name, a.id);
  }

  // Edges: relationships, each row one citation.
  if (files.edges) {
    const table = readCsvTable(files.edges, EDGE_SPEC);
    refused.push(...table.refused);
    ignored.push(...table.ignored.map((column) => ({ file: files.edges!.name, column })));
    const file = files.edges.name;
    // Gephi's Type is the edge's direction and its Label the relation; Kumu's Type is the relation.
    // A column the file has is in every row's cells (empty or not).
    const hasType = table.rows.some((r) => r.cells.type !== undefined);
    const hasLabel = table.rows.some((r) => r.cells.label !== undefined);
    const gephiType = hasType && hasLabel && table.rows.some((r) => r.cells.label) && table.rows.every((r) => /^(directed|undirected|mixed|)$/i.test(r.cells.type ?? ""));
    const typeColumn: EdgeColumn = gephiType || !hasType ? "label" : "type";
    if (gephiType) ignored.push({ file, column: table.header("type") });
    else if (hasType && hasLabel) ignored.push({ file, column: table.header("label") });

    interface Draft {
      origin: Origin;
      cells: CsvRow<EdgeColumn>["cells"];
      fields: Record<string, unknown>;
      citations: Citation[];
      bad: boolean;
    }
    const drafts = new Map<string, Draft>();
    for (const { row, cells } of table.rows) {
      const refuse = (column: EdgeColumn, message: string) => refused.push({ file, row, column: table.header(column), value: cells[column] ?? "", message });
      let bad = false;
      const fields: Record<string, unknown> = {};
      // With an id, a row may leave the ends empty: it adds a citation to that relationship (the store's or an earlier row's).
      const hasId = (cells.id ?? "") !== "";
      const end = (column: "from" | "to") => {
        const value = cells[column] ?? "";
        if (value === "" && hasId) return undefined;
        if (value === "") return (refuse(column, `expected the actor the relationship goes ${column} (an id or a label of nodes.csv or the store)`), null);
        if (namedActors.has(value)) return value;
        const byLabel = labelToId.get(value.toLowerCase());
        if (byLabel) return byLabel;
        if (byLabel === null) return (refuse(column, `"${value}" is the label of more than one actor; use the id`), null);
        return (refuse(column, `unknown actor "${value}": not an id or a label in ${files.nodes?.name ?? "nodes.csv"} or the store`), null);
      };
      const from = end("from");
      const to = end("to");
      const typeText = cells[typeColumn] ?? "";
      const type = typeText ? term(typeText, keysOf(RELATIONSHIP_TYPES), (k) => RELATIONSHIP_TYPES[k].label) : null;
      if (typeText && !type) (refuse(typeColumn, `unknown type of relationship "${typeText}"; expected one of ${listTerms(keysOf(RELATIONSHIP_TYPES))}`), (bad = true));
      const start = readHumanDate(cells.start ?? "", "start");
      const endDate = readHumanDate(cells.end ?? "", "end");
      if (!start.ok) (refuse("start", start.message), (bad = true));
      if (!endDate.ok) (refuse("end", endDate.message), (bad = true));
      if (from === null || to === null) bad = true;

      let id = cells.id ?? "";
      if (id === "") {
        if (!type) {
          if (!typeText) refuse(typeColumn, `expected the type of relationship: one of ${listTerms(keysOf(RELATIONSHIP_TYPES))}`);
          continue;
        }
        if (bad || !start.ok) continue;
        id = derivedRelationshipId(from!, to!, type, start.bound);
      }
      if (from) fields.from = from;
      if (to) fields.to = to;
      if (type) fields.type = type;
      if (cells.start && start.ok) fields.start = start.bound;
      if (cells.end && endDate.ok) fields.end = endDate.bound;
      if (cells.certainty) {
        const certainty = term(cells.certainty, keysOf(CERTAINTIES), (k) => k);
        if (certainty) fields.certainty = certainty;
        else (refuse("certainty", `unknown certainty "${cells.certainty}"; expected one of ${listTerms(keysOf(CERTAINTIES))}`), (bad = true));
      }
      if (cells.polarity) {
        const polarity = term(cells.polarity, ["cooperative", "hostile", "neutral"] as const, (k) => k);
        if (polarity) fields.polarity = polarity;
        else (refuse("polarity", `unknown polarity "${cells.polarity}"; expected cooperative, hostile or neutral (or leave it empty for the type's own)`), (bad = true));
      }
      if (cells.summary) fields.summary = cells.summary;
      if (cells.dateNote) fields.dateNote = cells.dateNote;

      const citation: Citation | null = cells.source ? { source: cells.source, ...(cells.pages ? { pages: cells.pages } : {}), note: cells.note ?? "" } : null;
      if (citation && !namedSources.has(citation.source)) {
        refuse("source", `unknown source "${citation.source}": not an id in ${files.sources?.name ?? "sources.csv"} or the store`);
        bad = true;
      } else if (!citation && (cells.pages || cells.note)) {
        refuse("source", "pages and a note need the source they cite");
        bad = true;
      }

      const draft = drafts.get(id);
      if (!draft) {
        drafts.set(id, { origin: { file, row }, cells, fields, citations: citation ? [citation] : [], bad });
        continue;
      }
      // A further row of the same relationship: another citation, and no other value than the first row's.
      for (const [field, value] of Object.entries(fields)) {
        if (field in draft.fields && JSON.stringify(draft.fields[field]) !== JSON.stringify(value)) {
          const column = (field === "type" ? typeColumn : field) as EdgeColumn;
          refuse(column, `row ${draft.origin.row} gives the same relationship ("${id}") as ${shown(draft.fields[field]) || "empty"}; a further row of a relationship only adds a citation`);
          bad = true;
        }
      }
      Object.assign(draft.fields, { ...fields, ...draft.fields });
      if (citation) draft.citations.push(citation);
      draft.bad ||= bad;
    }

    for (const [id, draft] of drafts) {
      if (draft.bad) continue;
      const { origin, fields } = draft;
      const refuse = (column: EdgeColumn, message: string) =>
        refused.push({ file: origin.file, row: origin.row, column: table.header(column), value: draft.cells[column] ?? "", message });
      const idCheck = slugSchema.safeParse(id);
      if (!idCheck.success) {
        refuse("id", idCheck.error.issues[0]!.message);
        continue;
      }
      const before = relationships.get(id);
      const next: Record<string, unknown> = before ? { ...before, citations: [...before.citations] } : { id, start: null, end: null, places: [], citations: [] };
      Object.assign(next, fields);
      if (!before) {
        const missing = (["from", "to", "type", "certainty", "summary"] as const).filter((f) => next[f] === undefined);
        if (missing.length) {
          for (const f of missing) {
            const column: EdgeColumn = f === "type" ? typeColumn : f;
            const why =
              f === "certainty"
                ? `a new relationship needs a certainty: one of ${listTerms(keysOf(CERTAINTIES))}`
                : f === "summary"
                  ? "a new relationship needs a summary (at least 10 characters) saying what the tie was"
                  : `a new relationship needs ${f === "type" ? "a type" : `a "${f}" actor`}`;
            refuse(column, why);
          }
          continue;
        }
        if (draft.citations.length === 0) {
          refuse("source", "a new relationship needs at least one citation: the id of a source in the store or in sources.csv");
          continue;
        }
        next.polarity ??= RELATIONSHIP_TYPES[next.type as keyof typeof RELATIONSHIP_TYPES].polarity;
      } else if (fields.type && !fields.polarity && before.polarity === RELATIONSHIP_TYPES[before.type].polarity) {
        // A polarity that only followed the old type follows the new one.
        next.polarity = RELATIONSHIP_TYPES[fields.type as keyof typeof RELATIONSHIP_TYPES].polarity;
      }
      // Citations add to the store's. A row equal to one of them (or naming its source and pages with no
      // note) is that citation; a row with the same source and pages as exactly one other of them
      // changes its note; any other row is a new citation.
      const citations = next.citations as Citation[];
      const stored = citations.length;
      const matched = new Set<number>();
      const samePlace = (k: Citation, c: Citation) => k.source === c.source && (k.pages ?? "") === (c.pages ?? "");
      for (const c of draft.citations) {
        const exact = citations.findIndex((k, i) => i < stored && !matched.has(i) && samePlace(k, c) && (k.note === c.note || c.note === ""));
        if (exact >= 0) {
          matched.add(exact);
          continue;
        }
        const candidates = citations.map((k, i) => (i < stored && !matched.has(i) && samePlace(k, c) ? i : -1)).filter((i) => i >= 0);
        if (candidates.length === 1 && c.note) {
          matched.add(candidates[0]!);
          citations[candidates[0]!] = { ...citations[candidates[0]!]!, note: c.note };
        } else citations.push(c);
      }
      settle("relationship", origin, table.header as (c: string) => string, next, before, relationships, relationshipSchema, (c) => draft.cells[c as EdgeColumn] ?? "");
    }
  }

  let merged: Dataset = {
    ...base,
    sources: [...sources.values()],
    actors: [...actors.values()],
    relationships: [...relationships.values()],
  };
  if (refused.length === 0) {
    const labels = { sources: "sources", places: "places", actors: "actors", relationships: "relationships", events: "events", story: "story" };
    try {
      merged = canonicalDataset(validateDataset(merged, labels));
    } catch (e) {
      if (!(e instanceof DatasetError)) throw e;
      for (const p of e.problems) {
        const kind = (Object.keys(SECTION_OF) as Kind[]).find((k) => SECTION_OF[k] === p.file);
        const id = /\(id: (.*)\)$/.exec(p.entry ?? "")?.[1];
        const origin = kind && id ? origins[kind].get(id) : undefined;
        if (origin && kind) {
          const path = (p.field ?? "id").split(".");
          refused.push({ file: origin.file, row: origin.row, column: columnOf(kind, path), value: "", message: p.message });
        } else {
          // An entry the files did not name, such as a story step that would lose what it highlights.
          refused.push({ file: `the store's ${p.file}`, row: null, column: null, value: "", message: `entry ${p.entry ?? "?"}${p.field ? `, field ${p.field}` : ""}: ${p.message}` });
        }
      }
    }
  }
  return { added, changed, unchanged, refused, ignored, merged };
}
