import { expect, test } from "./fixtures";
import { openExplorer, shownEdges, waitForGraph } from "./graph-probe";

/**
 * Issue 13, point 9: the keyboard and small defects — a skip link to the slider, [ and ] for the
 * previous and next year, arrows in the story, focus given back after the panel, the table's legend,
 * one click to hide belonging ties, and "only cooperative" that says what it left out.
 */
test.use({ viewport: { width: 1280, height: 800 } });

test("the first Tab stop skips to the slider, and [ ] step the year from anywhere", async ({ page }) => {
  await openExplorer(page, "date=2009", "2009");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to the date slider" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("date-slider")).toBeFocused();

  await page.keyboard.press("]");
  await waitForGraph(page, "2010");
  // From another control too, not only the slider.
  await page.getByTestId("triangle").focus();
  await page.keyboard.press("[");
  await page.keyboard.press("[");
  await waitForGraph(page, "2008");
  // Typing in the search box types.
  await page.getByTestId("actor-search").focus();
  await page.keyboard.press("]");
  await expect(page.getByTestId("network-graph")).toHaveAttribute("data-graph-date", "2008");
});

test("arrow keys move the story while it has focus", async ({ page }) => {
  await openExplorer(page, "tool=story", await firstStepDate(page));
  const panel = page.getByTestId("story-panel");
  const first = await panel.getAttribute("data-step");
  await page.getByTestId("story-next").focus();
  await page.keyboard.press("ArrowRight");
  await expect(panel).not.toHaveAttribute("data-step", first!);
  const second = await panel.getAttribute("data-step");
  await page.keyboard.press("ArrowRight");
  await expect(panel).not.toHaveAttribute("data-step", second!);
  await page.keyboard.press("ArrowLeft");
  await expect(panel).toHaveAttribute("data-step", second!);
  // Focus stayed in the story.
  expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="story-panel"]'))).toBe(true);
});

async function firstStepDate(page: import("@playwright/test").Page) {
  const story = await (await page.request.get("/api/story")).json();
  return story.steps[0].date as string;
}

test("Enter on a listed relationship opens it; Escape closes it and gives focus back to that row", async ({ page }) => {
  await openExplorer(page, "date=2009", "2009");
  const rows = page.getByTestId("drawn-relationships").getByRole("button");
  const third = rows.nth(2);
  const text = await third.textContent();
  await third.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("detail-panel")).toHaveAttribute("data-kind", "relationship");
  // Focus moved into the panel, not to the top of the page.
  expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="detail-panel"]'))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("detail-panel")).toHaveCount(0);
  await expect(rows.nth(2)).toBeFocused();
  await expect(rows.nth(2)).toHaveText(text!);

  // The same with Enter on the panel's close button.
  await rows.nth(2).press("Enter");
  await expect(page.getByTestId("detail-panel")).toHaveAttribute("data-kind", "relationship");
  await page.getByRole("button", { name: "Close details" }).press("Enter");
  await expect(rows.nth(2)).toBeFocused();
});

test("the table view leaves the legend its width", async ({ page }) => {
  await openExplorer(page, "date=2009&show=table", "2009");
  await expect(page.getByTestId("table-view")).toBeVisible();
  const legend = (await page.getByTestId("legend").boundingBox())!;
  expect(legend.width).toBeGreaterThan(150);
});

test("one click hides the belonging ties, and another shows them again", async ({ page }) => {
  await openExplorer(page, "date=2009", "2009");
  const before = await shownEdges(page);
  expect(before).toContain("syrian-intelligence-part-of-government");
  await page.getByTestId("filters").locator("summary").click();
  const hide = page.getByTestId("hide-belonging");
  await hide.click();
  await expect(hide).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => shownEdges(page)).not.toContain("syrian-intelligence-part-of-government");
  const after = await shownEdges(page);
  expect(after).toContain("syrian-officers-meet-isi-2009");
  expect(after).not.toContain("mamlouk-syrian-delegate");
  await hide.click();
  await expect.poll(() => shownEdges(page)).toEqual(before);
});

test("only cooperative says that belonging ties were left out, and finds Bashar's chain to ISI through them", async ({ page }) => {
  await openExplorer(page, "date=2009&tool=paths&source=bashar-al-assad&target=islamic-state&cooperative=1", "2009");
  const note = page.getByTestId("path-cooperative-note");
  await expect(note).toContainText("leadership, membership");
  await expect(page.getByTestId("path-result")).not.toHaveAttribute("data-hops", "");
  await expect(page.locator('[data-chain^="bashar-al-assad>assad-government>"]').first()).toBeVisible();
  await expect(page.getByTestId("path-chains")).toContainText("belonging");
  // No hostile tie is followed: every hop but the belonging ones is cooperative.
  await expect(page.getByTestId("path-chains")).not.toContainText("(hostile");
});
