/**
 * Environment, validated in one place. DATABASE_URL defaults to the embedded SQLite file under
 * data/, so a fresh clone runs with no configuration.
 */
import path from "node:path";
import { z } from "zod";

export const DEFAULT_DATABASE_URL = "file:./data/explorer.db";

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^file:.+/, "DATABASE_URL must be a SQLite file URL such as file:./data/explorer.db")
    .default(DEFAULT_DATABASE_URL),
});

/** The database file's absolute path; relative URLs are read from the project root (the working directory). */
export function databaseFile(env: NodeJS.ProcessEnv = process.env): string {
  const { DATABASE_URL } = envSchema.parse({ DATABASE_URL: env.DATABASE_URL || undefined });
  // The file is chosen at run time, so the bundler must not trace the directory it names.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), DATABASE_URL.slice("file:".length));
}
