import "server-only";
import type { PrismaClient } from "./prisma-client";

/** The client or the transaction a load runs in: both can read and bump the version. */
type Store = Pick<PrismaClient, "datasetInfo">;

/**
 * The dataset's version: 0 for a store that was never loaded. Caches, validators and the stored
 * layout key on it, so it must change with every write to the data, inside that write's transaction.
 */
export async function getDatasetVersion(store: Store): Promise<number> {
  const row = await store.datasetInfo.findUnique({ where: { id: 1 }, select: { version: true } });
  return row?.version ?? 0;
}

/** Marks a change to the data; call inside the transaction that makes it. Returns the new version. */
export async function bumpDatasetVersion(store: Store, now: Date = new Date()): Promise<number> {
  const row = await store.datasetInfo.upsert({
    where: { id: 1 },
    create: { id: 1, version: 1, updatedAt: now.toISOString() },
    update: { version: { increment: 1 }, updatedAt: now.toISOString() },
    select: { version: true },
  });
  return row.version;
}
