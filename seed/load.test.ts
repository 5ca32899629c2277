import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/server/store/prisma-client";
import { runCommand } from "@/test/setup/command";
import { freshDatabaseFile, MINI_DATASET } from "@/test/setup/database";

/** The real command, as `npm run db:seed` runs it. */
const seed = (file: string, ...args: string[]) => runCommand("seed/load.ts", args, file);

async function countActors(file: string) {
  const client = createPrismaClient(file);
  try {
    return await client.actor.count();
  } finally {
    await client.$disconnect();
  }
}

describe("seed/load.ts", () => {
  it("loads a directory, then leaves a non-empty store alone with --if-empty", async () => {
    const file = freshDatabaseFile();
    const first = await seed(file, "--dir", MINI_DATASET, "--if-empty");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/loaded 4 actors .* 4 relationships, 2 events/);
    const again = await seed(file, "--dir", MINI_DATASET, "--if-empty");
    expect(again.stdout).toMatch(/already holds data/);
    expect(await countActors(file)).toBe(4);
  });

  it("refuses a broken file, names file and entry, and writes nothing", async () => {
    const file = freshDatabaseFile();
    await seed(file, "--dir", MINI_DATASET);
    const dir = mkdtempSync(path.join(tmpdir(), "broken-seed-"));
    cpSync(MINI_DATASET, dir, { recursive: true });
    const actors = path.join(dir, "actors.yaml");
    writeFileSync(actors, readFileSync(actors, "utf8").replace("kind: state\n", "kind: empire\n") + "- id: extra\n  kind: person\n  name: Extra\n  description: An extra actor here.\n");
    const result = await seed(file, "--dir", dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/nothing was written/);
    expect(result.stderr).toMatch(/actors\.yaml, entry #4 \(id: power-b\), field kind:/);
    expect(await countActors(file)).toBe(4);
  });

  it("a missing or unmigrated store: one line naming the command that fixes it, no stack, nothing created", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "seed-store-"));
    const missing = path.join(dir, "missing.db");
    const none = await seed(missing, "--dir", MINI_DATASET);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(`seed: failed; no database at ${missing}; run npm run db:migrate first (or set DATABASE_URL)\n`);
    expect(existsSync(missing)).toBe(false);

    const blank = path.join(dir, "blank.db");
    writeFileSync(blank, "");
    const unmigrated = await seed(blank, "--dir", MINI_DATASET);
    expect(unmigrated.code).toBe(1);
    expect(unmigrated.stderr).toBe("seed: failed: the store has no tables: run npm run db:migrate first; nothing was written, the store is as it was\n");
  });
});

describe("seed/load.ts and the revision log", () => {
  /**
   * Rows in the revision log. Before the editing migration the table is made by hand; after it, the
   * migration's own table is filled, each required column with a placeholder of its type, so the test
   * holds either way. Only the number of rows matters to the seed.
   */
  function addRevisions(file: string, n: number) {
    const sqlite = new Database(file);
    try {
      sqlite.pragma("foreign_keys = OFF");
      sqlite.exec(`CREATE TABLE IF NOT EXISTS "Revision" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "entityId" TEXT NOT NULL)`);
      const columns = (sqlite.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info('Revision')`).all() as { name: string; type: string; notnull: number; dflt_value: unknown; pk: number }[])
        .filter((c) => c.notnull && c.dflt_value === null && !c.pk);
      const insert = sqlite.prepare(`INSERT INTO "Revision" (${columns.map((c) => `"${c.name}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
      for (let i = 0; i < n; i++) insert.run(columns.map((c) => (/INT|REAL|NUM/i.test(c.type) ? 1 : "power-a")));
    } finally {
      sqlite.close();
    }
  }

  it("refuses in one line to replace a store whose revisions the files lack, loads with --force or from an export that includes them", async () => {
    const file = freshDatabaseFile();
    expect((await seed(file, "--from", MINI_DATASET)).code).toBe(0);
    addRevisions(file, 3);

    const refused = await seed(file, "--from", MINI_DATASET);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toMatch(/^seed: refused, nothing was written; the store holds 3 revisions and the files in .* include 0, so loading would undo edits made in the explorer; .*--force\n$/);

    const exported = mkdtempSync(path.join(tmpdir(), "seed-export-"));
    const run2 = await runCommand("scripts/dataset-bundle.ts", ["export", "--format", "yaml", "--out", exported], file);
    expect(run2.code, run2.stderr).toBe(0);
    expect(run2.stdout).toMatch(/3 revisions in the log/);
    expect(readFileSync(path.join(exported, "export.yaml"), "utf8")).toMatch(/^revisions: 3$/m);
    expect((await seed(file, "--from", exported)).code).toBe(0);

    addRevisions(file, 1);
    expect((await seed(file, "--from", exported)).stderr).toMatch(/the store holds 4 revisions and the files in .* include 3/);
    const forced = await seed(file, "--from", MINI_DATASET, "--force");
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/loaded 4 actors/);
  }, 600_000);
});
