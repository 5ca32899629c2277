import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { ACCOUNT_HOOK_MS, apiAs, deleteEntries, EDITOR, expectRefusalLogged, prepareAccount, signedIn } from "./editor-accounts";
import { expect, test } from "./fixtures";
import { positions, SCREENSHOT_DIR, shownEdges, shownNodes, waitForGraph } from "./graph-probe";

/**
 * The Add… menu's forms for every kind of entry, in Chromium against the built app: errors beside
 * their field, a form driven by the keyboard alone, the saved entry in the explorer at its date, and
 * a new actor placed near its neighbour while nobody else moves. Every entry made here is deleted
 * afterwards, so the specs that follow find the dataset as seeded.
 */
const SOURCE = "e2e-test-report-2010";
const ACTOR = "e2e-levant-front";
const TIE = "e2e-levant-front-backed-by-iran";
const EVENT = "e2e-damascus-meeting";
const PLACE = "e2e-test-town";
const PHONE_SOURCE = "e2e-phone-source";

// Long forms on a shared, loaded machine: more than the default half minute, never a timing assertion.
test.describe.configure({ timeout: 120_000 });

test.beforeAll(async ({}, info) => {
  test.setTimeout(ACCOUNT_HOOK_MS);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await prepareAccount(String(info.project.use.baseURL));
});

test.afterAll(async () => {
  const api = await apiAs(EDITOR.email);
  await deleteEntries(api, [
    ["events", EVENT],
    ["relationships", TIE],
    ["actors", ACTOR],
    ["sources", SOURCE],
    ["sources", PHONE_SOURCE],
    ["places", PLACE],
  ]);
  await api.dispose();
});

async function openAdd(page: Page, kind: string) {
  await page.getByTestId("add-entry").selectOption(kind);
}

test("a place is made with the keyboard alone: Escape closes the form, Enter submits, a missing name is named beside its field", async ({ page, consoleErrors }) => {
  await signedIn(page);
  await page.goto("/?date=2006");
  await waitForGraph(page, "2006");
  const add = page.getByTestId("add-entry");

  // Opened from the keyboard ("Place" is the last choice), focus lands on the form's heading.
  await add.focus();
  await page.keyboard.press("End");
  const form = page.getByTestId("entry-form-place");
  await expect(form.getByRole("heading", { name: "New place" })).toBeFocused();
  // Escape closes the dialog, and focus goes back to where it was.
  await page.keyboard.press("Escape");
  await expect(form).toHaveCount(0);
  await expect(add).toBeFocused();

  await page.keyboard.press("End");
  await expect(form.getByRole("heading", { name: "New place" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Id")).toBeFocused();
  await page.keyboard.type(PLACE);
  await page.keyboard.press("Tab"); // the name, left empty
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Country")).toBeFocused();
  await page.keyboard.type("Syria");
  await page.keyboard.press("Tab");
  await page.keyboard.type("A town made up for the browser test.");
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Reason for the change")).toBeFocused();
  await page.keyboard.type("Adding a place for the test");
  await page.keyboard.press("Enter");

  // Refused before anything is sent: the error is beside the name, and focus is there.
  const name = form.getByLabel("Name");
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(form.locator('[data-error-for="name"]')).toHaveText("Required.");
  await page.keyboard.type("E2E Town");
  await page.keyboard.press("Enter");
  await expect(form).toHaveCount(0);

  const api = await apiAs(null);
  const saved = await api.get(`/api/places/${PLACE}`);
  expect(saved.ok()).toBe(true);
  expect((await saved.json()).entry).toMatchObject({ id: PLACE, name: "E2E Town", country: "Syria" });
  await api.dispose();
  expect(consoleErrors).toEqual([]);
});

test("a source, then an actor with a dated second name and an alias, then a tie citing the source: drawn at its date near its neighbour, nobody else moved", async ({ page, consoleErrors }) => {
  await signedIn(page);
  await page.goto("/?date=2006");
  await waitForGraph(page, "2006");
  const before = await positions(page);

  // The source, with a bad web address refused beside its field.
  await openAdd(page, "sources");
  const source = page.getByTestId("entry-form-source");
  await source.getByLabel("Id").fill(SOURCE);
  await source.getByLabel("Cited as").fill("Test Institute 2010");
  await source.getByLabel("Date").fill("2010");
  await source.getByLabel("Title").fill("A report made up for the browser test");
  await source.getByLabel("Kind").selectOption("report");
  await source.getByLabel("Web address").fill("not an address");
  await source.getByLabel("Reason for the change").fill("Adding the report the tie cites");
  await source.getByRole("button", { name: "Create source" }).click();
  await expect(source.locator('[data-error-for="url"]')).toContainText("http://");
  await expect(source.getByLabel("Web address")).toBeFocused();
  await source.getByLabel("Web address").fill("https://example.org/test-report");
  await source.getByRole("button", { name: "Create source" }).click();
  await expect(source).toHaveCount(0);

  // The actor: a second, dated name whose end comes before its start is refused beside that end.
  await openAdd(page, "actors");
  const actor = page.getByTestId("entry-form-actor");
  await actor.getByLabel("Id").fill(ACTOR);
  await actor.getByLabel("Kind").selectOption("militant-organisation");
  await actor.getByLabel("Name", { exact: true }).first().fill("E2E Front");
  await actor.getByLabel("Description").fill("A militant front made up for the browser test.");
  await actor.getByLabel("Aliases").fill("The Test Front");
  await actor.getByRole("button", { name: "Add a dated name" }).click();
  const dated = actor.getByRole("group", { name: "Name 1" });
  await dated.getByLabel("Name", { exact: true }).fill("E2E Front of the Levant");
  const from = dated.getByRole("group", { name: "From" });
  await from.getByLabel("From the start").uncheck();
  await from.getByLabel("Date").fill("2007");
  const until = dated.getByRole("group", { name: "Until" });
  await until.getByLabel("Still in use").uncheck();
  await until.getByLabel("Date").fill("2005");
  await actor.getByLabel("Reason for the change").fill("Adding the front the report names");
  await actor.getByRole("button", { name: "Create actor" }).click();
  await expect(until.locator("[data-error-for]")).toContainText("not before the start");
  expectRefusalLogged(consoleErrors, 400);
  await until.getByLabel("Date").fill("2009");
  await actor.getByRole("button", { name: "Create actor" }).click();

  // Saved and selected: its panel shows its names.
  const panel = page.getByTestId("detail-panel");
  await expect(panel).toHaveAttribute("data-id", ACTOR);
  const api = await apiAs(null);
  const stored = (await (await api.get(`/api/actors/${ACTOR}`)).json()).entry;
  expect(stored.aliases).toEqual(["The Test Front"]);
  expect(stored.names).toEqual([{ name: "E2E Front of the Levant", start: { date: "2007", qualifier: "exact" }, end: { date: "2009", qualifier: "exact" } }]);

  // A tie from it, citing the new source through the source picker.
  await panel.getByRole("button", { name: "Add a relationship from this actor" }).click();
  const tie = page.getByTestId("entry-form-relationship");
  await expect(tie.getByLabel(/^From/)).toHaveValue("E2E Front");
  await tie.getByLabel("Id").fill(TIE);
  await tie.getByLabel(/^To/).fill("Iran");
  await expect(tie.getByText("Chosen: Iran")).toBeVisible();
  await tie.getByLabel("Type").selectOption("support");
  await tie.getByLabel("Certainty").selectOption("reported");
  const start = tie.getByRole("group", { name: "Start" });
  await start.getByLabel("Qualifier").selectOption("by");
  await start.getByLabel("Date").fill("2005");
  await tie.getByLabel("Summary").fill("Iran backed the test front by 2005, the report says.");
  const citation = tie.getByRole("group", { name: "Citation 1" });
  await citation.getByLabel("Source", { exact: true }).selectOption(SOURCE);
  await citation.getByLabel("Pages").fill("4-5");
  await citation.getByLabel("What this source supports").fill("The backing, for the purpose of this test.");
  await citation.getByLabel("Quoted passage (optional)").fill("Iran has backed the front since 2005 at the latest.");
  await tie.getByLabel("Reason for the change").fill("Adding the tie the report describes");
  await citation.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/edit-form.png` });
  await tie.getByRole("button", { name: "Create relationship" }).click();

  await expect(panel).toHaveAttribute("data-id", TIE);
  await expect(panel).toContainText("A report made up for the browser test, pp. 4–5");
  await expect.poll(() => shownEdges(page)).toContain(TIE);
  await expect.poll(() => shownNodes(page)).toContain(ACTOR);

  // Nobody else moved; the new actor sits near its only neighbour.
  const after = await positions(page);
  for (const [id, p] of Object.entries(before)) expect(after[id], `${id} kept its place`).toEqual(p);
  const at = after[ACTOR]!;
  const distance = (p: { x: number; y: number }) => Math.hypot(p.x - at.x, p.y - at.y);
  const nearer = Object.entries(before).filter(([id, p]) => id !== "iran" && distance(p) < distance(after.iran!));
  expect(nearer.length, `actors nearer the new one than Iran: ${nearer.map(([id]) => id).join(", ")}`).toBeLessThanOrEqual(3);

  // Its history, once changed, shows the change field by field.
  const editor = await apiAs(EDITOR.email);
  const current = await (await editor.get(`/api/relationships/${TIE}`)).json();
  const patched = await editor.patch(`/api/relationships/${TIE}`, {
    data: { version: current.version, reason: "The report says the backing lasted at least until 2008", entity: { ...current.entry, end: { date: "2008", qualifier: "at-least" } } },
  });
  expect(patched.status()).toBe(200);
  await editor.dispose();
  await panel.getByRole("button", { name: "History" }).click();
  const history = page.getByTestId("history-panel");
  await expect(history.getByTestId("revision")).toHaveCount(2);
  await expect(history.locator('[data-action="update"] tr[data-field="end"]')).toContainText("at least 2008");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/history-panel.png` });
  await api.dispose();
});

test("an event with participants and a place: an end before its start is refused beside it, and the saved event shows at its date", async ({ page, consoleErrors }) => {
  await signedIn(page);
  await page.goto("/?date=2008");
  await waitForGraph(page, "2008");
  await openAdd(page, "events");
  const form = page.getByTestId("entry-form-event");
  await form.getByLabel("Id").fill(EVENT);
  await form.getByLabel("Title").fill("E2E meeting in Damascus");
  await form.getByLabel("Kind").selectOption("conference");
  const start = form.getByRole("group", { name: "Date (start)" });
  await start.getByLabel("Date").fill("2008-03");
  await expect(start.getByText("Precision: a month")).toBeVisible();
  const end = form.getByRole("group", { name: "End" });
  await end.getByLabel(/one-off event/).uncheck();
  await end.getByLabel("Date").fill("2007");
  await form.getByLabel("Place", { exact: true }).selectOption("damascus");
  await form.getByLabel("Certainty").selectOption("reported");
  await form.getByLabel("Description").fill("A meeting made up for the browser test.");
  const first = form.getByRole("group", { name: "Participant 1" });
  await first.getByLabel("Actor").fill("Iran");
  await expect(first.getByText("Chosen: Iran")).toBeVisible();
  await first.getByLabel("Role").selectOption("host");
  await form.getByRole("button", { name: "Add a participant" }).click();
  const second = form.getByRole("group", { name: "Participant 2" });
  await second.getByLabel("Actor").fill("Abu al-Qaqa");
  await expect(second.getByText("Chosen: Abu al-Qaqa")).toBeVisible();
  const citation = form.getByRole("group", { name: "Citation 1" });
  await citation.getByLabel("Source", { exact: true }).selectOption("chulov-2014");
  await citation.getByLabel("What this source supports").fill("The meeting, for the purpose of this test.");
  await form.getByLabel("Reason for the change").fill("Adding the meeting");
  await form.getByRole("button", { name: "Create event" }).click();

  await expect(end.locator('[data-error-for="end.date"]')).toContainText("not before the start");
  await expect(end.getByLabel("Date")).toBeFocused();
  expectRefusalLogged(consoleErrors, 400);
  await end.getByLabel("Date").fill("2008-04");
  await form.getByRole("button", { name: "Create event" }).click();

  const panel = page.getByTestId("detail-panel");
  await expect(panel).toHaveAttribute("data-id", EVENT);
  await expect(panel).toContainText("Damascus");
  await expect(panel).toContainText("Iran");
  await expect(panel).toContainText("Abu al-Qaqa");
  // On the timeline, and listed among the events of its date.
  await expect(page.locator(`[data-testid="event-tick"][data-event="${EVENT}"]`)).toHaveCount(1);
  await page.goto("/?date=2008");
  await waitForGraph(page, "2008");
  await expect(page.getByTestId("date-overview")).toContainText("E2E meeting in Damascus");
});

test("on a phone the source form opens, fits, and saves", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signedIn(page);
  await page.goto("/?date=2006");
  await waitForGraph(page, "2006");
  await openAdd(page, "sources");
  const form = page.getByTestId("entry-form-source");
  await expect(form.getByLabel("Title")).toBeVisible();
  const box = await form.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await form.getByLabel("Id").fill(PHONE_SOURCE);
  await form.getByLabel("Cited as").fill("Phone 2012");
  await form.getByLabel("Title").fill("A source added from a phone");
  await form.getByLabel("Kind").selectOption("blog-post");
  await form.getByLabel("Reason for the change").fill("Added on a phone");
  const create = form.getByRole("button", { name: "Create source" });
  await create.scrollIntoViewIfNeeded();
  const button = await create.boundingBox();
  expect(button!.x + button!.width).toBeLessThanOrEqual(390);
  await create.click();
  await expect(form).toHaveCount(0);
  const api = await apiAs(null);
  expect((await (await api.get(`/api/sources/${PHONE_SOURCE}`)).json()).entry).toMatchObject({ citedAs: "Phone 2012", kind: "blog-post" });
  await api.dispose();
});
