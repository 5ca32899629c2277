/**
 * Hovering or choosing brings an element forward: what is not tied to it fades, it is drawn on top
 * and thicker with its label, a tooltip says what it is, and the panel's list and the graph point at
 * each other both ways, with the keyboard too (issue 13, point 3).
 */
import { expect, test } from "./fixtures";
import { classesOf, graphAt, openExplorer } from "./graph-probe";

test.use({ viewport: { width: 1280, height: 800 } });

const RELEASE = "syria-releases-sednaya-jihadists-2011";

test("pointing at an actor brings it and its ties forward, with a tooltip and its rows lit", async ({ page }) => {
  await openExplorer(page, "date=2011", "2011");
  const point = await page.evaluate(() => window.__graphProbe!.clientPoint("assad-government"));
  await page.mouse.move(point!.x, point!.y);
  await expect.poll(() => classesOf(page, "assad-government")).toContain("hovered");
  const tip = page.getByTestId("graph-tooltip");
  await expect(tip).toHaveAttribute("data-for", "assad-government");
  await expect(tip).toContainText("Assad government");
  await expect(tip).toContainText("Government");
  const { tied, untied } = await page.evaluate(() => {
    const edges = window.__graphProbe!.edges();
    return {
      tied: edges.filter((e) => e.shown && e.classes.includes("hover-linked")).map((e) => e.id),
      untied: edges.filter((e) => e.classes.includes("hover-faded")).map((e) => e.id),
    };
  });
  expect(tied).toContain(RELEASE);
  expect(untied.length, "ties elsewhere fade").toBeGreaterThan(0);
  // Every row of the actor's relationships is lit in the list.
  const lit = page.getByTestId("drawn-relationships").locator("li[data-hovered]");
  await expect(lit.first()).toBeVisible();
  expect((await lit.evaluateAll((ls) => ls.map((l) => l.getAttribute("data-id")))).sort()).toEqual([...tied].sort());
  // Moving away puts everything back.
  await page.mouse.move(5, 5);
  await expect(tip).toHaveCount(0);
  expect(await classesOf(page, "assad-government")).not.toContain("hovered");
});

test("pointing at or tabbing to a row brings its relationship forward with its tooltip", async ({ page, request }) => {
  await openExplorer(page, "date=2011", "2011");
  const data = (await graphAt(request, "at=2011")).elements.edges.find((e) => e.data.id === RELEASE)!.data as unknown as { dateLabel: string };
  const row = page.getByTestId("drawn-relationships").locator(`li[data-id="${RELEASE}"]`);
  await row.hover();
  await expect.poll(() => classesOf(page, RELEASE)).toContain("hovered");
  const tip = page.getByTestId("graph-tooltip");
  await expect(tip).toHaveAttribute("data-for", RELEASE);
  await expect(tip).toContainText("Assad government → Jihadist detainees at Sednaya");
  await expect(tip).toContainText("Release");
  await expect(tip).toContainText(data.dateLabel);
  await expect(tip).toContainText("Documented");
  // The hovered tie is thicker and labelled.
  const drawn = await page.evaluate((id) => window.__graphProbe!.labelBoxes().some((b) => b.id === id), RELEASE);
  expect(drawn, "the hovered relationship shows its label").toBe(true);

  await page.mouse.move(5, 5);
  await expect(tip).toHaveCount(0);
  await row.getByRole("button").focus();
  await expect(tip).toHaveAttribute("data-for", RELEASE);
  await expect.poll(() => classesOf(page, RELEASE)).toContain("hovered");
});

test("a chosen relationship fades what is not tied to it and is drawn on top", async ({ page }) => {
  await openExplorer(page, `date=2011&sel=${encodeURIComponent(`relationship:${RELEASE}`)}`, "2011");
  expect(await classesOf(page, RELEASE)).toContain("chosen");
  expect(await classesOf(page, "assad-government")).toContain("chosen");
  expect(await classesOf(page, "assad-government")).not.toContain("faded");
  const others = await page.evaluate((id) => window.__graphProbe!.edges().filter((e) => e.shown && e.id !== id), RELEASE);
  expect(others.length).toBeGreaterThan(0);
  for (const e of others) expect(e.classes, e.id).toContain("faded");
  const z = await page.evaluate((id) => window.__graphProbe!.labelBoxes().some((b) => b.id === id), RELEASE);
  expect(z, "the chosen relationship shows its label").toBe(true);
});
