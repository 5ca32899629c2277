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
