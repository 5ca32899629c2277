/**
 * Accounts for the editing browser tests: made with the project's own command (npm run user:create,
 * password on stdin) in the e2e store, signed in once through the API (sign-in is rate-limited per
 * address), and reused as cookies by pages and API clients.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { expect } from "./fixtures";

export const PASSWORD = "correct horse battery staple";
/** Time a beforeAll that makes accounts may take (each starts a Node process with tsx). */
export const ACCOUNT_HOOK_MS = 180_000;
const TSX = path.join("node_modules", "tsx", "dist", "cli.mjs");
export const EDITOR = { email: "editor.entries@example.org", name: "Entries Editor", role: "editor" } as const;

type Cookies = Awaited<ReturnType<APIRequestContext["storageState"]>>["cookies"];
const sessions = new Map<string, Cookies>();
let base = "";

/**
 * The project's own command (what `npm run user:create` runs), started without npm in front: on a
 * loaded machine npm's own start-up took seconds of a hook's time.
 */
function createUser(u: { email: string; name: string; role: string }) {
  try {
    execFileSync(process.execPath, [TSX, "--conditions=react-server", "scripts/user-create.ts", "--email", u.email, "--role", u.role, "--name", u.name], {
      input: `${PASSWORD}\n`,
      env: { ...process.env, DATABASE_URL: "file:./data/e2e.db" },
      stdio: ["pipe", "pipe", "pipe"],
    });
  } catch (e) {
    // Another spec file (or a worker started again after a failure) made it already.
    if (!/already exists/.test(String((e as { stderr?: Buffer }).stderr ?? ""))) throw e;
  }
}

/**
 * Makes the account and signs it in; call from beforeAll with the project's baseURL, after
 * `test.setTimeout(ACCOUNT_HOOK_MS)`: starting the command costs seconds on a loaded machine.
 */
export async function prepareAccount(baseURL: string, u: { email: string; name: string; role: string } = EDITOR) {
  base = baseURL;
  createUser(u);
  const ctx = await playwrightRequest.newContext({ baseURL: base, extraHTTPHeaders: { origin: base } });
  const res = await ctx.post("/api/auth/sign-in/email", { data: { email: u.email, password: PASSWORD } });
  expect(res.ok(), `sign-in of ${u.email}`).toBe(true);
  sessions.set(u.email, (await ctx.storageState()).cookies);
  await ctx.dispose();
}

/**
 * An API client as a user (or nobody), sending the app's own Origin as a browser would. One
 * connection per request: a test may hold a client idle for longer than the server keeps a
 * connection open (Node's 5 s), and a request sent as the server closed it failed with ECONNRESET.
 */
export function apiAs(email: string | null): Promise<APIRequestContext> {
  const cookies = email ? sessions.get(email) : [];
  return playwrightRequest.newContext({ baseURL: base, extraHTTPHeaders: { origin: base, connection: "close" }, storageState: { cookies: cookies ?? [], origins: [] } });
}

/** A page carrying the account's session. */
export async function signedIn(page: Page, email: string = EDITOR.email) {
  await page.context().addCookies(sessions.get(email) ?? []);
}

/**
 * Chromium logs a refused request (400, 409) as a console error, which fails a test (e2e/fixtures.ts).
 * Where the refusal is the point, take exactly one such line away, and fail if there was none.
 */
export function expectRefusalLogged(consoleErrors: string[], status: number) {
  const i = consoleErrors.findIndex((e) => e.includes(`status of ${status}`));
  expect(i, `the browser logged the ${status} answer`).toBeGreaterThanOrEqual(0);
  consoleErrors.splice(i, 1);
}

/** Deletes entries the tests made (relationships before the actors they name), whatever state they are in. */
export async function deleteEntries(api: APIRequestContext, entries: [kind: string, id: string][]) {
  for (const [kind, id] of entries) {
    const r = await api.get(`/api/${kind}/${id}`);
    if (!r.ok()) continue;
    const { version } = await r.json();
    const d = await api.delete(`/api/${kind}/${id}`, { data: { version, reason: "test clean-up" } });
    expect(d.ok(), `clean-up of ${kind}/${id}: ${d.status()} ${await d.text()}`).toBe(true);
  }
}
