import { expect, test } from "./fixtures";
import { nodeLabel, openExplorer } from "./graph-probe";

/**
 * Issue 13, point 7: wherever a name is shown for a date, it is the name the actor bore then — the
 * graph's label, the panel's title and names list, the list in words, the comparison's rows.
 */
test.use({ viewport: { width: 1280, height: 800 } });

test("in 2005 the lineage is AQI on the graph, in the panel's title, its names list and the list in words", async ({ page }) => {
  await openExplorer(page, "date=2005&sel=actor:islamic-state", "2005");
  expect(await nodeLabel(page, "islamic-state")).toBe("AQI");
  const panel = page.getByTestId("detail-panel");
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText("al-Qaeda in Iraq (AQI)");
  await expect(panel.getByTestId("name-history")).toHaveText("AQI (2005), earlier JTJ, later ISI, ISIS, IS · recorded as Islamic State");
  const current = panel.locator('li[aria-current="true"]');
  await expect(current).toHaveCount(1);
  await expect(current).toContainText("al-Qaeda in Iraq");
  await expect(current).toContainText("at 2005");

  // The list in words beside the graph names the same actor the same way.
  await page.getByRole("button", { name: "Close details" }).click();
  const overview = page.getByTestId("date-overview");
  await expect(overview).toContainText("AQI");
  await expect(overview).not.toContainText(/→ IS\b/);
});

test("in 2014 the title is the name of 2014, and a tie that ended in 2006 keeps the names of its own dates", async ({ page }) => {
  await openExplorer(page, "date=2014&sel=actor:islamic-state", "2014");
  expect(await nodeLabel(page, "islamic-state")).toBe("IS");
  const panel = page.getByTestId("detail-panel");
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText("Islamic State (IS)");
  await expect(panel.locator('li[aria-current="true"]')).toContainText("Islamic State (IS)");
  await expect(panel.getByTestId("name-history")).toHaveText("IS (2014), earlier JTJ, AQI, ISI, ISIS");

  // Abu al-Qaqa's supply of Zarqawi ended by June 2006: opened from a 2014 view, it names AQI.
  await openExplorer(page, "date=2014&sel=relationship:al-qaqa-supplies-zarqawi", "2014");
  await expect(page.getByTestId("detail-panel").getByRole("heading", { level: 2 })).toContainText("al-Qaeda in Iraq");
});

test("the comparison names what ended at the earlier date and what appeared at the later", async ({ page }) => {
  await openExplorer(page, "date=2014&tool=compare&base=2005", "2014");
  const removed = page.getByTestId("compare-removed").locator('li[data-id="al-qaqa-supplies-zarqawi"]');
  await expect(removed).toContainText("→ AQI:");
  await expect(removed).not.toContainText("→ IS:");
  // Everything listed as appeared holds in 2014, so the lineage is named IS there.
  const added = page.getByTestId("compare-added");
  await expect(added).not.toContainText(/\b(AQI|ISI)\b/);
});
