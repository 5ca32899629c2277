import type { Page } from "@playwright/test";
import { ACCOUNT_HOOK_MS, apiAs, deleteEntries, EDITOR, expectRefusalLogged, prepareAccount, signedIn } from "./editor-accounts";
import { expect, test } from "./fixtures";
import { positions, shownEdges, shownNodes, waitForGraph } from "./graph-probe";

/**
 * Deleting in the explorer: an actor still used is refused with the list of what uses it; an unused
 * entry goes, from the graph and the panels, /changes lists the deletion, and its history (reached
 * from /changes) restores it.
 */
const ACTOR = "e2e-doomed-cell";
const TIE = "e2e-doomed-cell-fights-iran";

// Long forms on a shared, loaded machine: more than the default half minute, never a timing assertion.
test.describe.configure({ timeout: 120_000 });

test.beforeAll(async ({}, info) => {
  test.setTimeout(ACCOUNT_HOOK_MS);
  await prepareAccount(String(info.project.use.baseURL));
  const api = await apiAs(EDITOR.email);
  const actor = await api.post("/api/actors", {
    data: { reason: "A test actor to delete", entity: { id: ACTOR, kind: "network", name: "E2E Doomed Cell", description: "A cell made up for the delete test.", aliases: [], names: [] } },
  });
  expect(actor.status(), await actor.text()).toBe(201);
  const tie = await api.post("/api/relationships", {
    data: {
      reason: "A test tie to delete",
      entity: {
        id: TIE,
        from: ACTOR,
        to: "iran",
        type: "hostility",
        certainty: "reported",
        start: { date: "2004", qualifier: "exact" },
        end: null,
        summary: "The doomed cell fought Iran, for the delete test.",
        places: [],
        citations: [{ source: "chulov-2014", pages: "12", note: "The fighting, for this test." }],
      },
    },
  });
  expect(tie.status(), await tie.text()).toBe(201);
  await api.dispose();
});

test.afterAll(async () => {
  const api = await apiAs(EDITOR.email);
  await deleteEntries(api, [
    ["relationships", TIE],
    ["actors", ACTOR],
  ]);
  await api.dispose();
});

async function deleteSelected(page: Page, noun: string, reason: string) {
  const panel = page.getByTestId("detail-panel");
  await panel.getByRole("button", { name: `Edit ${noun}` }).click();
  const form = page.getByTestId(`entry-form-${noun}`);
  await form.getByLabel("Reason for the change").fill(reason);
  await form.getByRole("button", { name: `Delete ${noun}` }).click();
  return form;
}

test("an actor still used is refused with the relationships that use it", async ({ page, consoleErrors }) => {
  await signedIn(page);
  await page.goto(`/?date=2006&sel=actor:${ACTOR}`);
  await waitForGraph(page, "2006");
  const form = await deleteSelected(page, "actor", "Trying to delete a used actor");
  const refusal = form.getByRole("alert").filter({ hasText: "cannot be deleted" });
  await expect(refusal).toBeVisible();
  await expect(refusal.getByRole("listitem")).toHaveCount(1);
  await expect(refusal.getByRole("listitem")).toContainText("relationship");
  await expect(refusal.getByRole("listitem")).toContainText(`${ACTOR} → iran (hostility)`);
  expectRefusalLogged(consoleErrors, 409);
  const api = await apiAs(null);
  expect((await api.get(`/api/actors/${ACTOR}`)).status()).toBe(200);
  await api.dispose();
});

test("unused entries are deleted from the graph and the panels, listed on /changes, and restored from their history", async ({ page, consoleErrors }) => {
  await signedIn(page);
  await page.goto(`/?date=2006&sel=relationship:${TIE}`);
  await waitForGraph(page, "2006");
  await expect.poll(() => shownEdges(page)).toContain(TIE);
  const placed = (await positions(page))[ACTOR];
  expect(placed).toBeDefined();
  expect(await shownNodes(page)).toContain(ACTOR);

  // The tie, then its actor (now used by nothing).
  await deleteSelected(page, "relationship", "The tie was a test");
  const panel = page.getByTestId("detail-panel");
  await expect(panel).toHaveCount(0);
  await expect.poll(() => shownEdges(page)).not.toContain(TIE);

  await page.goto(`/?date=2006&sel=actor:${ACTOR}`);
  await waitForGraph(page, "2006");
  await expect(panel).toHaveAttribute("data-id", ACTOR);
  await deleteSelected(page, "actor", "The cell was a test");
  await expect(panel).toHaveCount(0);
  // Drawn no more (at most a "removed" mark until the view moves on), and gone from the store.
  await expect.poll(() => shownNodes(page)).not.toContain(ACTOR);
  const api = await apiAs(null);
  expect((await api.get(`/api/actors/${ACTOR}`)).status()).toBe(404);
  expect((await api.get(`/api/relationships/${TIE}`)).status()).toBe(404);

  // /changes lists both deletions, newest first, with the reasons; the actor's row leads to its history.
  await page.goto("/changes");
  const rows = page.getByRole("row");
  await expect(rows.nth(1)).toContainText("deleted actor E2E Doomed Cell");
  await expect(rows.nth(1)).toContainText("The cell was a test");
  await expect(rows.nth(2)).toContainText("deleted relationship");
  await expect(rows.nth(2)).toContainText("The tie was a test");
  await rows.nth(1).getByRole("link", { name: "E2E Doomed Cell" }).click();
  await expect(panel.getByRole("heading", { name: "Not found" })).toBeVisible();
  // The panel asked for the actor and heard 404: Chromium logs that answer.
  expectRefusalLogged(consoleErrors, 404);

  // Restore the actor from its history, then the tie: both come back, the actor where it was.
  await restoreFromHistory(page, "Bringing the cell back");
  expect((await api.get(`/api/actors/${ACTOR}`)).status()).toBe(200);
  await page.goto(`/?date=2006&sel=relationship:${TIE}`);
  await waitForGraph(page, "2006");
  await expect(panel.getByRole("heading", { name: "Not found" })).toBeVisible();
  expectRefusalLogged(consoleErrors, 404);
  await restoreFromHistory(page, "Bringing the tie back");
  const back = await api.get(`/api/relationships/${TIE}`);
  expect(back.status()).toBe(200);
  expect((await back.json()).entry.summary).toBe("The doomed cell fought Iran, for the delete test.");
  await page.goto(`/?date=2006&sel=relationship:${TIE}`);
  await waitForGraph(page, "2006");
  await expect.poll(() => shownEdges(page)).toContain(TIE);
  // Restored where it was drawn before: a restore places nobody anew.
  expect((await positions(page))[ACTOR]).toEqual(placed);
  await api.dispose();
});

async function restoreFromHistory(page: Page, reason: string) {
  const panel = page.getByTestId("detail-panel");
  await panel.getByRole("button", { name: "History" }).click();
  const history = page.getByTestId("history-panel");
  await expect(history.locator('[data-testid="revision"]').first()).toHaveAttribute("data-action", "delete");
  const created = history.locator('[data-testid="revision"][data-action="create"]');
  await created.getByRole("button", { name: "Restore…" }).click();
  await created.getByLabel("Reason for restoring").fill(reason);
  await created.getByRole("button", { name: "Restore this version" }).click();
  await expect(history.getByRole("status")).toContainText("Restored");
  await expect(history.locator('[data-testid="revision"]').first()).toHaveAttribute("data-action", "restore");
}
