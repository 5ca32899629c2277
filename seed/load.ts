/**
 * Loads seed/data into the database: `npx prisma db seed` or `npm run db:seed`.
 * `--if-empty` loads only into an empty store (the quick start uses it, so a store with edits is
 * never overwritten by starting the app). `--dir DIR` reads another directory of seed files.
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

/** A refusal with a message of its own, printed without a stack. */
class CommandError extends Error {}

async function main() {
  const { values } = parseArgs({
    options: { "if-empty": { type: "boolean", default: false }, dir: { type: "string" } },
  });
  const dir = path.resolve(values.dir ?? path.join(process.cwd(), "seed", "data"));
  const dataset = readDatasetDir(dir);
  const file = databaseFile();
  // Refused rather than let SQLite create an empty file without tables.
  if (!existsSync(file)) throw new CommandError(`no database at ${file}; run npm run db:migrate first (or set DATABASE_URL)`);
  const client = createPrismaClient(file);
  try {
    if (values["if-empty"] && !(await isStoreEmpty(client))) {
      console.log(`seed: ${file} already holds data; left as it is`);
      return;
    }
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
  } else if (e instanceof CommandError) {
    console.error(`seed: failed; ${e.message}`);
  } else if (failure) {
    console.error(`seed: failed: ${failure}; nothing was written, the store is as it was`);
  } else {
    console.error("seed: failed;", e);
  }
  process.exit(1);
});
