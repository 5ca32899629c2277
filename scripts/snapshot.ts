/**
 * Pictures of the explorer without opening it: drives the built app in headless Chromium and uses
 * the page's own Export menu, so the file is the one a reader would save from the page.
 *
 *   npm run snapshot -- --at 2009 --format png --scale 2 --out 2009.png
 *   npm run snapshot -- --to 2009 --format svg --out up-to-2009.svg        (up to a date)
 *   npm run snapshot -- --from 2005 --to 2009 --out 2005-2009.png          (between two dates)
 *   npm run snapshot -- --view "date=2014&focus=islamic-state" --out is.png (any explorer link)
 *   npm run snapshot -- --every-year pictures/ [--format svg]               (one file per year)
 *   npm run snapshot -- --every-year pictures/ --from 2003 --to 2009       (only those years)
 *
 * A figure for an article, through the page's figure dialog:
 *   npm run snapshot -- --at 2009 --shape 4:5 --headline "Damascus and the jihadists" \
 *     --caption "What held in 2009" --labels all --base-url https://example.org --format svg --out fig.svg
 *   npm run snapshot -- --years 2003,2007,2009,2014 --shape 16:9 --out multiples.svg --format svg
 *
 * Options: --format png|svg (png), --scale 1|2|4 (1), --background white|transparent (white),
 * --url URL of a running explorer (otherwise the built app is started on a free port with the
 * database of DATABASE_URL; run `npm run build` first). Figure options: --headline, --caption,
 * --shape 16:9|4:5|1:1, --labels highlighted|all|none, --years (small multiples), --base-url
 * (what the printed link to the view starts with; the explorer's own address otherwise).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "@playwright/test";
import { parseYears } from "../lib/export/figure-works";

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

class UsageError extends Error {}

function options() {
  const { values } = parseArgs({
    options: {
      at: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      view: { type: "string" },
      format: { type: "string", default: "png" },
      scale: { type: "string", default: "1" },
      background: { type: "string", default: "white" },
      out: { type: "string" },
      "every-year": { type: "string" },
      url: { type: "string" },
      headline: { type: "string" },
      caption: { type: "string" },
      shape: { type: "string" },
      labels: { type: "string" },
      years: { type: "string" },
      "base-url": { type: "string" },
    },
  });
  const format = values.format;
  if (format !== "png" && format !== "svg") throw new UsageError(`--format: expected png or svg, got "${format}"`);
  const scale = Number(values.scale);
  if (![1, 2, 4].includes(scale)) throw new UsageError(`--scale: expected 1, 2 or 4, got "${values.scale}"`);
  if (format === "svg" && scale !== 1) throw new UsageError("--scale: an SVG has no scale (it is vector); leave --scale out");
  const background = values.background;
  if (background !== "white" && background !== "transparent") throw new UsageError(`--background: expected white or transparent, got "${background}"`);
  const date = /^\d{4}(-\d{2})?$/;
  for (const k of ["at", "from", "to"] as const) {
    const v = values[k];
    if (v !== undefined && !date.test(v)) throw new UsageError(`--${k}: expected a year or a month (YYYY or YYYY-MM), got "${v}"`);
  }
  if (values.at && (values.from || values.to)) throw new UsageError("--at: expected either --at, or --from and/or --to, not both");
  const everyYear = values["every-year"];
  if (everyYear && (values.at || values.out || values.view?.includes("date="))) throw new UsageError("--every-year: expected no --at and no --out (files are named for their year in the directory; --from and --to bound the years)");
  if (!everyYear && !values.out) throw new UsageError("--out: expected the file to write (or --every-year DIR)");
  if (values.shape !== undefined && !["16:9", "4:5", "1:1"].includes(values.shape)) throw new UsageError(`--shape: expected 16:9, 4:5 or 1:1, got "${values.shape}"`);
  if (values.labels !== undefined && !["highlighted", "all", "none"].includes(values.labels)) throw new UsageError(`--labels: expected highlighted, all or none, got "${values.labels}"`);
  let years: string[] = [];
  if (values.years !== undefined) {
    const parsed = parseYears(values.years);
    if ("error" in parsed) throw new UsageError(`--years: expected years such as 2003,2007,2009,2014: ${parsed.error}`);
    if (!parsed.years.length) throw new UsageError("--years: expected at least one year");
    if (everyYear) throw new UsageError("--years: expected no --every-year (small multiples are one figure)");
    years = parsed.years;
  }
  const baseUrl = values["base-url"];
  if (baseUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(baseUrl)) throw new UsageError(`--base-url: expected a site address starting with http:// or https://, got "${baseUrl}"`);
  const figure = [values.headline, values.caption, values.shape, values.labels, values.years, baseUrl].some((v) => v !== undefined);
  if (!everyYear && !values.at && !values.to && !values.from && !values.view && !years.length) throw new UsageError("expected a date: --at YEAR, --to YEAR, --from/--to, --view QUERY, --years (small multiples), or --every-year DIR");
  return { ...values, format, scale: scale as 1 | 2 | 4, background, everyYear, years, baseUrl, figure };
}

type Options = ReturnType<typeof options>;

/** The explorer link for the options: at a date, up to it, or between two dates; --view as given. */
function viewQuery(o: Pick<Options, "at" | "from" | "to" | "view">): { query: string; date: string } {
  const q = new URLSearchParams(o.view ?? "");
  if (o.at) q.set("date", o.at);
  else if (o.from) {
    q.set("mode", "window");
    q.set("from", o.from);
    if (o.to) q.set("date", o.to);
  } else if (o.to) {
    q.set("mode", "upto");
    q.set("date", o.to);
  }
  return { query: q.toString(), date: q.get("date") ?? "" };
}

/** Fills the figure dialog with the options and saves through it. */
async function figureThroughDialog(page: Page, o: Options) {
  const menu = page.getByTestId("export-menu");
  await menu.getByRole("button", { name: "Figure for an article…" }).click();
  const dialog = page.getByRole("dialog", { name: "Figure for an article" });
  if (o.headline !== undefined) await dialog.getByLabel("Headline").fill(o.headline);
  if (o.caption !== undefined) await dialog.getByLabel("Caption").fill(o.caption);
  await dialog.getByRole("radio", { name: o.shape ?? "16:9" }).check();
  const labels = { highlighted: /^Highlighted ties/, all: /^All ties/, none: /^None/ }[(o.labels ?? "highlighted") as "highlighted" | "all" | "none"];
  await dialog.getByRole("radio", { name: labels }).check();
  await dialog.getByLabel("Small multiples: years (optional)").fill(o.years.join(" "));
  if (o.baseUrl) await dialog.getByLabel("Link to the view starts with").fill(o.baseUrl);
  await dialog.getByRole("radio", { name: o.background === "white" ? "White" : "Transparent" }).check();
  await dialog.getByRole("radio", { name: o.format === "svg" ? "SVG" : `PNG ${o.scale}×` }).check();
  return dialog.getByRole("button", { name: "Save figure" });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startApp(): Promise<{ url: string; app: ChildProcess }> {
  if (!existsSync(".next/BUILD_ID")) throw new UsageError("no built app: run `npm run build` first (or pass --url of a running explorer)");
  const port = await freePort();
  const app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app stopped while starting (exit ${app.exitCode})`);
    try {
      const res = await fetch(`${url}/api/timeline`);
      if (res.ok) return { url, app };
      if (res.status === 404) throw new UsageError("the store is empty: run `npm run db:seed` first");
    } catch (e) {
      if (e instanceof UsageError) throw e;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("the app did not answer within 60 s");
}

/** Opens the view, waits until the graph is drawn, and saves the picture through the Export menu. */
async function snapshot(page: Page, base: string, view: { query: string; date: string }, o: Options, out: string | null, dir: string | null) {
  await page.goto(`${base}/?${view.query}`);
  const graph = page.getByTestId("network-graph");
  await graph.locator("xpath=self::*[@data-graph-state='ready']").waitFor({ timeout: 60_000 });
  const menu = page.getByTestId("export-menu");
  if (!(await menu.getAttribute("open"))) await menu.locator("summary").click();
  let button;
  if (o.figure) button = await figureThroughDialog(page, o);
  else {
    await menu.getByRole("radio", { name: o.background === "white" ? "White" : "Transparent" }).check();
    button = o.format === "svg" ? menu.getByRole("button", { name: /^SVG/ }) : menu.getByRole("button", { name: `PNG at ${o.scale}×` });
  }
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), button.click()]);
  const target = out ?? path.join(dir!, download.suggestedFilename());
  await download.saveAs(target);
  const failure = await download.failure();
  if (failure) throw new Error(`the download failed: ${failure}`);
  return target;
}

async function main() {
  const o = options();
  let app: ChildProcess | null = null;
  const browser = await chromium.launch({
    executablePath: SYSTEM_CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    let base = o.url?.replace(/\/$/, "");
    if (!base) ({ url: base, app } = await startApp());
    // Reduced motion: no fades, so the picture is taken of the settled drawing.
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, reducedMotion: "reduce", acceptDownloads: true });
    page.on("pageerror", (e) => console.error(`snapshot: the page failed: ${e.message}`));
    if (o.everyYear) {
      mkdirSync(o.everyYear, { recursive: true });
      const timeline = (await (await fetch(`${base}/api/timeline`)).json()) as { years: { year: string }[] };
      const years = timeline.years.map((y) => y.year).filter((y) => (!o.from || y >= o.from.slice(0, 4)) && (!o.to || y <= o.to.slice(0, 4)));
      for (const year of years) {
        const file = await snapshot(page, base, viewQuery({ view: o.view, at: year }), o, null, o.everyYear);
        console.log(`snapshot: ${file}`);
      }
    } else {
      // Small multiples alone open the view at their last year (the link printed on the figure).
      const view = viewQuery(!o.at && !o.from && !o.to && !o.view?.includes("date=") && o.years.length ? { ...o, at: o.years.at(-1) } : o);
      const file = await snapshot(page, base, view, o, path.resolve(o.out!), null);
      console.log(`snapshot: ${file}`);
    }
  } finally {
    await browser.close();
    app?.kill();
  }
}

main().catch((e: unknown) => {
  console.error(`snapshot: ${e instanceof UsageError ? "" : "failed; "}${(e as Error).message}`);
  process.exit(e instanceof UsageError ? 2 : 1);
});
