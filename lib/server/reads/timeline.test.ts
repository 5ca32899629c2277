/**
 * The timeline is kept per store file and dataset version (the explorer's page reads it on every
 * visit): read once while the version holds, read anew once a write moves the version on.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadedDatabaseFile, MINI_DATASET } from "@/test/setup/database";

let getTimeline: typeof import("./timeline").getTimeline;
let db: typeof import("@/lib/server/store/db").db;
let bumpDatasetVersion: typeof import("@/lib/server/store/dataset-version").bumpDatasetVersion;

beforeAll(async () => {
  process.env.DATABASE_URL = `file:${await loadedDatabaseFile(MINI_DATASET)}`;
  ({ getTimeline } = await import("./timeline"));
  ({ db } = await import("@/lib/server/store/db"));
  ({ bumpDatasetVersion } = await import("@/lib/server/store/dataset-version"));
});

describe("getTimeline", () => {
  it("answers the kept timeline while the dataset's version holds, and the new one after a write", async () => {
    const first = await getTimeline();
    expect(first.first).toBe("2001-01-01");
    const earliest = await db.relationship.findFirstOrThrow({ where: { startDate: { startsWith: "2001" } }, select: { id: true } });

    // A change without a new version (no write does this) shows the timeline is not read again.
    await db.relationship.update({ where: { id: earliest.id }, data: { startDate: "1995" } });
    expect(await getTimeline()).toBe(first);

    // A write bumps the version inside its transaction: the next read sees the change.
    await db.$transaction((tx) => bumpDatasetVersion(tx));
    const after = await getTimeline();
    expect(after).not.toBe(first);
    expect(after.first).toBe("1995-01-01");
    expect(after.years[0]?.year).toBe("1995");
  });
});
