/**
 * Loads seed/data into the database: `npx prisma db seed` or `npm run db:seed`.
 * `--if-empty` loads only into an empty store (the quick start uses it, so a store with edits is
 * never overwritten by starting the app). `--from DIR` (or `--dir DIR`) reads another directory of
 * seed files, such as one written by `npm run dataset:export -- --format yaml --out DIR`.
 *
 * A store whose revision log holds revisions the files lack (edits made in the explorer after the
 * files were exported, or any edit for files that were never exported) is not replaced unless
 * `--force` is given: the load would silently undo those edits.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readDatasetDir } from "../lib/dataset/files";
import { DatasetError } from "../lib/dataset/validation";
import { databaseFile } from "../lib/env";
import { updateLayout } from "../lib/server/store/layout";
import { isStoreEmpty, replaceDataset } from "../lib/server/store/load-dataset";
import { createPrismaClient } from "../lib/server/store/prisma-client";
import { describeStoreFailure } from "../lib/dataset/store-failure";
import { readExportInfo } from "../lib/dataset/yaml-export";
import { refuseToDropRevisions, RevisionsNotIncludedError } from "../lib/server/store/revision-log";

/** A refusal with a message of its own, printed without a stack. */
class CommandError extends Error {}

const shownDir = (dir: string) => {
  const relative = path.relative(process.cwd(), dir);
  return `the files in ${relative === "" ? "." : relative.startsWith("..") ? dir : relative}`;
};

async function main() {
  const { values } = parseArgs({
    options: { "if-empty": { type: "boolean", default: false }, dir: { type: "string" }, from: { type: "string" }, force: { type: "boolean", default: false } },
  });
  if (values.dir !== undefined && values.from !== undefined) throw new CommandError("give the folder once: --from DIR (or its older name --dir DIR)");
  const dir = path.resolve(values.from ?? values.dir ?? path.join(process.cwd(), "seed", "data"));
  const dataset = readDatasetDir(dir);
  const included = readExportInfo(dir).revisions;
  const file = databaseFile();
  // Refused rather than let SQLite create an empty file without tables.
  if (!existsSync(file)) throw new CommandError(`no database at ${file}; run npm run db:migrate first (or set DATABASE_URL)`);
  const client = createPrismaClient(file);
  try {
    if (values["if-empty"] && !(await isStoreEmpty(client))) {
      console.log(`seed: ${file} already holds data; left as it is`);
      return;
    }
    await refuseToDropRevisions(client, { included, force: values.force, files: shownDir(dir), exportHint: "npm run dataset:export -- --format yaml --out DIR" });
    const counts = await replaceDataset(client, dataset);
    console.log(
      `seed: loaded ${counts.actors} actors (${counts.actorNames} names and aliases), ${counts.relationships} relationships, ` +
        `${counts.events} events (${counts.participants} participants), ${counts.sources} sources, ${counts.places} places, ${counts.storySteps} story steps, ` +
        `${counts.citations} citations into ${file}`,
    );
    console.log(`seed: ${(await updateLayout(client)).summary}`);
  } finally {
    await client.$disconnect();
  }
}

main().catch((e: unknown) => {
  const failure = describeStoreFailure(e);
  if (e instanceof DatasetError) {
    console.error(`seed: nothing was written; ${e.message}`);
  } else if (e instanceof RevisionsNotIncludedError) {
    console.error(`seed: refused, nothing was written; ${e.message}`);
  } else if (e instanceof CommandError) {
    console.error(`seed: failed; ${e.message}`);
  } else if (failure) {
    console.error(`seed: failed: ${failure}; nothing was written, the store is as it was`);
  } else {
    console.error("seed: failed;", e);
  }
  process.exit(1);
});
