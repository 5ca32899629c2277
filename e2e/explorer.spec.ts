import { expect, test } from "./fixtures";
import {
  classesOf,
  clickElement,
  graphAt,
  nodeLabel,
  openExplorer,
  positions,
  relationshipsAt,
  screenshot,
  shownEdges,
  shownNodes,
  waitForGraph,
} from "./graph-probe";

test.use({ viewport: { width: 1280, height: 800 } });

test("stepping through the years draws exactly the relationships and actors the store holds each year", async ({ page, request }) => {
  const timeline = await (await request.get("/api/timeline")).json();
  const first = Number(timeline.first.slice(0, 4));
  const last = Number(timeline.last.slice(0, 4));

  await openExplorer(page, `date=${first}`, String(first));
  const slider = page.getByTestId("date-slider");
  await slider.focus();

  const seen = new Map<string, string[]>();
  for (let year = first; year <= last; year++) {
    if (year > first) await slider.press("ArrowRight");
    await waitForGraph(page, String(year));
    const expected = await graphAt(request, `at=${year}`);
    expect(await shownEdges(page), `relationships drawn in ${year}`).toEqual(expected.elements.edges.map((e) => e.data.id).sort());
    expect(await shownNodes(page), `actors drawn in ${year}`).toEqual(expected.elements.nodes.map((n) => n.data.id).sort());
    seen.set(String(year), await shownEdges(page));
  }

  // A relationship that holds within a single year is drawn in that year and in no other.
  const all = await relationshipsAt(request, "");
  const oneYear = all.filter((r) => r.span.first && r.span.last && r.span.first.slice(0, 4) === r.span.last.slice(0, 4));
  expect(oneYear.length).toBeGreaterThan(0);
  for (const r of oneYear) {
    const years = [...seen].filter(([, ids]) => ids.includes(r.id)).map(([y]) => y);
    expect(years, r.id).toEqual([r.span.first!.slice(0, 4)]);
  }
});

test("the jihadist lineage carries the name it had at each date", async ({ page }) => {
  await openExplorer(page, "date=2005", "2005");
  expect(await nodeLabel(page, "islamic-state")).toBe("AQI");
  await openExplorer(page, "date=2009", "2009");
  expect(await nodeLabel(page, "islamic-state")).toBe("ISI");
  await openExplorer(page, "date=2015", "2015");
  expect(await nodeLabel(page, "islamic-state")).toBe("IS");
  // By month: ISIS between the 2013 and 2014 renamings.
  await openExplorer(page, "date=2013-09", "2013-09");
  expect(await nodeLabel(page, "islamic-state")).toBe("ISIS");
});

test("actors stay where they are as time moves, and the layout is the same on every load", async ({ page, browser }) => {
  await openExplorer(page, "date=2003", "2003");
  const at2003 = await positions(page);
  const shown2003 = await shownNodes(page);
  await page.getByTestId("date-slider").focus();
  await page.getByTestId("date-slider").press("PageUp"); // five years on
  await waitForGraph(page, "2008");
  await page.getByTestId("date-slider").press("End");
  await waitForGraph(page, "2015");
  const at2015 = await positions(page);
  const shown2015 = await shownNodes(page);
  const both = shown2003.filter((id) => shown2015.includes(id));
  expect(both).toContain("assad-government");
  for (const id of both) expect(at2015[id], id).toEqual(at2003[id]);

  // A fresh page at another date and window size draws every actor it shares with 2003 in the same
  // place: the layout is stored once on the server, not made by each page.
  const other = await browser.newPage({ viewport: { width: 900, height: 700 } });
  await openExplorer(other, "date=2010", "2010");
  const at2010 = await positions(other);
  const shared = Object.keys(at2010).filter((id) => id in at2003);
  expect(shared).toContain("assad-government");
  for (const id of shared) expect(at2010[id], id).toEqual(at2003[id]);
  await other.close();
});

test("play moves the date on by itself and pause stops it", async ({ page }) => {
  // The page's clock is the test's: each tick happens when the test moves time on, so a slow
  // machine cannot make play run ahead of what the test checks.
  await page.clock.install();
  await openExplorer(page, "date=2003", "2003");
  await page.getByLabel("Speed").selectOption("fast");
  await page.clock.pauseAt(Date.now() + 60_000);
  const urlDate = () => new URL(page.url()).searchParams.get("date");
  await page.getByTestId("play").click();
  await expect(page.getByTestId("play")).toHaveAttribute("data-playing", "true");
  expect(urlDate()).toBe("2003");
  await page.clock.runFor(500); // one tick at the fast speed
  await expect.poll(urlDate).toBe("2004");
  await page.clock.runFor(500);
  await expect.poll(urlDate).toBe("2005");
  await page.getByTestId("play").click();
  await expect(page.getByTestId("play")).toHaveAttribute("data-playing", "false");
  await page.clock.runFor(1500); // three ticks' worth: none may come
  expect(urlDate()).toBe("2005");
  await page.clock.resume();
  await waitForGraph(page, "2005");
});

test("clicking an edge opens its evidence with every citation", async ({ page, request }) => {
  await openExplorer(page, "date=2009", "2009");
  const drawn = await shownEdges(page);
  const rels = (await relationshipsAt(request, "at=2009")).filter((r) => drawn.includes(r.id));
  // The claim the article calls disputed, if drawn then; else any relationship with a page citation.
  const target = rels.find((r) => r.certainty === "contested") ?? rels.find((r) => r.citations.some((c) => c.pages))!;
  // Without motion (playwright.config.ts) the fit is done when the click returns.
  await page.getByRole("button", { name: "Fit what is drawn into view" }).click();
  await clickElement(page, target.id);

  const panel = page.getByTestId("detail-panel");
  await expect(panel).toHaveAttribute("data-kind", "relationship");
  await expect(panel).toHaveAttribute("data-id", target.id);
  const citations = panel.getByTestId("citation");
  await expect(citations).toHaveCount(target.citations.length);
  await expect(citations.first()).toContainText(target.citations[0]!.source.citedAs.split(" ")[0]!);
  expect(new URL(page.url()).searchParams.get("sel")).toBe(`relationship:${target.id}`);
  expect(await classesOf(page, target.id)).toContain("chosen");

  // Escape closes it; the overview lists what is drawn.
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("date-overview")).toBeVisible();
});

test("filters hide exactly the relationships they name", async ({ page }) => {
  await openExplorer(page, "date=2011", "2011");
  const before = await shownEdges(page);
  const graph = await page.evaluate(() => window.__graphProbe!.edges());
  expect(graph.length).toBeGreaterThan(0);

  await page.getByTestId("filters").locator("summary").click();
  await page.getByRole("checkbox", { name: /^Hostile/ }).uncheck();
  await expect.poll(() => new URL(page.url()).searchParams.get("polarity")).toBe("cooperative,neutral");
  await waitForGraph(page, "2011");
  const after = await shownEdges(page);
  const hostile = await page.request.get("/api/relationships?at=2011").then(async (r) => (await r.json()).relationships.filter((x: { polarity: string }) => x.polarity === "hostile").map((x: { id: string }) => x.id));
  expect(hostile.length).toBeGreaterThan(0);
  expect(after).toEqual(before.filter((id) => !hostile.includes(id)));
  await expect(page.getByTestId("drawn-relationships").locator("li")).toHaveCount(after.length);

  await page.getByRole("button", { name: "Show everything" }).click();
  await expect.poll(() => shownEdges(page)).toEqual(before);
});

test("search finds an actor by an old name and focus shows its neighbourhood", async ({ page }) => {
  await openExplorer(page, "date=2009", "2009");
  // The list offers only names matching what is typed (never every actor's every name).
  const offered = page.locator("form[role=search] datalist option");
  await expect(offered).toHaveCount(0);
  await page.getByTestId("actor-search").fill("ISI");
  await expect(offered.first()).toHaveAttribute("value", "ISI");
  expect(await offered.count()).toBeLessThanOrEqual(50);
  await page.getByTestId("actor-search").press("Enter");
  const panel = page.getByTestId("detail-panel");
  await expect(panel).toHaveAttribute("data-kind", "actor");
  await expect(panel).toHaveAttribute("data-id", "islamic-state");
  expect(await classesOf(page, "islamic-state")).toContain("chosen");

  await panel.getByRole("button", { name: /neighbourhood/i }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get("focus")).toBe("islamic-state");
  await waitForGraph(page, "2009");
  const edges = await page.evaluate(() => window.__graphProbe!.edges().filter((e) => e.shown).map((e) => e.id));
  const graph = await graphAt(page.request, "at=2009");
  const ends = new Map(graph.elements.edges.map((e) => [e.data.id, e.data as unknown as { source: string; target: string }]));
  expect(edges.length).toBeGreaterThan(0);
  for (const id of edges) expect([ends.get(id)!.source, ends.get(id)!.target]).toContain("islamic-state");
});

test("a copied link reproduces the view, and back and forward move between views", async ({ page, browser }) => {
  await openExplorer(page, "date=2006", "2006");
  await page.getByRole("radio", { name: "Up to this date" }).check();
  await waitForGraph(page, "2006");
  await page.getByTestId("triangle").click();
  await page.getByRole("radio", { name: "Month" }).check();
  await waitForGraph(page, "2006-01");
  await page.getByTestId("filters").locator("summary").click();
  await page.getByRole("checkbox", { name: /^Contested/ }).uncheck();
  await page.getByTestId("filters").locator("summary").click();
  await page.getByTestId("actor-search").fill("Iraqi Baathists");
  await page.getByTestId("actor-search").press("Enter");
  await expect(page.getByTestId("detail-panel")).toHaveAttribute("data-id", "iraqi-baathists");
  await waitForGraph(page, "2006-01");

  const url = page.url();
  const params = new URL(url).searchParams;
  expect(Object.fromEntries(params)).toMatchObject({ date: "2006-01", mode: "upto", triangle: "1", sel: "actor:iraqi-baathists" });
  const edges = await page.evaluate(() => window.__graphProbe!.edges());
  const nodes = await page.evaluate(() => window.__graphProbe!.nodes().map(({ id, label, shown, classes }) => ({ id, label, shown, classes })));

  const copy = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await copy.goto(url);
  await waitForGraph(copy, "2006-01");
  expect(await copy.evaluate(() => window.__graphProbe!.edges())).toEqual(edges);
  expect(await copy.evaluate(() => window.__graphProbe!.nodes().map(({ id, label, shown, classes }) => ({ id, label, shown, classes })))).toEqual(nodes);
  await expect(copy.getByTestId("detail-panel")).toHaveAttribute("data-id", "iraqi-baathists");
  await expect(copy.getByRole("radio", { name: "Up to this date" })).toBeChecked();
  await expect(copy.getByTestId("triangle")).toHaveAttribute("aria-pressed", "true");
  await expect(copy.getByTestId("current-date")).toContainText("January 2006");
  await copy.close();

  // Back undoes the selection, then the filter; forward redoes the filter.
  await page.goBack();
  await expect(page.getByTestId("detail-panel")).toHaveCount(0);
  await page.goBack();
  await expect.poll(() => new URL(page.url()).searchParams.get("certainty")).toBeNull();
  await waitForGraph(page, "2006-01");
  await page.goForward();
  await expect.poll(() => new URL(page.url()).searchParams.get("certainty")).toBe("documented,reported,alleged");
});

test("the slider answers the keyboard, by year and by month", async ({ page, request }) => {
  const timeline = await (await request.get("/api/timeline")).json();
  await openExplorer(page, "date=2003", "2003");
  const slider = page.getByTestId("date-slider");
  await slider.focus();
  await slider.press("ArrowRight");
  await waitForGraph(page, "2004");
  await slider.press("PageDown");
  await waitForGraph(page, "1999");
  await slider.press("Home");
  await waitForGraph(page, timeline.first.slice(0, 4));
  await slider.press("End");
  await waitForGraph(page, timeline.last.slice(0, 4));
  await page.getByRole("button", { name: "Previous year" }).click();
  await waitForGraph(page, String(Number(timeline.last.slice(0, 4)) - 1));

  await page.getByRole("radio", { name: "Month" }).check();
  const year = String(Number(timeline.last.slice(0, 4)) - 1);
  await waitForGraph(page, `${year}-01`);
  await slider.focus();
  await slider.press("ArrowLeft");
  await waitForGraph(page, `${Number(year) - 1}-12`);
  await expect(page.getByTestId("current-date")).toContainText(`December ${Number(year) - 1}`);
});

test("a run of slider steps is one history entry, written once the reader pauses", async ({ page }) => {
  // The page's clock stands still, so however slow the machine the steps fall within one run.
  await page.clock.setFixedTime(new Date("2026-01-01T00:00:00Z"));
  await openExplorer(page, "date=2003", "2003");
  const urlDate = () => new URL(page.url()).searchParams.get("date");
  const slider = page.getByTestId("date-slider");
  await slider.focus();
  for (const year of ["2004", "2005", "2006"]) {
    await slider.press("ArrowRight");
    await waitForGraph(page, year);
  }
  await expect.poll(urlDate).toBe("2006");
  await page.goBack();
  await expect.poll(urlDate).toBe("2003");
  await waitForGraph(page, "2003");
  await page.goForward();
  await expect.poll(urlDate).toBe("2006");
  await waitForGraph(page, "2006");
});

test("an event tick on the timeline jumps to the event and opens it", async ({ page, request }) => {
  const { events } = await (await request.get("/api/events")).json();
  const dayEvent = events.find((e: { start: { precision: string } }) => e.start.precision === "day");
  expect(dayEvent).toBeTruthy();
  await openExplorer(page, "date=1990", "1990");
  await page.locator(`[data-testid="event-tick"][data-event="${dayEvent.id}"]`).click();
  const month = dayEvent.start.date.slice(0, 7);
  await waitForGraph(page, month);
  await expect(page.getByTestId("detail-panel")).toHaveAttribute("data-id", dayEvent.id);
  await expect(page.getByTestId("detail-panel").getByTestId("citation").first()).toBeVisible();
});

test("every control can be reached by keyboard and has an accessible name", async ({ page }) => {
  await openExplorer(page, "date=2009", "2009");
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("button, input, select, summary, a[href]")]
      .filter((el) => el.getAttribute("tabindex") !== "-1" && el.offsetParent !== null)
      .filter((el) => {
        const labelled = el.getAttribute("aria-label") || el.getAttribute("aria-labelledby") || (el as HTMLInputElement).labels?.length;
        return !labelled && !(el.textContent ?? "").trim();
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  expect(unnamed).toEqual([]);

  // Tabbing from the top reaches the search box, the mode switch, the triangle and the slider.
  const reached = new Set<string>();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    reached.add(await page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.getAttribute("aria-label") ?? ""));
  }
  for (const name of ["actor-search", "triangle", "date-slider", "play"]) expect([...reached]).toContain(name);
});

test("screenshots at three dates for the record", async ({ page }) => {
  for (const date of ["2003", "2009", "2014"]) {
    // Without motion (playwright.config.ts) there are no fades to wait for.
    await openExplorer(page, `date=${date}`, date);
    await screenshot(page, `explorer-${date}`);
  }
  await openExplorer(page, "date=2009&triangle=1&mode=upto", "2009");
  await screenshot(page, "explorer-2009-triangle-up-to");
});

test.describe("on a 390-pixel-wide phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the graph, the slider and the evidence fit the screen", async ({ page }) => {
    await openExplorer(page, "date=2009", "2009");
    await screenshot(page, "explorer-phone-2009");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = (await page.getByTestId("network-graph").boundingBox())!;
    expect(box.width).toBeGreaterThan(350);
    expect(box.height).toBeGreaterThan(300);
    await page.getByTestId("date-slider").focus();
    await page.getByTestId("date-slider").press("ArrowRight");
    await waitForGraph(page, "2010");
    await page.getByTestId("drawn-relationships").getByRole("button").first().click();
    await expect(page.getByTestId("detail-panel")).toHaveAttribute("data-kind", "relationship");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "explorer-phone-2010-evidence");
  });
});
