/**
 * Browser benchmark: the explorer in Chromium against a running server (npm run build && npm run
 * start, on any dataset). Measures, for one page at a time (nothing else should load the machine):
 *   - load: navigation to the drawn graph (`data-graph-state="ready"`), median of --loads fresh pages;
 *   - step: one slider step (ArrowRight) to the next drawn frame, median of --steps steps, and of
 *     that the graph component's own script (`graph-step`: applying the view to Cytoscape and the fit),
 *     and the CPU time the page's main thread and whole renderer process spent per step (Chromium's
 *     ThreadTime and ProcessTime: less swayed by other work on the machine than the wall time);
 *   - the JS heap after a garbage collection, the elements drawn, the page's DOM nodes and
 *     who draws (Cytoscape, or the page's own layer for a large view).
 * Prints a table, then the figures as JSON on the last line. Asserts nothing: figures, not tests.
 *   npx tsx scripts/bench-browser.ts --url http://127.0.0.1:3501 [--date 2003] [--steps 8] [--loads 3] [--label 10k]
 *     [--budget N]                (the drawing budget in elements, lib/graph/draw-budget.ts; else the page's default)
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { chromium, type Browser } from "@playwright/test";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    date: { type: "string", default: "2003" },
    steps: { type: "string", default: "8" },
    loads: { type: "string", default: "3" },
    label: { type: "string" },
    budget: { type: "string" },
  },
});
if (!values.url) {
  console.error("usage: bench-browser --url http://127.0.0.1:PORT [--date YYYY] [--steps N] [--loads N] [--label NAME]");
  process.exit(2);
}
const base = values.url.replace(/\/$/, "");
const steps = Number(values.steps);
const loads = Number(values.loads);

// The browser and flags the browser tests use (playwright.config.ts).
const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};
const READY = '[data-testid="network-graph"][data-graph-state="ready"]';

async function loadOnce(browser: Browser) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  if (values.budget) await page.addInitScript((b) => window.localStorage.setItem("graph-budget", b), values.budget);
  const started = Date.now();
  await page.goto(`${base}/?date=${values.date}`);
  await page.waitForSelector(READY, { timeout: 120_000 });
  // One more frame: the drawing is on screen, not only in Cytoscape's model.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return { page, ms: Date.now() - started };
}

async function main() {
  const browser = await chromium.launch({ executablePath, args });
  try {
    const loadTimes: number[] = [];
    let page = null;
    for (let i = 0; i < loads; i++) {
      const run = await loadOnce(browser);
      loadTimes.push(run.ms);
      if (i < loads - 1) await run.page.close();
      else page = run.page;
    }
    page = page!;

    // A step: from the key press (timed in the page) to the frame after the new date is drawn.
    const stepTimes: number[] = [];
    const perf = await page.context().newCDPSession(page);
    await perf.send("Performance.enable");
    const cpu = async () => {
      const { metrics } = (await perf.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
      const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
      return { thread: get("ThreadTime"), process: get("ProcessTime") };
    };
    await page.getByTestId("date-slider").focus();
    const cpuBefore = await cpu();
    for (let i = 0; i < steps; i++) {
      await page.evaluate(() => {
        const el = document.querySelector('[data-testid="network-graph"]') as HTMLElement;
        const before = el.dataset.graphDate;
        const w = window as unknown as { __step?: Promise<number> };
        w.__step = new Promise<number>((resolve) => {
          let t0 = 0;
          window.addEventListener("keydown", () => (t0 = performance.now()), { once: true, capture: true });
          const obs = new MutationObserver(() => {
            if (el.dataset.graphState === "ready" && el.dataset.graphDate && el.dataset.graphDate !== before) {
              obs.disconnect();
              requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
            }
          });
          obs.observe(el, { attributes: true });
        });
      });
      await page.keyboard.press("ArrowRight");
      stepTimes.push(await page.evaluate(() => (window as unknown as { __step: Promise<number> }).__step));
    }

    const cpuAfter = await cpu();
    const perStep = (s: number) => Math.round((s * 1000) / steps);
    const stepThreadMs = perStep(cpuAfter.thread - cpuBefore.thread);
    const stepProcessMs = perStep(cpuAfter.process - cpuBefore.process);
    // How much of a step is the network: the graph requests of the steps, as the page timed them.
    const fetchMs = await page.evaluate(
      (n) =>
        (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
          .filter((e) => e.name.includes("/api/graph?"))
          .slice(-n)
          .map((e) => Math.round(e.responseEnd - e.startTime)),
      steps,
    );
    const applyMs = await page.evaluate(
      (n) => performance.getEntriesByName("graph-step").slice(-n).map((e) => Math.round(e.duration)),
      steps,
    );
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number; totalSize: number };
    const drawn = await page.evaluate(() => ({
      nodes: window.__graphProbe?.nodes().length ?? 0,
      edges: window.__graphProbe?.edges().length ?? 0,
      renderer: window.__graphProbe?.renderer() ?? "none",
      domNodes: document.getElementsByTagName("*").length,
      lastDate: document.querySelector('[data-testid="network-graph"]')?.getAttribute("data-graph-date") ?? null,
      // What the page says it leaves out beyond the drawing budget (none when it draws the whole view).
      budgetStatus: document.querySelector('[data-testid="draw-budget"]')?.textContent ?? null,
    }));
    const result = {
      label: values.label ?? base,
      date: values.date,
      loadMs: median(loadTimes),
      loadRunsMs: loadTimes,
      stepMs: Math.round(median(stepTimes)),
      stepRunsMs: stepTimes.map(Math.round),
      stepFetchMs: median(fetchMs),
      stepApplyMs: median(applyMs),
      stepThreadMs,
      stepProcessMs,
      heapMB: Math.round((heap.usedSize / 2 ** 20) * 10) / 10,
      ...drawn,
    };
    const rows: [string, string][] = [
      ["dataset", result.label],
      ["page load to drawn graph (median)", `${result.loadMs} ms  (${loadTimes.join(", ")})`],
      ["slider step to drawn frame (median)", `${result.stepMs} ms  (${result.stepRunsMs.join(", ")})`],
      ["of which /api/graph?at= (median)", `${median(fetchMs)} ms  (${fetchMs.join(", ")})`],
      ["of which applying it to Cytoscape (median)", `${median(applyMs)} ms  (${applyMs.join(", ")})`],
      ["CPU per step: main thread / renderer", `${stepThreadMs} ms / ${stepProcessMs} ms (mean)`],
      ["JS heap after GC", `${result.heapMB} MB`],
      ["elements drawn at the last date", `${drawn.nodes} nodes + ${drawn.edges} edges (${drawn.lastDate}, ${drawn.renderer})`],
      ["DOM nodes", String(drawn.domNodes)],
      ["drawing budget", drawn.budgetStatus ?? "everything drawn"],
    ];
    for (const [k, v] of rows) console.log(`${k.padEnd(44)} ${v}`);
    console.log(JSON.stringify(result));
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error("bench-browser: failed;", e);
  process.exit(1);
});
