import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { describeStoreFailure } from "./store-failure";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function caught(attempt: () => unknown): unknown {
  try {
    attempt();
  } catch (e) {
    return e;
  }
  throw new Error("expected a failure");
}

describe("describeStoreFailure", () => {
  it("names a full disk, from a real write to /dev/full", () => {
    const e = caught(() => writeFileSync("/dev/full", "x".repeat(100_000)));
    expect(describeStoreFailure(e)).toBe("the disk is full (ENOSPC)");
  });

  it("names a store locked by another writer, from a real SQLITE_BUSY", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "explorer-busy-"));
    dirs.push(dir);
    const file = path.join(dir, "store.db");
    const holder = new Database(file);
    holder.pragma("journal_mode = WAL");
    holder.exec("CREATE TABLE t (x)");
    holder.exec("BEGIN IMMEDIATE");
    const other = new Database(file, { timeout: 0 });
    try {
      const e = caught(() => other.exec("BEGIN IMMEDIATE"));
      expect(describeStoreFailure(e)).toMatch(/^the store is locked: another import or seed is writing to it .*\(SQLITE_BUSY\)/);
    } finally {
      other.close();
      holder.exec("ROLLBACK");
      holder.close();
    }
  });

  it("names a store without tables and a read-only file system; leaves a bug to its stack", () => {
    expect(describeStoreFailure(new Error("no such table: main.Actor"))).toBe("the store has no tables: run npm run db:migrate first");
    expect(describeStoreFailure(Object.assign(new Error("EROFS: read-only file system, open 'x'"), { code: "EROFS" }))).toBe(
      "the file system is read-only (EROFS)",
    );
    expect(describeStoreFailure(new TypeError("cannot read properties of undefined"))).toBeNull();
  });
});

describe("describeStoreFailure through Prisma", () => {
  it("reads what Prisma keeps of the driver's error: a store without tables", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "explorer-blank-"));
    dirs.push(dir);
    const file = path.join(dir, "blank.db");
    writeFileSync(file, "");
    const { createPrismaClient } = await import("../server/store/prisma-client");
    const client = createPrismaClient(file);
    try {
      const e = await client.source.findMany().then(
        () => new Error("expected a failure"),
        (error: unknown) => error,
      );
      expect(describeStoreFailure(e)).toBe("the store has no tables: run npm run db:migrate first");
    } finally {
      await client.$disconnect();
    }
  });
});
