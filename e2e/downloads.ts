/**
 * Files the explorer hands the reader, in browser tests: the Export menu's downloads saved to a
 * temporary folder, and SVGs rendered by a reader nobody here wrote (rsvg-convert, Debian
 * librsvg2-bin).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Download, Page } from "@playwright/test";

export const work = mkdtempSync(path.join(tmpdir(), "explorer-export-"));

export async function saveDownload(page: Page, trigger: () => Promise<void>): Promise<{ file: string; name: string }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent("download"), trigger()]);
  const name = download.suggestedFilename();
  const file = path.join(work, name);
  await download.saveAs(file);
  return { file, name };
}

export async function openMenu(page: Page) {
  const menu = page.getByTestId("export-menu");
  await menu.locator("summary").click();
  return menu;
}

export function rsvgConvert(svgFile: string): { status: number | null; stderr: string; png: string } {
  const png = svgFile.replace(/\.svg$/, ".rsvg.png");
  const run = spawnSync("rsvg-convert", ["--format", "png", "--output", png, svgFile], { encoding: "utf8" });
  if (run.error) throw new Error(`rsvg-convert is needed to check SVG exports (Debian: apt-get install librsvg2-bin): ${run.error.message}`);
  return { status: run.status, stderr: run.stderr, png };
}

