import "server-only";
/**
 * How many revisions the store's log holds, for the loads that replace the whole store: they must
 * not silently discard edits made in the explorer. The Revision table comes with the editing
 * migration; a store migrated before it has no log, which counts as none.
 */
import type { PrismaClient } from "./prisma-client";

export async function countRevisions(client: Pick<PrismaClient, "$queryRaw">): Promise<number> {
  const tables = await client.$queryRaw<{ name: string }[]>`SELECT name FROM sqlite_master WHERE type='table' AND name='Revision'`;
  if (tables.length === 0) return 0;
  const [row] = await client.$queryRaw<{ n: bigint | number }[]>`SELECT COUNT(*) AS n FROM "Revision"`;
  return Number(row?.n ?? 0);
}

/** A load refused because it would replace revisions its files do not include. */
export class RevisionsNotIncludedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RevisionsNotIncludedError";
  }
}

/**
 * The one check every whole-store load makes (db:seed, dataset:import of a bundle): refuses, unless
 * `force`, when the store's log holds more revisions than the files say they include, since the load
 * would silently undo those edits. `files` names what is loaded ("the files in seed/data",
 * "backup.json"); `exportHint` says how to keep the edits first.
 */
export async function refuseToDropRevisions(
  client: Pick<PrismaClient, "$queryRaw">,
  { included, force, files, oneFile = false, exportHint }: { included: number; force: boolean; files: string; oneFile?: boolean; exportHint: string },
): Promise<void> {
  if (force) return;
  const revisions = await countRevisions(client);
  if (revisions <= included) return;
  throw new RevisionsNotIncludedError(
    `the store holds ${revisions} revision${revisions === 1 ? "" : "s"} and ${files} include${oneFile ? "s" : ""} ${included}, so loading would undo edits made in the explorer; ` +
      `export them first (${exportHint}) or run again with --force`,
  );
}
