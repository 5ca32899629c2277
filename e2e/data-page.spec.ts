import { expect, test } from "./fixtures";

test("the data page lists the seeded actors and relationships with their sources", async ({ page, request }) => {
  const [actors, relationships] = await Promise.all([
    request.get("/api/actors").then((r) => r.json()),
    request.get("/api/relationships").then((r) => r.json()),
  ]);
  expect(actors.actors.length).toBeGreaterThan(20);

  await page.goto("/data");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Assad");

  const counts = page.getByRole("list", { name: "Dataset size" });
  await expect(counts).toContainText(`${actors.actors.length} actors`);
  await expect(counts).toContainText(`${relationships.relationships.length} relationships`);

  const table = page.getByRole("table", { name: "Relationships" });
  await expect(table.getByRole("row")).toHaveCount(relationships.relationships.length + 1);

  // The article's one contested claim is on the page, marked as such and cited.
  const contested = relationships.relationships.find((r: { certainty: string }) => r.certainty === "contested");
  expect(contested).toBeTruthy();
  const row = page.locator(`#relationship-${contested.id}`);
  await expect(row).toContainText("contested");
  await expect(row).toContainText(contested.citations[0].source.citedAs);

  await expect(page.getByRole("heading", { name: "Sources" })).toBeVisible();
  await expect(page.locator("#actor-islamic-state")).toContainText("AQI");
});

test.describe("on a 390-pixel-wide phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the listing fits the screen without sideways scrolling", async ({ page }) => {
    await page.goto("/data");
    const table = page.getByRole("table", { name: "Relationships" });
    await expect(table).toBeVisible();
    // Neither the page nor the table (inside its scrolling wrapper) is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect((await table.boundingBox())!.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: test.info().outputPath("data-phone.png") });
  });
});
