/**
 * The dataset as one file (lib/dataset/bundle-schema.ts), on the store named by DATABASE_URL:
 *
 *   npm run dataset:export -- [--out FILE]        the whole store as a JSON bundle (stdout without --out)
 *   npm run dataset:export -- --format yaml --out DIR
 *                                                 the whole store as seed files (actors.yaml, ...) in DIR,
 *                                                 which npm run db:seed -- --from DIR loads back
 *   npm run dataset:import -- FILE [--if-empty] [--force]
 *                                                 replace the store's contents with a bundle, all or nothing;
 *                                                 --if-empty only fills an empty store; a store whose log holds
 *                                                 revisions the bundle lacks is refused unless --force
 *   npm run dataset:import -- --nodes nodes.csv --edges edges.csv [--sources sources.csv] [--dry-run] [--reason TEXT]
 *                                                 merge a spreadsheet into the store (docs/import.md): prints
 *                                                 the preview; writes it all in one transaction unless
 *                                                 --dry-run or any row is refused (then exit 1, nothing written);
 *                                                 each entry added or changed is a revision by "command line"
 *
 * Exit codes: 0 done (or left as it was with --if-empty), 1 refused or failed (nothing written),
 * 2 a wrong command line.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { tooLarge, writeFileAtomically } from "../lib/dataset/files";
import { DatasetError } from "../lib/dataset/validation";
import { databaseFile } from "../lib/env";
import { readBundleText } from "../lib/dataset/bundle-schema";
import { bundleText, exportBundle, readDataset } from "../lib/server/store/dataset-bundle";
import { countRevisions, refuseToDropRevisions, RevisionsNotIncludedError } from "../lib/server/store/revision-log";
import { datasetToYamlFiles, EXPORT_INFO_FILE, exportInfoText } from "../lib/dataset/yaml-export";
import { updateLayout } from "../lib/server/store/layout";
import { getDatasetVersion } from "../lib/server/store/dataset-version";
import { isStoreEmpty, replaceDataset } from "../lib/server/store/load-dataset";
import { createPrismaClient } from "../lib/server/store/prisma-client";
import { LIMITS } from "../lib/dataset/schema";
import { describeStoreFailure } from "../lib/dataset/store-failure";
import type { CsvFile, SpreadsheetFiles } from "../lib/dataset/spreadsheet-plan";
import { describePlan } from "../lib/dataset/spreadsheet-preview";
import { importSpreadsheet } from "../lib/server/store/import-spreadsheet";
import { COMMAND_LINE } from "../lib/server/writes/record-batch";
import { StaleDatasetError } from "../lib/server/store/load-dataset";

const USAGE = `usage:
  dataset-bundle export [--format json] [--out FILE]
  dataset-bundle export --format yaml --out DIR
  dataset-bundle import FILE [--if-empty] [--force]
  dataset-bundle import [--nodes nodes.csv] [--edges edges.csv] [--sources sources.csv] [--dry-run] [--reason TEXT]`;

class UsageError extends Error {}
/** A refusal with a message of its own, printed without a stack. */
class CommandError extends Error {}

/** A file named the way the user wrote it, relative to the working directory when inside it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

/** The store's file; refuses a missing one rather than let SQLite create an empty, unmigrated file. */
function storeFile(): string {
  const file = databaseFile();
  if (!existsSync(file)) throw new CommandError(`no database at ${file}; run npm run db:migrate first (or set DATABASE_URL)`);
  return file;
}

async function runExport(args: string[]) {
  const { values, positionals } = parseArgs({ args, options: { out: { type: "string" }, format: { type: "string", default: "json" } }, allowPositionals: true });
  if (positionals.length) throw new UsageError(`export takes no file argument (use --out FILE): ${positionals.join(" ")}`);
  if (values.format === "yaml") {
    if (!values.out) throw new UsageError("--format yaml needs --out DIR (the folder to write the seed files into)");
    return runYamlExport(path.resolve(values.out));
  }
  if (values.format !== "json") throw new UsageError(`unknown format "${values.format}": json or yaml`);
  const file = storeFile();
  const client = createPrismaClient(file);
  try {
    const bundle = await exportBundle(client);
    const text = bundleText(bundle);
    const counts =
      `${bundle.actors.length} actors, ${bundle.relationships.length} relationships, ${bundle.events.length} events, ` +
      `${bundle.sources.length} sources, ${bundle.places.length} places`;
    if (values.out) {
      const out = path.resolve(values.out);
      // Never in place: a full disk half-way must not leave the previous good backup truncated.
      writeFileAtomically(out, text);
      console.log(`dataset:export: wrote ${counts} from ${file} to ${shown(out)} (${Buffer.byteLength(text)} bytes)`);
    } else {
      await new Promise<void>((resolve, reject) => {
        process.stdout.once("error", reject);
        process.stdout.write(text, (e) => (e ? reject(e) : resolve()));
      });
      // stdout is the bundle; the summary goes to stderr so a redirect captures only the file.
      console.error(`dataset:export: wrote ${counts} from ${file}`);
    }
  } finally {
    await client.$disconnect();
  }
}

/** The store as seed files in `dir`, each written atomically; a file the store does not fill is written empty ([]), never left stale. */
async function runYamlExport(dir: string) {
  const file = storeFile();
  const client = createPrismaClient(file);
  try {
    // The version first: a write in between makes the files claim an older version, never a newer one.
    const datasetVersion = await getDatasetVersion(client);
    const [dataset, revisions] = await Promise.all([readDataset(client), countRevisions(client)]);
    mkdirSync(dir, { recursive: true });
    let bytes = 0;
    for (const { file: name, text } of [...datasetToYamlFiles(dataset), { file: EXPORT_INFO_FILE, text: exportInfoText({ revisions, datasetVersion }) }]) {
      writeFileAtomically(path.join(dir, name), text);
      bytes += Buffer.byteLength(text);
    }
    console.log(
      `dataset:export: wrote ${dataset.actors.length} actors, ${dataset.relationships.length} relationships, ${dataset.events.length} events, ` +
        `${dataset.sources.length} sources, ${dataset.places.length} places, ${dataset.story.length} story steps from ${file} ` +
        `as seed files in ${shown(dir)} (${bytes} bytes; dataset version ${datasetVersion}, ${revisions} revisions in the log)`,
    );
  } finally {
    await client.$disconnect();
  }
}

/** A CSV file's text, or a refusal naming it: too large or unreadable. */
function readCsvFile(file: string): CsvFile {
  const input = path.resolve(file);
  const name = shown(input);
  try {
    const size = statSync(input).size;
    if (size > LIMITS.fileBytes) throw new DatasetError([{ file: name, entry: null, field: null, message: tooLarge(size) }]);
    return { name, text: readFileSync(input, "utf8") };
  } catch (e) {
    if (e instanceof DatasetError) throw e;
    throw new DatasetError([{ file: name, entry: null, field: null, message: `cannot read the file (${(e as Error).message})` }]);
  }
}

async function runSpreadsheetImport(values: { nodes?: string; edges?: string; sources?: string; "dry-run"?: boolean; reason?: string }) {
  const reason = values.reason?.trim();
  // The write API's own rule for a reason (3 to 2,000 characters).
  if (reason !== undefined && (reason.length < 3 || reason.length > 2000)) throw new UsageError("--reason takes 3 to 2,000 characters: why the data changes");
  const files: SpreadsheetFiles = {
    ...(values.nodes ? { nodes: readCsvFile(values.nodes) } : {}),
    ...(values.edges ? { edges: readCsvFile(values.edges) } : {}),
    ...(values.sources ? { sources: readCsvFile(values.sources) } : {}),
  };
  const file = storeFile();
  const client = createPrismaClient(file);
  try {
    const dryRun = values["dry-run"] ?? false;
    const { plan, applied } = await importSpreadsheet(client, files, { dryRun, reason });
    const [summary, ...details] = describePlan(plan);
    console.log(`dataset:import: ${dryRun ? "preview" : "plan"}: ${summary}`);
    for (const line of details) console.log(line);
    if (plan.refused.length > 0) {
      console.error(`dataset:import: nothing was written; ${plan.refused.length} problem${plan.refused.length === 1 ? "" : "s"} above to fix first (all or nothing)`);
      process.exitCode = 1;
      return;
    }
    if (!applied) {
      console.log("dataset:import: dry run; nothing was written");
      return;
    }
    console.log(
      `dataset:import: the store now holds ${applied.counts.actors} actors, ${applied.counts.relationships} relationships, ` +
        `${applied.counts.sources} sources, ${applied.counts.citations} citations (${file})`,
    );
    const { created, updated } = applied.revisions;
    console.log(`dataset:import: recorded ${created + updated} revision${created + updated === 1 ? "" : "s"} (${created} created, ${updated} updated) as "${COMMAND_LINE.name}"`);
    console.log(`dataset:import: ${applied.layout.summary}`);
  } finally {
    await client.$disconnect();
  }
}

async function runImport(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: {
      "if-empty": { type: "boolean", default: false },
      nodes: { type: "string" },
      edges: { type: "string" },
      sources: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      reason: { type: "string" },
      force: { type: "boolean", default: false },
    },
    allowPositionals: true,
  });
  if (values.nodes || values.edges || values.sources) {
    if (positionals.length) throw new UsageError("give either a bundle FILE or --nodes/--edges/--sources, not both");
    if (values["if-empty"]) throw new UsageError("--if-empty is for bundles; a spreadsheet import merges into the store");
    if (values.force) throw new UsageError("--force is for bundles; a spreadsheet import replaces nothing");
    return runSpreadsheetImport(values);
  }
  if (values["dry-run"]) throw new UsageError("--dry-run is for spreadsheet imports (--nodes, --edges, --sources)");
  if (values.reason !== undefined) throw new UsageError("--reason is for spreadsheet imports (--nodes, --edges, --sources); a bundle replaces the store and records no revision");
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `import takes one file, not ${positionals.length}` : "import needs the bundle file");
  const input = path.resolve(positionals[0]!);
  const name = shown(input);
  let text: string;
  try {
    // Checked before reading: a bundle this large is a mistake, and reading it could exhaust memory.
    const size = statSync(input).size;
    if (size > LIMITS.fileBytes) throw new DatasetError([{ file: name, entry: null, field: null, message: tooLarge(size) }]);
    text = readFileSync(input, "utf8");
  } catch (e) {
    if (e instanceof DatasetError) throw e;
    throw new DatasetError([{ file: name, entry: null, field: null, message: `cannot read the file (${(e as Error).message})` }]);
  }
  // Checked before the store is opened: a bad bundle never gets near the database.
  const { dataset, meta } = readBundleText(text, name);
  const file = storeFile();
  const client = createPrismaClient(file);
  try {
    if (values["if-empty"] && !(await isStoreEmpty(client))) {
      console.log(`dataset:import: ${file} already holds data; left as it is`);
      return;
    }
    await refuseToDropRevisions(client, { included: meta?.revisions ?? 0, force: values.force, files: name, oneFile: true, exportHint: "npm run dataset:export -- --out FILE" });
    const counts = await replaceDataset(client, dataset);
    console.log(
      `dataset:import: loaded ${counts.actors} actors (${counts.actorNames} names and aliases), ${counts.relationships} relationships, ` +
        `${counts.events} events (${counts.participants} participants), ${counts.sources} sources, ${counts.places} places, ` +
        `${counts.citations} citations from ${name} into ${file}`,
    );
    console.log(`dataset:import: ${(await updateLayout(client)).summary}`);
  } finally {
    await client.$disconnect();
  }
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (command === "export") return runExport(rest);
  if (command === "import") return runImport(rest);
  throw new UsageError(command ? `unknown command "${command}"` : "which command: export or import?");
}

const command = process.argv[2] === "export" ? "dataset:export" : "dataset:import";
main(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
    console.error(`dataset-bundle: ${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const failure = describeStoreFailure(e);
  if (e instanceof DatasetError) {
    console.error(`${command}: nothing was written; ${e.message}`);
  } else if (e instanceof RevisionsNotIncludedError) {
    console.error(`${command}: refused, nothing was written; ${e.message}`);
  } else if (e instanceof CommandError || e instanceof StaleDatasetError) {
    console.error(`${command}: failed; ${e.message}`);
  } else if (failure) {
    // One line, no stack: what happened, and that the store or the previous file is as it was.
    const kept = command === "dataset:import" ? "the store is as it was" : "any previous file is as it was";
    console.error(`${command}: failed: ${failure}; nothing was written, ${kept}`);
  } else {
    console.error(`${command}: failed;`, e);
  }
  process.exit(1);
});
