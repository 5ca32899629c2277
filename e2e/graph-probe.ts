/**
 * Reading the drawn graph in browser tests: waits for the explorer's "graph ready" signal and asks
 * Cytoscape (through window.__graphProbe, see components/graph/NetworkGraph.tsx) what it draws.
 */
import { mkdirSync } from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect } from "./fixtures";

export const SCREENSHOT_DIR = "test-results/screenshots";

export async function waitForGraph(page: Page, date: string) {
  const graph = page.getByTestId("network-graph");
  await expect(graph).toHaveAttribute("data-graph-state", "ready");
  await expect(graph).toHaveAttribute("data-graph-date", date);
}

export async function openExplorer(page: Page, query: string, date: string) {
  await page.goto(`/?${query}`);
  await waitForGraph(page, date);
}

export const shownEdges = (page: Page) =>
  page.evaluate(() => window.__graphProbe!.edges().filter((e) => e.shown).map((e) => e.id).sort());

export const shownNodes = (page: Page) =>
  page.evaluate(() => window.__graphProbe!.nodes().filter((n) => n.shown).map((n) => n.id).sort());

export const nodeLabel = (page: Page, id: string) =>
  page.evaluate((id) => window.__graphProbe!.nodes().find((n) => n.id === id)?.label, id);

export const positions = (page: Page) =>
  page.evaluate(() => Object.fromEntries(window.__graphProbe!.nodes().map((n) => [n.id, { x: n.x, y: n.y }])));

export const classesOf = (page: Page, id: string) =>
  page.evaluate((id) => [...window.__graphProbe!.nodes(), ...window.__graphProbe!.edges()].find((e) => e.id === id)?.classes ?? [], id);

/** Clicks an element on the canvas, where Cytoscape draws it. */
export async function clickElement(page: Page, id: string) {
  const point = await page.evaluate((id) => window.__graphProbe!.clientPoint(id), id);
  expect(point, `${id} is on the canvas`).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
}

interface Relationship {
  id: string;
  from: { id: string };
  to: { id: string };
  span: { first: string | null; last: string | null };
  certainty: string;
  polarity: string;
  citations: { source: { citedAs: string }; pages: string | null }[];
}

export async function relationshipsAt(request: APIRequestContext, query: string): Promise<Relationship[]> {
  const res = await request.get(`/api/relationships${query ? `?${query}` : ""}`);
  expect(res.ok()).toBe(true);
  return (await res.json()).relationships;
}

export async function graphAt(request: APIRequestContext, query: string) {
  const res = await request.get(`/api/graph?${query}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as { elements: { nodes: { data: { id: string; label: string } }[]; edges: { data: { id: string } }[] } };
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
}
