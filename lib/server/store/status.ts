import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { databaseFile } from "../../env";
import { db } from "./db";

/**
 * Why the store cannot answer, in words a person running the app can act on:
 * - missing: the database file does not exist;
 * - not-migrated: the file exists but lacks the tables (or columns) of the current schema;
 * - empty: migrated, but no actors and no sources were ever loaded.
 */
export interface StoreProblem {
  state: "missing" | "not-migrated" | "empty";
  message: string;
  /** The commands that fix it, in order. */
  fix: string[];
}

function problem(state: StoreProblem["state"]): StoreProblem {
  // As DATABASE_URL would name it: relative to the project when inside it.
  const relative = path.relative(process.cwd(), databaseFile());
  const file = relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : databaseFile();
  switch (state) {
    case "missing":
      return { state, message: `the database file ${file} does not exist: create it with npm run db:migrate, then load the data with npm run db:seed`, fix: ["npm run db:migrate", "npm run db:seed"] };
    case "not-migrated":
      return { state, message: `the database file ${file} is not migrated (its tables are missing or out of date): run npm run db:migrate, then npm run db:seed if it holds no data`, fix: ["npm run db:migrate", "npm run db:seed"] };
    case "empty":
      return { state, message: `the store ${file} holds no data: load it with npm run db:seed`, fix: ["npm run db:seed"] };
  }
}

/** Maps a database error that means "the store is not there" to its problem; anything else is null. */
export function storeProblemOf(error: unknown): StoreProblem | null {
  const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
  const text = error instanceof Error ? error.message : String(error);
  // P2021/P2022: Prisma's "table/column does not exist"; the driver's own words where Prisma passes them on.
  if (code === "P2021" || code === "P2022" || /no such (table|column)|does not exist in the current database/i.test(text)) return problem("not-migrated");
  if (code === "SQLITE_CANTOPEN" || /unable to open database file/i.test(text)) return problem("missing");
  return null;
}

// Once the store has answered with data, later requests skip the check: a store does not empty
// itself, and a store broken afterwards still shows through storeProblemOf on the error path.
let seenReady = false;

/**
 * Whether the store can answer, checked before a route or page reads it. The file's existence is
 * looked at first, without touching the database: opening a missing file would create an empty one
 * and turn "missing" into "not migrated". Then two one-row reads on the process's one connection.
 */
export async function checkStore(): Promise<StoreProblem | null> {
  if (seenReady) return null;
  if (!existsSync(databaseFile())) return problem("missing");
  try {
    const [actor, source] = await Promise.all([db.actor.findFirst({ select: { id: true } }), db.source.findFirst({ select: { id: true } })]);
    if (!actor && !source) return problem("empty");
  } catch (e) {
    const known = storeProblemOf(e);
    if (known) return known;
    throw e;
  }
  seenReady = true;
  return null;
}
