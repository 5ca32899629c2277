/**
 * Actors' names never cover one another or an actor, at every year of the seed at 1280×800 at the
 * default zoom ("fit what is drawn"), and are at least 11 px on screen (issue 13, point 2).
 */
import { expect, test } from "./fixtures";
import { openExplorer, screenshot } from "./graph-probe";

test.use({ viewport: { width: 1280, height: 800 } });

interface Box {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const overlap = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

test("no name overlaps another name or an actor, in any year, and names are legible", async ({ page, request }) => {
  test.setTimeout(300_000);
  const timeline = (await (await request.get("/api/timeline")).json()) as { years: { year: string }[] };
  const years = timeline.years.map((y) => y.year);
  expect(years.length).toBeGreaterThan(30);
  const collisions: string[] = [];
  let shownTotal = 0;
  let drawnTotal = 0;
  for (const year of years) {
    await openExplorer(page, `date=${year}`, year);
    const { labels, nodes, scale, canvas } = await page.evaluate(() => {
      const p = window.__graphProbe!;
      const box = document.querySelector('[data-testid="network-graph"]')!.getBoundingClientRect();
      return { labels: p.labelBoxes(), nodes: p.nodeBoxes(), scale: p.labelScale(), canvas: { x1: box.left, y1: box.top, x2: box.right, y2: box.bottom } };
    });
    if (nodes.length === 0) continue;
    shownTotal += labels.length;
    drawnTotal += nodes.length;
    expect(scale.fontSize * scale.zoom, `names' size on screen in ${year}`).toBeGreaterThanOrEqual(11);
    for (const [i, a] of labels.entries()) {
      for (const b of labels.slice(i + 1)) if (overlap(a, b)) collisions.push(`${year}: name of ${a.id} on name of ${b.id}`);
      for (const n of nodes) if (overlap(a, n)) collisions.push(`${year}: name of ${a.id} on actor ${n.id}`);
      // The fit leaves the names inside the canvas.
      if (a.x1 < canvas.x1 || a.y1 < canvas.y1 || a.x2 > canvas.x2 || a.y2 > canvas.y2) collisions.push(`${year}: name of ${a.id} outside the canvas`);
    }
    // What is drawn fills the canvas: its actors span most of its width or height.
    const span = {
      w: Math.max(...nodes.map((n) => n.x2)) - Math.min(...nodes.map((n) => n.x1)),
      h: Math.max(...nodes.map((n) => n.y2)) - Math.min(...nodes.map((n) => n.y1)),
    };
    if (nodes.length > 3) {
      expect(Math.max(span.w / (canvas.x2 - canvas.x1), span.h / (canvas.y2 - canvas.y1)), `${year} fills the canvas`).toBeGreaterThan(0.75);
    }
  }
  expect(collisions).toEqual([]);
  // Most names are shown outright; the rest show on pointing or choosing (see the next test).
  expect(shownTotal / drawnTotal).toBeGreaterThan(0.6);
});

test("a name left out for want of room shows when its actor is chosen", async ({ page }) => {
  await openExplorer(page, "date=2009", "2009");
  await screenshot(page, "2009-1280-labels");
  const hidden = await page.evaluate(() => {
    const shown = new Set(window.__graphProbe!.labelBoxes().map((b) => b.id));
    return window.__graphProbe!.nodes().map((n) => n.id).filter((id) => !shown.has(id));
  });
  // 2009 is the densest year of the seed: some names do not fit there.
  expect(hidden.length).toBeGreaterThan(0);
  const id = hidden[0]!;
  await openExplorer(page, `date=2009&sel=${encodeURIComponent(`actor:${id}`)}`, "2009");
  const shown = await page.evaluate(() => window.__graphProbe!.labelBoxes().map((b) => b.id));
  expect(shown).toContain(id);
});
