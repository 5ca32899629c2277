import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { classesOf, openExplorer } from "./graph-probe";

/**
 * Issue 13, point 4: the triangle's corners are sides, so the regime's organs count — the Syrian
 * intelligence officers meeting ISI and the Baathists in 2009, the air force sparing ISIS in 2014 —
 * and switching the triangle on zooms to it.
 */
test.use({ viewport: { width: 1280, height: 800 } });

async function triangleOn(page: Page) {
  await page.getByTestId("triangle").click();
  await expect(page.getByTestId("triangle")).toHaveAttribute("aria-pressed", "true");
}

/** Every highlighted actor lies on the canvas, and together they fill much of it (the view was fitted to them). */
async function expectZoomedToHighlighted(page: Page) {
  const box = (await page.getByTestId("network-graph").boundingBox())!;
  await expect
    .poll(async () => {
      const points = await page.evaluate(() =>
        window.__graphProbe!.nodes()
          .filter((n) => n.classes.includes("highlighted"))
          .map((n) => window.__graphProbe!.clientPoint(n.id)!),
      );
      const inside = points.every((p) => p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height);
      const xs = points.map((p) => p.x);
      const ys = points.map((p) => p.y);
      const spread = Math.max((Math.max(...xs) - Math.min(...xs)) / box.width, (Math.max(...ys) - Math.min(...ys)) / box.height);
      return inside && spread > 0.6;
    })
    .toBe(true);
}

test("in 2009 the intelligence services' meetings with ISI and the Baathists are in the triangle", async ({ page }) => {
  await openExplorer(page, "date=2009", "2009");
  await triangleOn(page);
  for (const id of ["assad-government", "iraqi-baathists", "islamic-state", "syrian-intelligence"]) {
    await expect.poll(() => classesOf(page, id), id).toContain("highlighted");
  }
  for (const id of ["syrian-officers-meet-isi-2009", "syrian-officers-meet-baathists-2009", "syrian-intelligence-part-of-government"]) {
    await expect.poll(() => classesOf(page, id), id).toContain("highlighted");
  }
  // Mamlouk belongs to the government in 2009; the Iraqi government he rebuffed is no side of it.
  await expect.poll(() => classesOf(page, "ali-mamlouk")).toContain("highlighted");
  expect(await classesOf(page, "iraqi-government")).toContain("dimmed");
  await expectZoomedToHighlighted(page);
  await page.screenshot({ path: "test-results/screenshots/triangle-2009.png" });
});

test("in 2014 the air force sparing ISIS is in the triangle, through the armed forces", async ({ page }) => {
  await openExplorer(page, "date=2014", "2014");
  await triangleOn(page);
  for (const id of ["syrian-air-force", "syrian-armed-forces"]) await expect.poll(() => classesOf(page, id), id).toContain("highlighted");
  await expect.poll(() => classesOf(page, "air-force-spares-isis-2014")).toContain("highlighted");
  // The air force's bombing of the rebels is not a tie among the sides.
  expect(await classesOf(page, "air-force-bombs-rebels-2014")).toContain("dimmed");
  await expectZoomedToHighlighted(page);
});
