import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { openExplorer, screenshot, waitForGraph } from "./graph-probe";

/**
 * Issue 13, point 5: the explorer on a 390 × 844 phone — the date bar with the slider on the first
 * screen and sticky, the tools in one menu, fingers' targets, the story's graph and caption on one
 * screen, and a tap on an edge that opens the edge.
 */
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const H = 844;

async function onScreen(page: Page, testId: string) {
  const box = (await page.getByTestId(testId).first().boundingBox())!;
  return box.y >= 0 && box.y + box.height <= H && box.height > 0;
}

test("the date and the slider are on the first screen and stay there as the page scrolls; the tools are one menu", async ({ page }) => {
  await openExplorer(page, "date=2009", "2009");
  expect(await onScreen(page, "current-date")).toBe(true);
  expect(await onScreen(page, "date-slider")).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, "2009-phone");

  // Sticky: after scrolling to the panel, the date bar is still at the top.
  await page.evaluate(() => window.scrollTo(0, 900));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  expect(await onScreen(page, "date-slider")).toBe(true);
  await page.getByTestId("date-slider").focus();
  await page.keyboard.press("ArrowRight");
  await waitForGraph(page, "2010");
  await page.evaluate(() => window.scrollTo(0, 0));

  // One menu holds the tools: folded, the triangle and filters are hidden; open, they are there.
  await expect(page.getByTestId("triangle")).toBeHidden();
  await page.getByTestId("tools-menu").tap();
  await expect(page.getByTestId("triangle")).toBeVisible();
  await expect(page.getByTestId("filters")).toBeVisible();
});

test("the controls a finger uses are at least 44 pixels tall", async ({ page }) => {
  await openExplorer(page, "date=2009", "2009");
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="tools-menu"], [data-testid="play"], [data-testid="start-story"], button[aria-label^="Previous"], button[aria-label^="Next"], [data-testid="date-slider"], [data-testid="drawn-relationships"] button')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el: el.getAttribute("data-testid") ?? el.getAttribute("aria-label") ?? el.textContent, h: el.getBoundingClientRect().height }))
      .filter((x) => x.h < 44),
  );
  expect(small).toEqual([]);
});

test("in the story the graph is pinned and the caption with Next is on the same screen", async ({ page }) => {
  await page.goto("/?tool=story");
  await expect(page.getByTestId("story-panel")).toBeVisible();
  await expect(page.getByTestId("network-graph")).toHaveAttribute("data-graph-state", "ready");
  const graph = (await page.getByTestId("network-graph").boundingBox())!;
  expect(graph.y).toBeGreaterThanOrEqual(0);
  expect(graph.y + graph.height).toBeLessThanOrEqual(H);
  expect(graph.height).toBeGreaterThan(200);
  expect(await onScreen(page, "story-next")).toBe(true);
  const caption = (await page.getByTestId("story-caption").boundingBox())!;
  expect(caption.y).toBeLessThan(H - 40);
  await screenshot(page, "2009-phone-story");

  // Next moves the story; scrolling the caption leaves the graph where it is, pinned under the date bar.
  const first = await page.getByTestId("story-panel").getAttribute("data-step");
  await page.getByTestId("story-next").tap();
  await expect(page.getByTestId("story-panel")).not.toHaveAttribute("data-step", first!);
  await page.evaluate(() => window.scrollBy(0, 250));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  const pinned = (await page.getByTestId("network-graph").boundingBox())!;
  expect(pinned.y).toBeGreaterThanOrEqual(0);
  expect(pinned.y).toBeLessThan(200);
});

test("a tap on an edge opens that edge, even beside an actor", async ({ page }) => {
  await openExplorer(page, "date=2009", "2009");
  // The edge whose middle lies closest to an actor without being on it: where a finger went wrong.
  const target = await page.evaluate(() => {
    const p = window.__graphProbe!;
    const nodes = p.nodes().map((n) => p.clientPoint(n.id)!);
    const box = document.querySelector('[data-testid="network-graph"]')!.getBoundingClientRect();
    let best: { id: string; x: number; y: number; d: number } | null = null;
    for (const e of p.edges()) {
      const m = p.clientPoint(e.id);
      if (!m || m.x < box.left + 10 || m.x > box.right - 10 || m.y < box.top + 10 || m.y > box.bottom - 10) continue;
      const d = Math.min(...nodes.map((n) => Math.hypot(n.x - m.x, n.y - m.y)));
      if (d >= 22 && (best === null || d < best.d)) best = { id: e.id, x: m.x, y: m.y, d };
    }
    return best;
  });
  expect(target).not.toBeNull();
  await page.touchscreen.tap(target!.x, target!.y);
  await expect(page.getByTestId("detail-panel")).toHaveAttribute("data-kind", "relationship");
  await expect(page.getByTestId("detail-panel")).toHaveAttribute("data-id", target!.id);
});
