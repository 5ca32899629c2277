/**
 * The routes against a store that is not there: a missing file, a file that was never migrated, a
 * migrated file with nothing loaded. Each answers 503 saying which and the command that fixes it,
 * and a missing file is not created by asking.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { callRoute } from "@/test/setup/database";

const file = path.join(mkdtempSync(path.join(tmpdir(), "explorer-missing-")), "store.db");
let actors: typeof import("./actors/route");
let actor: typeof import("./actors/[id]/route");
let timeline: typeof import("./timeline/route");
let graph: typeof import("./graph/route");

beforeAll(async () => {
  process.env.DATABASE_URL = `file:${file}`;
  actors = await import("./actors/route");
  actor = await import("./actors/[id]/route");
  timeline = await import("./timeline/route");
  graph = await import("./graph/route");
});

async function everyRoute() {
  return [
    await callRoute(actors.GET, "/api/actors"),
    await callRoute(actor.GET, "/api/actors/anyone", { id: "anyone" }),
    await callRoute(timeline.GET, "/api/timeline"),
    await callRoute(graph.GET, "/api/graph?at=2009"),
  ];
}

// One file taken through the states in order, as a person fixing it would: the process's one
// connection must follow the file as it changes.
describe("a store that is not there", () => {
  it("answers 503 'missing' for a file that does not exist, and leaves it not existing", async () => {
    for (const { status, body } of await everyRoute()) {
      expect(status).toBe(503);
      expect(body).toMatchObject({ error: "store unavailable", state: "missing", fix: ["npm run db:migrate", "npm run db:seed"] });
      expect(body.message).toContain("does not exist");
      expect(body.message).toContain("npm run db:migrate");
    }
    expect(existsSync(file)).toBe(false);
  });

  it("still answers 400 for a bad parameter first", async () => {
    expect((await callRoute(graph.GET, "/api/graph?at=zz")).status).toBe(400);
  });

  it("answers 503 'not-migrated' for an empty file", async () => {
    writeFileSync(file, "");
    for (const { status, body } of await everyRoute()) {
      expect(status).toBe(503);
      expect(body).toMatchObject({ state: "not-migrated", fix: ["npm run db:migrate", "npm run db:seed"] });
      expect(body.message).toContain("not migrated");
    }
  });

  it("answers 503 'empty' once migrated but not loaded", async () => {
    execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: `file:${file}` },
      stdio: "pipe",
    });
    for (const { status, body } of await everyRoute()) {
      expect(status).toBe(503);
      expect(body).toMatchObject({ state: "empty", fix: ["npm run db:seed"] });
      expect(body.message).toContain("npm run db:seed");
    }
  });
});
