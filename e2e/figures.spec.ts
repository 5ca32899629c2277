/**
 * Figures for an article, made from the UI's figure dialog and by `npm run snapshot` in real
 * Chromium, each SVG rendered by rsvg-convert (Debian librsvg2-bin). Copies of the rendered figures
 * go to test-results/screenshots beside the other screenshots.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Download, Page } from "@playwright/test";
import { PNG } from "pngjs";
import { expect, test } from "./fixtures";
import { graphAt, openExplorer, relationshipsAt, SCREENSHOT_DIR } from "./graph-probe";
import { snapshotCommand } from "./snapshot-command";

const work = mkdtempSync(path.join(tmpdir(), "explorer-figures-"));
const SHOTS = SCREENSHOT_DIR;

function rsvgConvert(svgFile: string) {
  const png = svgFile.replace(/\.svg$/, ".rsvg.png");
  const run = spawnSync("rsvg-convert", ["--format", "png", "--output", png, svgFile], { encoding: "utf8" });
  if (run.error) throw new Error(`rsvg-convert is needed to check SVG figures (Debian: apt-get install librsvg2-bin): ${run.error.message}`);
  return { status: run.status, stderr: run.stderr, png };
}

async function saveFigure(page: Page, fill: (dialog: ReturnType<Page["getByRole"]>) => Promise<void>) {
  const menu = page.getByTestId("export-menu");
  await menu.locator("summary").click();
  await menu.getByRole("button", { name: "Figure for an article…" }).click();
  const dialog = page.getByRole("dialog", { name: "Figure for an article" });
  await fill(dialog);
  await dialog.getByRole("radio", { name: "SVG" }).check();
  const [download]: [Download, void] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Save figure" }).click()]);
  const file = path.join(work, download.suggestedFilename());
  await download.saveAs(file);
  await expect(dialog.getByRole("status")).toContainText(`Saved ${download.suggestedFilename()}`);
  return { file, name: download.suggestedFilename(), svg: readFileSync(file, "utf8") };
}

const unescape = (s: string) => s.replaceAll("&apos;", "'").replaceAll("&quot;", '"').replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
const footerText = (svg: string) => unescape(/<g class="footer">([\s\S]*?)<\/g>/.exec(svg)![1]!.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim());

type Box = { id: string; x1: number; y1: number; x2: number; y2: number };
const boxOf = (id: string, s: string): Box => {
  const [x1, y1, x2, y2] = s.split(" ").map(Number) as [number, number, number, number];
  return { id, x1, y1, x2, y2 };
};
const meet = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Labels that overlap another label or a node's shape, by their boxes on the sheet. */
function collisions(svg: string): string[] {
  const labels = [...svg.matchAll(/<g class="label" data-of="(\w+)" data-id="([^"]+)" data-box="([^"]+)"/g)].map((m) => boxOf(`${m[1]}:${m[2]}`, m[3]!));
  const nodes = [...svg.matchAll(/<g class="node" data-id="([^"]+)" opacity="[^"]+" data-box="([^"]+)"/g)].map((m) => boxOf(m[1]!, m[2]!));
  const out: string[] = [];
  labels.forEach((a, i) => labels.slice(i + 1).forEach((b) => meet(a, b) && out.push(`${a.id} / ${b.id}`)));
  for (const l of labels) for (const n of nodes) if (meet(l, n)) out.push(`${l.id} on ${n.id}`);
  return out;
}

test("a 4:5 figure of a story step: headline, caption, the step's ties labelled, the absolute link, and only the works behind what is highlighted", async ({ page, request }) => {
  const steps = (await (await request.get("/api/story")).json()).steps as { id: string; date: string; from: string | null; relationships: string[]; citations: { source: { citedAs: string } }[] }[];
  // A step of one date with several ties highlighted.
  const step = steps.filter((s) => !s.from && /^\d{4}$/.test(s.date)).sort((a, b) => b.relationships.length - a.relationships.length)[0]!;
  await openExplorer(page, `tool=story&step=${step.id}`, step.date);
  const lit = await page.evaluate(() => window.__graphProbe!.edges().filter((e) => e.classes.includes("highlighted")).map((e) => e.id).sort());
  const drawn = await page.evaluate(() => window.__graphProbe!.edges().map((e) => e.id));
  expect(lit.length).toBeGreaterThan(1);
  expect(drawn.length).toBeGreaterThan(lit.length);

  const { file, name, svg } = await saveFigure(page, async (dialog) => {
    await dialog.getByLabel("Headline").fill("How Damascus kept its jihadists close");
    await dialog.getByLabel("Caption").fill("The ties of this step of the story, with the works they rest on.");
    await dialog.getByRole("radio", { name: "4:5 (portrait)" }).check();
    await dialog.getByRole("radio", { name: /^Highlighted ties/ }).check();
    await dialog.getByLabel("Link to the view starts with").fill("https://explorer.example.org");
  });
  expect(name).toMatch(/-4x5\.svg$/);
  expect(svg).toContain('viewBox="0 0 1200 1500"');
  expect(svg).toContain(">How Damascus kept its jihadists close</text>");
  expect(svg).toMatch(/class="caption"[^>]*>The ties of this step of the story, with the works they rest on.<\/text>/);
  // Every highlighted tie carries its words; no other tie does.
  const labelled = [...svg.matchAll(/<g class="label" data-of="edge" data-id="([^"]+)"/g)].map((m) => m[1]).sort();
  expect(labelled).toEqual(lit);
  expect(collisions(svg)).toEqual([]);

  const footer = footerText(svg);
  expect(footer).toContain(`This view: https://explorer.example.org/?${new URL(page.url()).search.slice(1).replaceAll("%2C", ",")}`);
  const works = /Works cited \(of the highlighted ties\): (.*?)\. Actor network explorer:/.exec(footer)?.[1]?.split("; ").sort();
  const all = await relationshipsAt(request, "");
  const expected = new Set([...all.filter((r) => lit.includes(r.id)).flatMap((r) => r.citations.map((c) => c.source.citedAs)), ...step.citations.map((c) => c.source.citedAs)]);
  expect(works).toEqual([...expected].sort((a, b) => a.localeCompare(b)));

  const rendered = rsvgConvert(file);
  expect(rendered.status, rendered.stderr).toBe(0);
  const png = PNG.sync.read(readFileSync(rendered.png));
  expect([png.width, png.height]).toEqual([1200, 1500]);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(rendered.png, path.join(SHOTS, "figure-4x5.png"));
});

test("small multiples of 2003, 2007, 2009 and 2014: one panel per year at the same positions, titled, with the names of each year", async ({ page, request }) => {
  await openExplorer(page, "date=2009", "2009");
  const years = ["2003", "2007", "2009", "2014"];
  const { file, name, svg } = await saveFigure(page, async (dialog) => {
    await dialog.getByLabel("Headline").fill("The triangle, year by year");
    await dialog.getByLabel("Small multiples: years (optional)").fill("2014, 2003 2009 2007");
    await dialog.getByRole("radio", { name: "16:9 (slide)" }).check();
  });
  expect(name).toBe("assad-baathist-jihadist-2003-2007-2009-2014.svg");
  expect(svg).toContain('data-panels="4"');
  expect(svg).toContain("2003, 2007, 2009 and 2014");
  const scales = new Set([...svg.matchAll(/<g class="graph" data-panel="\d+"[^>]*scale\(([\d.]+)\)/g)].map((m) => m[1]));
  expect(scales.size, "one scale for every panel").toBe(1);
  for (const year of years) {
    expect(svg).toMatch(new RegExp(`class="panel-title"[^>]*>${year}</text>`));
    const graph = await graphAt(request, `at=${year}`);
    const panel = new RegExp(`<g class="graph" data-panel="${year}"[\\s\\S]*?\\n</g>`).exec(svg)![0];
    const ids = [...panel.matchAll(/<g class="node" data-id="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(ids, year).toEqual(graph.elements.nodes.map((n) => n.data.id).sort());
    // Each actor under its name of that year (AQI's lineage changes name).
    const labels = new RegExp(`<g class="panel-labels" data-panel="${year}">([\\s\\S]*?)</g></g>`).exec(svg)![1]!;
    const named = Object.fromEntries([...labels.matchAll(/data-of="node" data-id="([^"]+)"[^>]*>([\s\S]*?)<\/g>/g)].map((m) => [m[1], unescape(m[2]!.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim())]));
    for (const n of graph.elements.nodes) if (named[n.data.id] !== undefined) expect(named[n.data.id], `${n.data.id} in ${year}`).toBe(n.data.label);
    expect(Object.keys(named).length, `names placed in ${year}`).toBeGreaterThan(graph.elements.nodes.length * 0.75);
  }
  expect(collisions(svg)).toEqual([]);
  const rendered = rsvgConvert(file);
  expect(rendered.status, rendered.stderr).toBe(0);
  expect(PNG.sync.read(readFileSync(rendered.png)).width).toBe(1600);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(rendered.png, path.join(SHOTS, "small-multiples.png"));
});

test("npm run snapshot makes the same figures from its options", async ({ baseURL }) => {
  const out = path.join(work, "snapshot-1x1.svg");
  const run = snapshotCommand(
    ["--url", baseURL!, "--at", "2009", "--shape", "1:1", "--headline", "Damascus in 2009", "--caption", "Every tie, labelled.", "--labels", "all", "--base-url", "https://example.org", "--format", "svg", "--out", out],
    180_000,
  );
  expect(run.status, run.stderr).toBe(0);
  const svg = readFileSync(out, "utf8");
  expect(svg).toContain('viewBox="0 0 1200 1200"');
  expect(svg).toContain(">Damascus in 2009</text>");
  expect(svg).toMatch(/class="caption"[^>]*>Every tie, labelled.<\/text>/);
  expect(footerText(svg)).toContain("This view: https://example.org/?date=2009");
  expect(footerText(svg)).toContain("Works cited (of every tie drawn; nothing is highlighted):");
  const edges = [...svg.matchAll(/<g class="edge" data-id="/g)].length;
  const labelled = [...svg.matchAll(/<g class="label" data-of="edge"/g)].length;
  const left = Number(/(\d+) labels? left out/.exec(svg)?.[1] ?? 0);
  expect(labelled + left).toBeGreaterThanOrEqual(edges);
  expect(labelled).toBeGreaterThan(edges / 2);
  expect(collisions(svg)).toEqual([]);
  expect(rsvgConvert(out).status).toBe(0);

  const multiples = path.join(work, "snapshot-multiples.svg");
  const sm = snapshotCommand(["--url", baseURL!, "--years", "2007,2014", "--shape", "4:5", "--format", "svg", "--out", multiples], 180_000);
  expect(sm.status, sm.stderr).toBe(0);
  const two = readFileSync(multiples, "utf8");
  expect(two).toContain('data-panels="2"');
  expect(two).toContain('viewBox="0 0 1200 1500"');

  const bad = snapshotCommand(["--url", baseURL!, "--at", "2009", "--shape", "3:2", "--out", out], 60_000);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain("--shape: expected 16:9, 4:5 or 1:1");
});
