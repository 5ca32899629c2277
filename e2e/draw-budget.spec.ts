/**
 * The drawing budget (lib/graph/draw-budget.ts) on the seed, forced small through
 * localStorage["graph-budget"]: the graph holds the most connected actors in the viewport and the
 * ties between them, says so in words, draws more as the reader zooms in, always draws and centres
 * a chosen actor, and draws everything again once the budget allows it.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { graphAt, waitForGraph } from "./graph-probe";

test.use({ viewport: { width: 1280, height: 800 } });

const DATE = "2009";
const STATUS = /^Drawing the (\d+) most connected of (\d+) actors and (\d+) of (\d+) ties here — zoom in or focus an actor to see the rest$/;

interface ApiNode {
  data: { id: string; label: string };
  position: { x: number; y: number };
}

const drawn = (page: Page) =>
  page.evaluate(() => ({
    nodes: window.__graphProbe!.nodes().filter((n) => n.shown).map((n) => n.id).sort(),
    edges: window.__graphProbe!.edges().filter((e) => e.shown).map((e) => e.id).sort(),
  }));

/** The ids in the viewport with the budget's margin (a quarter of its size on each side), from the stored positions. */
async function inViewport(page: Page, nodes: ApiNode[]) {
  const v = await page.evaluate(() => window.__graphProbe!.viewport());
  const x1 = -v.pan.x / v.zoom;
  const y1 = -v.pan.y / v.zoom;
  const w = v.width / v.zoom;
  const h = v.height / v.zoom;
  return nodes
    .filter((n) => n.position.x >= x1 - w / 4 && n.position.x <= x1 + w * 1.25 && n.position.y >= y1 - h / 4 && n.position.y <= y1 + h * 1.25)
    .map((n) => n.data.id);
}

test("beyond the budget: the most connected in view, said in words; zoom and search draw the rest", async ({ page }) => {
  const graph = (await graphAt(page.request, `at=${DATE}`)) as unknown as { elements: { nodes: ApiNode[]; edges: { data: { id: string; source: string; target: string } }[] } };
  const { nodes, edges } = graph.elements;
  const degree = new Map<string, number>(nodes.map((n) => [n.data.id, 0]));
  for (const e of edges) for (const end of [e.data.source, e.data.target]) degree.set(end, degree.get(end)! + 1);
  const byConnection = (ids: string[]) => [...ids].sort((a, b) => degree.get(b)! - degree.get(a)! || (a < b ? -1 : 1));

  await page.goto(`/?date=${DATE}`);
  await waitForGraph(page, DATE);
  await page.evaluate(() => window.localStorage.setItem("graph-budget", "12"));
  await page.reload();
  await waitForGraph(page, DATE);

  // The words state the counts of what is drawn and of the whole view.
  const status = page.getByTestId("draw-budget");
  await expect(status).toHaveAttribute("role", "status");
  const first = await drawn(page);
  const words = STATUS.exec((await status.textContent()) ?? "");
  expect(words, "the status line").not.toBeNull();
  expect(words!.slice(1).map(Number)).toEqual([first.nodes.length, nodes.length, first.edges.length, edges.length]);
  expect(first.nodes.length + first.edges.length).toBeLessThanOrEqual(12);
  expect(first.nodes.length).toBeGreaterThan(1);

  // At the fit of the whole view, every actor is in view: the drawn ones are the most connected
  // (ties by id), with every tie between two of them.
  expect(first.nodes).toEqual(byConnection(nodes.map((n) => n.data.id)).slice(0, first.nodes.length).sort());
  const both = edges.filter((e) => first.nodes.includes(e.data.source) && first.nodes.includes(e.data.target)).map((e) => e.data.id);
  expect(first.edges).toEqual(both.sort());

  // Zooming in draws actors that were not drawn, the most connected of those now in view.
  for (let i = 0; i < 6; i++) await page.getByRole("button", { name: "Zoom in" }).click();
  // Once the zoom settles, what is drawn is chosen again for the viewport.
  const settled = async () => {
    const now = await drawn(page);
    const here = await inViewport(page, nodes);
    const fresh = now.nodes.filter((id) => !first.nodes.includes(id)).length;
    return fresh > 0 && JSON.stringify(now.nodes) === JSON.stringify(byConnection(here).slice(0, now.nodes.length).sort());
  };
  await expect.poll(settled).toBe(true);
  const zoomed = await drawn(page);
  await expect(status).toContainText(`Drawing the ${zoomed.nodes.length} most connected of ${nodes.length} actors and ${zoomed.edges.length} of ${edges.length} ties here`);

  // Choosing an actor that is not drawn, from the search, draws it and brings it to the middle.
  const now = (await drawn(page)).nodes;
  const names = new Map<string, number>();
  for (const n of nodes) names.set(n.data.label, (names.get(n.data.label) ?? 0) + 1);
  const hidden = byConnection(nodes.map((n) => n.data.id))
    .reverse()
    .map((id) => nodes.find((n) => n.data.id === id)!)
    .find((n) => !now.includes(n.data.id) && names.get(n.data.label) === 1)!;
  await page.getByTestId("actor-search").fill(hidden.data.label);
  await page.getByTestId("actor-search").press("Enter");
  await expect(page.getByTestId("detail-panel")).toHaveAttribute("data-id", hidden.data.id);
  await expect.poll(async () => (await drawn(page)).nodes).toContain(hidden.data.id);
  const box = (await page.getByTestId("network-graph").boundingBox())!;
  await expect
    .poll(async () => {
      const p = await page.evaluate((id) => window.__graphProbe!.clientPoint(id), hidden.data.id);
      return p ? Math.round(Math.hypot(p.x - (box.x + box.width / 2), p.y - (box.y + box.height / 2))) : Infinity;
    })
    .toBeLessThanOrEqual(3);

  // Without the override the seed's view is within the default budget: everything, and no words.
  await page.evaluate(() => window.localStorage.removeItem("graph-budget"));
  await page.goto(`/?date=${DATE}`);
  await waitForGraph(page, DATE);
  const all = await drawn(page);
  expect(all.nodes.length).toBe(nodes.length);
  expect(all.edges.length).toBe(edges.length);
  await expect(status).toHaveCount(0);
});
