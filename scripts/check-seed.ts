/** Validates the seed files without touching a database: `npm run seed:check`. */
import path from "node:path";
import { readDatasetDir } from "../lib/dataset/files";
import { DatasetError } from "../lib/dataset/validation";

const dir = process.argv[2] ?? path.join(process.cwd(), "seed", "data");
try {
  const d = readDatasetDir(dir);
  console.log(
    `seed ok: ${d.actors.length} actors, ${d.relationships.length} relationships, ${d.events.length} events, ` +
      `${d.sources.length} sources, ${d.places.length} places, ${d.story.length} story steps, ` +
      `${d.relationships.reduce((n, r) => n + r.citations.length, 0) + d.events.reduce((n, e) => n + e.citations.length, 0) + d.story.reduce((n, s) => n + s.citations.length, 0)} citations`,
  );
} catch (e) {
  if (e instanceof DatasetError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
