import { mkdirSync } from "node:fs";
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ACCOUNT_HOOK_MS, apiAs, expectRefusalLogged, PASSWORD, prepareAccount, signedIn } from "./editor-accounts";
import { SCREENSHOT_DIR, shownEdges, waitForGraph } from "./graph-probe";

/**
 * Editing in the explorer, in Chromium against the built app: accounts made with the project's own
 * command (npm run user:create, password on stdin) in the e2e store, then signed in through the page.
 */
const SHOTS = SCREENSHOT_DIR;
const USERS = {
  editor: { email: "editor.one@example.org", name: "Editor One", role: "editor" },
  second: { email: "editor.two@example.org", name: "Editor Two", role: "editor" },
  reader: { email: "reader@example.org", name: "Reader", role: "reader" },
} as const;
const NEW_ID = "e2e-qaqa-supports-iran";
const STALE_ID = "bashar-leads-syrian-government";

/** A page signed in through the sign-in form, as a person does. */
async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

test.beforeAll(async ({}, info) => {
  test.setTimeout(ACCOUNT_HOOK_MS);
  mkdirSync(SHOTS, { recursive: true });
  for (const u of Object.values(USERS)) await prepareAccount(String(info.project.use.baseURL), u);
});

test.afterAll(async () => {
  // Leave the dataset as seeded for the specs that follow (paths and counts are checked there).
  const api = await apiAs(USERS.editor.email);
  const r = await api.get(`/api/relationships/${NEW_ID}`);
  if (r.ok()) {
    const { version } = await r.json();
    await api.delete(`/api/relationships/${NEW_ID}`, { data: { version, reason: "test clean-up" } });
  }
  await api.dispose();
});

test("an editor adds a relationship with a citation, edits its end, reads the history, restores the first version and signs out", async ({ page }) => {
  await signIn(page, USERS.editor.email);
  await page.goto("/?date=2006&sel=actor:abu-al-qaqa");
  await waitForGraph(page, "2006");
  await expect(page.getByTestId("session")).toContainText("Editor One");

  await page.getByRole("button", { name: "Add a relationship from this actor" }).click();
  const form = page.getByTestId("entry-form-relationship");
  await expect(form.getByLabel(/^From/)).toHaveValue(/Qaqa/);
  await form.getByLabel("Id").fill(NEW_ID);
  await form.getByLabel(/^To/).fill("Iran");
  await expect(form.getByText("Chosen: Iran")).toBeVisible();
  await form.getByLabel("Type").selectOption("support");
  // The type's meaning from the vocabulary is shown with it.
  await expect(form.getByTestId("meaning-type")).toContainText("Material, financial or political backing");
  await form.getByLabel("Certainty").selectOption("reported");
  const start = form.getByRole("group", { name: "Start" });
  await start.getByLabel("Qualifier").selectOption("by");
  await start.getByLabel("Date").fill("20x5");
  await form.getByLabel("Summary").fill("A test tie: Abu al-Qaqa backed by Iran, by 2005.");
  const citation = form.getByRole("group", { name: "Citation 1" });
  await citation.getByLabel("Source", { exact: true }).selectOption("chulov-2014");
  await citation.getByLabel("Pages").fill("12");
  await citation.getByLabel("What this source supports").fill("Says so, for the purpose of this test.");
  await form.getByLabel("Reason for the change").fill("Adding a tie the source reports");

  // A bad date is refused beside its field, and focus goes there.
  await form.getByRole("button", { name: "Create relationship" }).click();
  await expect(start.getByText(/YYYY/).last()).toBeVisible();
  await expect(start.getByLabel("Date")).toBeFocused();
  await expect(start.getByLabel("Date")).toHaveAttribute("aria-invalid", "true");

  await start.getByLabel("Date").fill("2005");
  await form.getByRole("button", { name: "Create relationship" }).click();

  // Saved: the panel shows the new relationship, and the graph draws it at the view's date.
  const panel = page.getByTestId("detail-panel");
  await expect(panel).toHaveAttribute("data-id", NEW_ID);
  await expect(panel).toContainText("by 2005");
  await expect.poll(() => shownEdges(page)).toContain(NEW_ID);

  // Its end date, edited.
  await panel.getByRole("button", { name: "Edit relationship" }).click();
  const edit = page.getByTestId("entry-form-relationship");
  const end = edit.getByRole("group", { name: "End" });
  const editStart = edit.getByRole("group", { name: "Start" });
  await end.getByLabel(/No end/).uncheck();
  await end.getByLabel("Qualifier").selectOption("at-least");
  await end.getByLabel("Date").fill("2008");
  await edit.getByLabel("Reason for the change").fill("The source says it lasted at least until 2008");
  // The page as the editor sees it: the graph, and the form scrolled to the dates being changed.
  await editStart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/edit-form.png` });
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(panel).toContainText("at least 2008");
  const api = await apiAs(null);
  const saved = await (await api.get(`/api/relationships/${NEW_ID}`)).json();
  expect(saved.entry.end).toEqual({ date: "2008", qualifier: "at-least" });

  // Not drawn after its end.
  await page.goto(`/?date=2010&sel=relationship:${NEW_ID}`);
  await waitForGraph(page, "2010");
  expect(await shownEdges(page)).not.toContain(NEW_ID);

  // The history: who, why, and what changed.
  await panel.getByRole("button", { name: "History" }).click();
  const history = page.getByTestId("history-panel");
  await expect(history.getByTestId("revision")).toHaveCount(2);
  const update = history.locator('[data-testid="revision"][data-action="update"]');
  await expect(update).toContainText("Editor One");
  await expect(update).toContainText("lasted at least until 2008");
  await expect(update.locator('tr[data-field="end"]')).toContainText("at least 2008");
  await page.screenshot({ path: `${SHOTS}/history.png` });

  // Restore the first version: the end is open again, as a new revision.
  const created = history.locator('[data-testid="revision"][data-action="create"]');
  await created.getByRole("button", { name: "Restore…" }).click();
  await created.getByLabel("Reason for restoring").fill("Back to the first version");
  await created.getByRole("button", { name: "Restore this version" }).click();
  await expect(history.getByRole("status")).toContainText("Restored");
  await expect(history.getByTestId("revision")).toHaveCount(3);
  const restored = await (await api.get(`/api/relationships/${NEW_ID}`)).json();
  expect(restored.entry.end).toBeNull();
  await api.dispose();

  // Signing out takes every edit control away.
  await history.getByRole("button", { name: "Back to the evidence" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(panel.getByRole("button", { name: /^Edit/ })).toHaveCount(0);
});

test("a second editor's change made meanwhile is caught with a 409 and merged field by field", async ({ page, consoleErrors }) => {
  const other = await apiAs(USERS.second.email);
  const original = await (await other.get(`/api/relationships/${STALE_ID}`)).json();
  try {
    await signedIn(page, USERS.editor.email);
    await page.goto(`/?date=2005&sel=relationship:${STALE_ID}`);
    await waitForGraph(page, "2005");
    await page.getByTestId("detail-panel").getByRole("button", { name: "Edit relationship" }).click();
    const form = page.getByTestId("entry-form-relationship");
    await expect(form.getByLabel("Summary")).toHaveValue(original.entry.summary);

    // Meanwhile the second editor changes the summary.
    const theirs = "Bashar al-Assad has been Syria's president since 2000 (summary changed by the second editor).";
    const res = await other.patch(`/api/relationships/${STALE_ID}`, {
      data: { version: original.version, reason: "Second editor's wording", entity: { ...original.entry, summary: theirs } },
    });
    expect(res.status()).toBe(200);

    await form.getByLabel("Editors' note").fill("Note added by the first editor.");
    await form.getByLabel("Reason for the change").fill("Adding a note");
    await form.getByRole("button", { name: "Save changes" }).click();

    const merge = page.getByTestId("merge-view");
    await expect(merge).toBeVisible();
    // Chromium logs the 409 answer itself as a console error: that one is the point of this test.
    expectRefusalLogged(consoleErrors, 409);
    await expect(merge.locator('fieldset[data-field="summary"]')).toContainText(theirs);
    await expect(merge.locator('fieldset[data-field="note"]')).toContainText("Note added by the first editor.");
    await merge.locator('fieldset[data-field="summary"]').getByLabel(/Now\s+stored/).check();
    await merge.getByRole("button", { name: "Save the merged version" }).click();

    await expect(page.getByTestId("detail-panel")).toContainText("Note added by the first editor.");
    const now = await (await other.get(`/api/relationships/${STALE_ID}`)).json();
    expect(now.entry.summary).toBe(theirs);
    expect(now.entry.note).toBe("Note added by the first editor.");
    expect(now.version).toBe(original.version + 2);
  } finally {
    const now = await (await other.get(`/api/relationships/${STALE_ID}`)).json();
    await other.patch(`/api/relationships/${STALE_ID}`, { data: { version: now.version, reason: "test clean-up", entity: original.entry } });
    await other.dispose();
  }
});

test("a reader and a visitor see no edit controls, and their writes are refused", async ({ page }) => {
  for (const who of [null, USERS.reader.email]) {
    if (who) await signedIn(page, who);
    await page.goto("/?date=2006&sel=actor:abu-al-qaqa");
    await waitForGraph(page, "2006");
    const panel = page.getByTestId("detail-panel");
    await expect(panel.getByRole("button", { name: "History" })).toBeVisible();
    await expect(panel.getByRole("button", { name: /^Edit/ })).toHaveCount(0);
    await expect(panel.getByRole("button", { name: /Add a relationship/ })).toHaveCount(0);
    await expect(page.getByTestId("add-entry")).toHaveCount(0);

    const api = await apiAs(who);
    const current = await (await api.get(`/api/relationships/${STALE_ID}`)).json();
    const res = await api.patch(`/api/relationships/${STALE_ID}`, { data: { version: current.version, reason: "no", entity: current.entry } });
    expect(res.status()).toBe(who ? 403 : 401);
    await api.dispose();
  }
});

test("the form fits a phone and keeps its labels", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signedIn(page, USERS.editor.email);
  await page.goto("/?date=2006&sel=actor:abu-al-qaqa");
  await waitForGraph(page, "2006");
  await page.getByRole("button", { name: "Add a relationship from this actor" }).click();
  const form = page.getByTestId("entry-form-relationship");
  await expect(form.getByLabel("Summary")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const box = await form.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
});

test("the spreadsheet import previews what it would add and names a bad row by file, row and column", async ({ page }) => {
  await signedIn(page, USERS.editor.email);
  await page.goto("/edit/import");
  const nodes = ["id,label,type,description", "e2e-militia,E2E Militia,militant-organisation,A militia made up for the browser test."].join("\r\n");
  const edges = [
    "from,to,type,start,end,certainty,summary,source,pages,note",
    "e2e-militia,iran,support,2009,,reported,Iran backed the test militia from 2009.,chulov-2014,12,Reports the backing for this test.",
    "e2e-militia,abu-al-qaqa,hostility,sometime,,reported,The test militia fought Abu al-Qaqa.,chulov-2014,12,Reports the fighting for this test.",
  ].join("\r\n");
  await page.getByLabel("nodes.csv (actors)").setInputFiles({ name: "nodes.csv", mimeType: "text/csv", buffer: Buffer.from(nodes) });
  await page.getByLabel("edges.csv (relationships)").setInputFiles({ name: "edges.csv", mimeType: "text/csv", buffer: Buffer.from(edges) });
  await page.getByRole("button", { name: "Preview" }).click();
  const summary = page.getByTestId("import-summary");
  await expect(summary).toContainText("1 actor, 1 relationship and 0 sources added");
  await expect(page.getByTestId("refused-count")).toHaveText("1");
  const problem = page.getByTestId("refusals").locator("tbody tr");
  await expect(problem).toHaveCount(1);
  await expect(problem.locator("td").nth(0)).toHaveText("edges.csv");
  await expect(problem.locator("td").nth(1)).toHaveText("3");
  await expect(problem.locator("td").nth(2)).toHaveText("start");
  // All or nothing: with a row refused there is no Import button, and nothing was written.
  await expect(page.getByRole("button", { name: "Import all" })).toHaveCount(0);
  await page.getByTestId("import-preview").screenshot({ path: `${SHOTS}/import-preview.png` });
  const api = await apiAs(null);
  expect((await api.get("/api/actors/e2e-militia")).status()).toBe(404);
  await api.dispose();
});
