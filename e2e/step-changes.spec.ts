/**
 * Each step of the slider marks what appeared and what ended since the previous step, counts it by
 * the date, marks new entries in the panel's list and says the step in words (issue 13, point 1).
 */
import { expect, test } from "./fixtures";
import { graphAt, openExplorer, screenshot, waitForGraph } from "./graph-probe";

test.use({ viewport: { width: 1280, height: 800 } });

const SEDNAYA_RELEASE = "syria-releases-sednaya-jihadists-2011";

test("stepping from 2010 to 2011 marks the Sednaya release and what ended, and says so in words", async ({ page, request }) => {
  await openExplorer(page, "date=2010", "2010");
  await page.getByRole("button", { name: "Next year" }).click();
  await waitForGraph(page, "2011");

  const [g2010, g2011] = [await graphAt(request, "at=2010"), await graphAt(request, "at=2011")];
  const ids2010 = new Set(g2010.elements.edges.map((e) => e.data.id));
  const ids2011 = new Set(g2011.elements.edges.map((e) => e.data.id));
  const began = [...ids2011].filter((id) => !ids2010.has(id)).sort();
  const ended = [...ids2010].filter((id) => !ids2011.has(id)).sort();
  expect(began).toContain(SEDNAYA_RELEASE);

  // The graph: what began is marked, what ended is drawn as a marked ghost, not as part of 2011.
  const edges = await page.evaluate(() => window.__graphProbe!.edges());
  const marked = (m: string) => edges.filter((e) => e.classes.includes(m)).map((e) => e.id).sort();
  const changedNow = marked("changed");
  expect([...marked("added"), ...changedNow].sort()).toEqual(began);
  expect([...marked("removed"), ...marked("was")].sort()).toEqual(ended);
  expect(edges.find((e) => e.id === SEDNAYA_RELEASE)?.classes).toContain("added");
  expect(edges.filter((e) => e.shown).map((e) => e.id).sort()).toEqual([...ids2011].sort());
  expect(edges.filter((e) => !e.shown).map((e) => e.id).sort()).toEqual(ended);

  // By the date: the count.
  await expect(page.getByTestId("step-changes")).toHaveText(`+${began.length} / −${ended.length} since 2010`);
  // In the panel: new entries are marked, what ended is listed, and the year in words.
  const list = page.getByTestId("drawn-relationships");
  await expect(list.locator("li[data-new]")).toHaveCount(began.length);
  await expect(list.locator(`li[data-id="${SEDNAYA_RELEASE}"]`)).toHaveAttribute("data-new", "true");
  await expect(list.locator(`li[data-id="${SEDNAYA_RELEASE}"]`)).toContainText("new");
  await expect(page.getByTestId("ended-since").locator("li")).toHaveCount(ended.length);
  const line = page.getByTestId("step-line");
  await expect(line).toContainText("2011: ");
  await expect(line).toContainText("Sednaya");
  await expect(line).toContainText(ended.length ? `${began.length} ties began, ${ended.length} ended` : `${began.length} ties began`);
  await expect(page.getByTestId("legend-changes")).toContainText("Since 2010");

  await screenshot(page, "step-2010-2011");

  // The marks stay until the next step, and a step back marks against its own previous step.
  await page.getByRole("button", { name: "Previous year" }).click();
  await waitForGraph(page, "2010");
  await expect(page.getByTestId("step-changes")).toContainText("since 2009");
  expect(await page.evaluate((id) => window.__graphProbe!.edges().some((e) => e.id === id), SEDNAYA_RELEASE)).toBe(false);
});

test("what ended since the previous step is drawn as a marked ghost and listed, not counted as held", async ({ page, request }) => {
  // The first year in which some relationship of the year before no longer holds.
  const timeline = (await (await request.get("/api/timeline")).json()) as { years: { year: string }[] };
  let found: { year: string; ended: string[]; held: string[] } | null = null;
  let previous: Set<string> | null = null;
  for (const { year } of timeline.years) {
    const now = (await graphAt(request, `at=${year}`)).elements.edges.map((e) => e.data.id);
    const ended = previous ? [...previous].filter((id) => !now.includes(id)).sort() : [];
    if (ended.length) {
      found = { year, ended, held: now.sort() };
      break;
    }
    previous = new Set(now);
  }
  expect(found, "some relationship ends in the seed").not.toBeNull();
  await openExplorer(page, `date=${found!.year}`, found!.year);
  const edges = await page.evaluate(() => window.__graphProbe!.edges());
  expect(edges.filter((e) => !e.shown).map((e) => e.id).sort()).toEqual(found!.ended);
  expect(edges.filter((e) => e.shown).map((e) => e.id).sort()).toEqual(found!.held);
  for (const e of edges.filter((x) => !x.shown)) expect(e.classes.some((c) => c === "removed" || c === "was"), e.id).toBe(true);
  await expect(page.getByTestId("ended-since").locator("li")).toHaveCount(found!.ended.length);
  await expect(page.getByTestId("step-changes")).toContainText(`/ −${found!.ended.length} since ${Number(found!.year) - 1}`);
});

test("up to a date and when comparing, the step marks stay out of the way", async ({ page }) => {
  await openExplorer(page, "date=2011&mode=upto", "2011");
  await expect(page.getByTestId("step-changes")).toHaveCount(0);
  const edges = await page.evaluate(() => window.__graphProbe!.edges());
  expect(edges.every((e) => e.shown && !e.classes.includes("added"))).toBe(true);
});
