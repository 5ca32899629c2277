/**
 * The built app started against a store that is not there: a second `next start` on its own port
 * (E2E_STORE_PORT, default E2E_PORT + 1) over a temporary database file taken through the states a
 * person fixing it would see: missing, not migrated, empty.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";

const port = Number(process.env.E2E_STORE_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1);
const base = `http://127.0.0.1:${port}`;
const dir = mkdtempSync(path.join(tmpdir(), "explorer-e2e-store-"));
const file = path.join(dir, "store.db");
let server: ChildProcess | undefined;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: `file:${file}`, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  // Ready when it answers at all (with a 503: the store is missing).
  await expect
    .poll(async () => fetch(`${base}/api/timeline`).then((r) => r.status, () => 0), { timeout: 90_000, intervals: [250] })
    .toBe(503);
});

test.afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

async function expectPageSays(page: import("@playwright/test").Page, url: string, state: string, words: RegExp) {
  await page.goto(`${base}${url}`);
  const message = page.getByTestId("store-problem");
  await expect(message).toHaveAttribute("data-state", state);
  await expect(message).toContainText(words);
  await expect(page.getByText("internal error")).toHaveCount(0);
}

test("a missing database file: 503 from the API and the explorer and /data say so, and the file is not created", async ({ page, request }) => {
  const response = await request.get(`${base}/api/actors`);
  expect(response.status()).toBe(503);
  expect(await response.json()).toMatchObject({ error: "store unavailable", state: "missing", fix: ["npm run db:migrate", "npm run db:seed"] });
  await expectPageSays(page, "/", "missing", /does not exist.*npm run db:migrate/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The database file is missing");
  await expectPageSays(page, "/data", "missing", /npm run db:migrate/);
  expect(existsSync(file)).toBe(false);
});

test("an unmigrated file, then a migrated but empty one", async ({ page, request }) => {
  writeFileSync(file, "");
  expect(await (await request.get(`${base}/api/graph?at=2009`)).json()).toMatchObject({ state: "not-migrated" });
  await expectPageSays(page, "/?date=2009", "not-migrated", /not migrated.*npm run db:migrate/);

  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: `file:${file}` }, stdio: "pipe" });
  const response = await request.get(`${base}/api/timeline`);
  expect(response.status()).toBe(503);
  expect(await response.json()).toMatchObject({ state: "empty", fix: ["npm run db:seed"] });
  await expectPageSays(page, "/data", "empty", /holds no data.*npm run db:seed/);
});
