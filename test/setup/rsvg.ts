/**
 * Rendering an SVG the way a reader's tool would: rsvg-convert (Debian librsvg2-bin) to a PNG that
 * pngjs decodes. A missing rsvg-convert fails the test with what to install, it never skips.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PNG } from "pngjs";

export function renderSvg(svg: string) {
  const dir = mkdtempSync(path.join(tmpdir(), "rsvg-"));
  writeFileSync(path.join(dir, "in.svg"), svg);
  const run = spawnSync("rsvg-convert", ["--format", "png", "--output", path.join(dir, "out.png"), path.join(dir, "in.svg")], { encoding: "utf8" });
  if (run.error) throw new Error(`rsvg-convert is needed (Debian: apt-get install librsvg2-bin): ${run.error.message}`);
  return { status: run.status, stderr: run.stderr, png: run.status === 0 ? PNG.sync.read(readFileSync(path.join(dir, "out.png"))) : null };
}
