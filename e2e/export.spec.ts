/**
 * The Export menu and `npm run snapshot` against the built app in real Chromium, each file checked
 * by a reader nobody here wrote: PNGs decoded by pngjs, SVGs rendered by rsvg-convert (Debian
 * librsvg2-bin), Cytoscape JSON opened back in the explorer.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";
import { expect, test } from "./fixtures";
import { openExplorer, positions, relationshipsAt, SCREENSHOT_DIR, shownEdges, shownNodes, waitForGraph } from "./graph-probe";
import { openMenu, rsvgConvert, saveDownload, work } from "./downloads";
import { snapshotCommand } from "./snapshot-command";

/** Decoded pixels: size, share of pixels that are not the background, distinct colours. */
function inspectPng(file: string) {
  const png = PNG.sync.read(readFileSync(file));
  let inked = 0;
  const colours = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b, a] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
    if (a > 0 && !(r > 245 && g > 245 && b > 245)) inked++;
    if (i % 64 === 0) colours.add((r << 24) | (g << 16) | (b << 8) | a);
  }
  return { width: png.width, height: png.height, inked: inked / (png.width * png.height), colours: colours.size, alphaAt: (x: number, y: number) => png.data[(y * png.width + x) * 4 + 3] };
}

test("PNG of 2009 at 2× has the sheet's size, is drawn, and is named for what it holds", async ({ page }) => {
  await openExplorer(page, "date=2009", "2009");
  const menu = await openMenu(page);
  const { file, name } = await saveDownload(page, () => menu.getByRole("button", { name: "PNG at 2×" }).click());
  expect(name).toBe("assad-baathist-jihadist-2009@2x.png");
  const png = inspectPng(file);
  expect([png.width, png.height]).toEqual([3200, 1800]);
  // A white sheet with a graph, a legend and text on it: neither blank nor a solid fill.
  expect(png.inked).toBeGreaterThan(0.02);
  expect(png.inked).toBeLessThan(0.6);
  expect(png.colours).toBeGreaterThan(50);
  expect(png.alphaAt(0, 0)).toBe(255);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(path.join(SCREENSHOT_DIR, name), readFileSync(file));
});

test("PNG on a transparent background at 1× and 4×", async ({ page }) => {
  await openExplorer(page, "date=2014", "2014");
  const menu = await openMenu(page);
  await menu.getByRole("radio", { name: "Transparent" }).check();
  const one = await saveDownload(page, () => menu.getByRole("button", { name: "PNG at 1×" }).click());
  expect(one.name).toBe("assad-baathist-jihadist-2014.png");
  const png = inspectPng(one.file);
  expect([png.width, png.height]).toEqual([1600, 900]);
  expect(png.alphaAt(0, 0)).toBe(0);
  expect(png.inked).toBeGreaterThan(0.01);
  const four = await saveDownload(page, () => menu.getByRole("button", { name: "PNG at 4×" }).click());
  const big = PNG.sync.read(readFileSync(four.file));
  expect([big.width, big.height]).toEqual([6400, 3600]);
});

test("SVG: rsvg-convert renders it; text is text; it holds what the page draws and the works those relationships cite", async ({ page, request }) => {
  await openExplorer(page, "date=2009&mode=upto&certainty=documented,reported", "2009");
  const [nodes, edges] = [await shownNodes(page), await shownEdges(page)];
  const menu = await openMenu(page);
  const { file, name } = await saveDownload(page, () => menu.getByRole("button", { name: /^SVG/ }).click());
  expect(name).toBe("assad-baathist-jihadist-up-to-2009-filtered.svg");
  const svg = readFileSync(file, "utf8");

  const rendered = rsvgConvert(file);
  expect(rendered.status, rendered.stderr).toBe(0);
  expect(PNG.sync.read(readFileSync(rendered.png)).width).toBe(1600);

  const ids = (kind: string) => [...svg.matchAll(new RegExp(`<g class="${kind}" data-id="([^"]+)"`, "g"))].map((m) => m[1]).sort();
  expect(ids("node")).toEqual(nodes);
  expect(ids("edge")).toEqual(edges);
  expect(svg).toContain(">Assad, the Baathists and the jihadists</text>");
  expect(svg).toContain("Up to 2009");
  expect(svg).toContain("Certainty: Documented, Reported");
  // The footer names every work cited by a relationship on the sheet.
  const cited = new Set(
    (await relationshipsAt(request, "to=2009&certainty=documented,reported")).filter((r) => edges.includes(r.id)).flatMap((r) => r.citations.map((c) => c.source.citedAs)),
  );
  const footer = [...svg.matchAll(/<g class="footer">([\s\S]*?)<\/g>/g)].map((m) => m[1]).join(" ").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  for (const work of cited) expect(footer).toContain(work.replaceAll("'", "&apos;"));
  // And the link that reopens the view as the reader saw it: absolute, so it works in print.
  expect(footer).toContain(`This view: ${new URL(page.url()).origin}/?date=2009&amp;mode=upto&amp;certainty=documented,reported`);
});

test("SVG of a comparison: each relationship's mark as drawn, the key to the marks, and the works of what ended cited too", async ({ page, request }) => {
  await openExplorer(page, "date=2014&tool=compare&base=2007", "2014");
  const drawnMarks = await page.evaluate(() =>
    Object.fromEntries(
      window.__graphProbe!.edges()
        .filter((e) => e.shown)
        .map((e) => [e.id, ["added", "removed", "changed", "was"].find((m) => e.classes.includes(m)) ?? null]),
    ),
  );
  const removed = Object.entries(drawnMarks).filter(([, m]) => m === "removed").map(([id]) => id);
  expect(removed.length, "some relationships of 2007 have ended by 2014").toBeGreaterThan(0);

  const menu = await openMenu(page);
  const { file } = await saveDownload(page, () => menu.getByRole("button", { name: /^SVG/ }).click());
  const svg = readFileSync(file, "utf8");
  const rendered = rsvgConvert(file);
  expect(rendered.status, rendered.stderr).toBe(0);

  const inSvg = Object.fromEntries([...svg.matchAll(/<g class="edge" data-id="([^"]+)"(?: data-mark="([^"]+)")?/g)].map((m) => [m[1], m[2] ?? null]));
  expect(inSvg).toEqual(drawnMarks);
  expect(svg).toMatch(/>Compared with 2007: \d+ appeared, \d+ ended, \d+ changed \(marked\)</);
  expect(svg).toContain(">Between the two dates<");
  // Relationships of 2007 alone are on the sheet, so their works are in the footer too.
  const all = await relationshipsAt(request, "");
  const cited = new Set(all.filter((r) => removed.includes(r.id)).flatMap((r) => r.citations.map((c) => c.source.citedAs)));
  const footer = [...svg.matchAll(/<g class="footer">([\s\S]*?)<\/g>/g)].map((m) => m[1]).join(" ").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  for (const work of cited) expect(footer).toContain(work.replaceAll("'", "&apos;"));
});

test("Cytoscape JSON: the page's elements at the page's positions, and it opens back in the explorer", async ({ page }) => {
  await openExplorer(page, "date=2009&polarity=hostile", "2009");
  const [nodes, edges, placed] = [await shownNodes(page), await shownEdges(page), await positions(page)];
  const menu = await openMenu(page);
  const { file, name } = await saveDownload(page, () => menu.getByRole("link", { name: "Cytoscape JSON (.cyjs)" }).click());
  expect(name).toBe("assad-baathist-jihadist-2009-filtered.cyjs");
  const json = JSON.parse(readFileSync(file, "utf8"));
  expect(json.elements.nodes.map((n: { data: { id: string } }) => n.data.id).sort()).toEqual(nodes);
  expect(json.elements.edges.map((e: { data: { id: string } }) => e.data.id).sort()).toEqual(edges);
  expect(edges.length).toBeGreaterThan(0);
  expect(json.elements.edges.every((e: { data: { polarity: string } }) => e.data.polarity === "hostile")).toBe(true);
  // The server lays the network out as the page does: every actor where the page has it.
  for (const n of json.elements.nodes as { data: { id: string }; position: { x: number; y: number } }[]) {
    expect(n.position.x).toBeCloseTo(placed[n.data.id]!.x, 0);
    expect(n.position.y).toBeCloseTo(placed[n.data.id]!.y, 0);
  }
  // Untouched, the menu's file is the API's, byte for byte.
  expect(readFileSync(file, "utf8")).toBe(await (await page.request.get("/api/export?format=json&at=2009&polarity=hostile")).text());

  // An actor dragged on the page is saved where the reader put it.
  const moved = json.elements.nodes[0].data.id as string;
  const start = (await page.evaluate((id) => window.__graphProbe!.clientPoint(id), moved))!;
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 80, start.y + 50, { steps: 8 });
  await page.mouse.up();
  const after = (await positions(page))[moved]!;
  expect(after.x).not.toBeCloseTo(placed[moved]!.x, 0);
  const dragged = await saveDownload(page, () => menu.getByRole("link", { name: "Cytoscape JSON (.cyjs)" }).click());
  const draggedJson = JSON.parse(readFileSync(dragged.file, "utf8"));
  const node = draggedJson.elements.nodes.find((n: { data: { id: string } }) => n.data.id === moved);
  expect(node.position.x).toBeCloseTo(after.x, 1);
  expect(node.position.y).toBeCloseTo(after.y, 1);

  // Open it in a fresh explorer at another date: the view comes back and the page says it matches.
  await openExplorer(page, "date=1990", "1990");
  // The previous step's graph (2008, for the step's marks) is held until the view's own has been
  // answered: the report must wait for the view drawn from both, not compare the one still on screen.
  let ownAnswered!: () => void;
  const own = new Promise<void>((resolve) => (ownAnswered = resolve));
  await page.route(/\/api\/graph\?at=2009/, async (route) => {
    await route.fulfill({ response: await route.fetch() });
    ownAnswered();
  });
  await page.route(/\/api\/graph\?at=2008/, async (route) => {
    await own;
    await route.continue();
  });
  await page.getByTestId("export-menu").locator("summary").click();
  await page.getByTestId("open-saved-view").setInputFiles(file);
  await waitForGraph(page, "2009");
  await expect(page.getByTestId("saved-view-report")).toHaveAttribute("data-same", "true");
  await expect(page.getByTestId("saved-view-report")).toContainText(`the same ${nodes.length} actors and ${edges.length} relationships`);
  expect(new URL(page.url()).searchParams.get("polarity")).toBe("hostile");
  expect(await shownEdges(page)).toEqual(edges);

  // A file the explorer did not write is refused with a reason, and the view stays.
  const foreign = path.join(work, "foreign.cyjs");
  writeFileSync(foreign, JSON.stringify({ elements: { nodes: [], edges: [] } }));
  await page.getByTestId("open-saved-view").setInputFiles(foreign);
  await expect(page.getByTestId("export-menu").getByRole("status")).toContainText("foreign.cyjs cannot be opened: generated_by");
});

test("the menu's data files are the API's files for the same view", async ({ page, request }) => {
  await openExplorer(page, "date=2009&focus=islamic-state", "2009");
  const edges = await shownEdges(page);
  const menu = await openMenu(page);
  for (const [label, query] of [
    ["GraphML", "format=graphml&at=2009&focus=islamic-state"],
    ["CSV: relationships", "format=csv&at=2009&focus=islamic-state&table=relationships"],
    ["GEXF with dates", "format=gexf&at=2009&focus=islamic-state"],
  ] as const) {
    const { file } = await saveDownload(page, () => menu.getByRole("link", { name: label }).click());
    const api = await request.get(`/api/export?${query}`);
    expect(api.ok()).toBe(true);
    expect(readFileSync(file, "utf8"), label).toBe(await api.text());
  }
  const csv = await (await request.get("/api/export?format=csv&at=2009&focus=islamic-state")).text();
  for (const id of edges) expect(csv).toContain(`\r\n${id},`);
});

test("npm run snapshot renders the page's own picture headlessly, one date or every year", async ({ baseURL }) => {
  const out = path.join(work, "cli-2009.png");
  const one = snapshotCommand(["--url", baseURL!, "--at", "2009", "--format", "png", "--scale", "2", "--out", out], 120_000);
  expect(one.status, one.stderr).toBe(0);
  const png = inspectPng(out);
  expect([png.width, png.height]).toEqual([3200, 1800]);
  expect(png.inked).toBeGreaterThan(0.02);

  const dir = path.join(work, "years");
  const years = snapshotCommand(["--url", baseURL!, "--every-year", dir, "--from", "2008", "--to", "2010", "--format", "svg"], 180_000);
  expect(years.status, years.stderr).toBe(0);
  expect(readdirSync(dir).sort()).toEqual(["assad-baathist-jihadist-2008.svg", "assad-baathist-jihadist-2009.svg", "assad-baathist-jihadist-2010.svg"]);
  for (const f of readdirSync(dir)) expect(rsvgConvert(path.join(dir, f)).status).toBe(0);

  const bad = snapshotCommand(["--url", baseURL!, "--at", "2009", "--scale", "3", "--out", out], 60_000);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain("--scale: expected 1, 2 or 4");
});

test("on a phone the open Export menu stays on screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await openExplorer(page, "date=2009", "2009");
  // On a phone the view's tools, the Export menu among them, fold into one Tools menu (issue 13, point 5).
  await page.getByTestId("tools-menu").click();
  await openMenu(page);
  await expect(page.getByRole("button", { name: "PNG at 2×" })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
