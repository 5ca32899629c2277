/**
 * The reading tools in the browser: the guided story, the comparison of two dates, the shortest
 * chains between two actors, the table view and the brokers' measures. Every expected answer comes
 * from the API (or the seed data behind it), never from the page itself.
 */
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { openExplorer, waitForGraph } from "./graph-probe";

test.use({ viewport: { width: 1280, height: 800 } });

// ---- Data from the API ------------------------------------------------------------------------

interface StoryStep {
  id: string;
  number: number;
  date: string;
  from: string | null;
  actors: string[];
  relationships: string[];
  caption: string;
  dataNote: string | null;
}

interface EdgeData {
  id: string;
  source: string;
  target: string;
  polarity: string;
}

interface NodeData {
  id: string;
  label: string;
  kind: string;
}

interface Graph {
  nodes: NodeData[];
  edges: EdgeData[];
}

interface Citation {
  source: { citedAs: string; title: string };
  pages: string | null;
}

interface Relationship {
  id: string;
  from: { id: string; name: string; short: string | null };
  to: { id: string; name: string; short: string | null };
  summary: string | null;
  citations: Citation[];
}

async function getJson<T>(request: APIRequestContext, url: string): Promise<T> {
  const res = await request.get(url);
  expect(res.ok(), url).toBe(true);
  return (await res.json()) as T;
}

const storySteps = async (request: APIRequestContext) => (await getJson<{ steps: StoryStep[] }>(request, "/api/story")).steps;

async function graphData(request: APIRequestContext, at: string): Promise<Graph> {
  const g = await getJson<{ elements: { nodes: { data: NodeData }[]; edges: { data: EdgeData }[] } }>(request, `/api/graph?at=${at}`);
  return { nodes: g.elements.nodes.map((n) => n.data), edges: g.elements.edges.map((e) => e.data) };
}

async function relationshipsById(request: APIRequestContext): Promise<Map<string, Relationship>> {
  const { relationships } = await getJson<{ relationships: Relationship[] }>(request, "/api/relationships");
  return new Map(relationships.map((r) => [r.id, r]));
}

const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();

// ---- The page ---------------------------------------------------------------------------------

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

interface Drawn {
  id: string;
  shown: boolean;
  classes: string[];
}

/** Every actor and relationship on the canvas, with its classes. */
const drawn = (page: Page) =>
  page.evaluate(() => ({
    nodes: window.__graphProbe!.nodes().map(({ id, shown, classes }) => ({ id, shown, classes })),
    edges: window.__graphProbe!.edges().map(({ id, shown, classes }) => ({ id, shown, classes })),
  }));

/** Ids of the drawn elements carrying a class. */
async function withClass(page: Page, cls: string) {
  const { nodes, edges } = await drawn(page);
  const pick = (list: Drawn[]) => list.filter((e) => e.classes.includes(cls)).map((e) => e.id).sort();
  return { nodes: pick(nodes), edges: pick(edges) };
}

/**
 * What is wrong with an emphasis (story step, path) on the canvas: each emphasised actor and
 * relationship must be shown and highlighted, every other shown element dimmed. [] when all is right.
 */
async function emphasisProblems(page: Page, nodes: readonly string[], edges: readonly string[]): Promise<string[]> {
  const graph = await drawn(page);
  const problems: string[] = [];
  const check = (list: Drawn[], wanted: readonly string[]) => {
    for (const id of wanted) {
      const e = list.find((x) => x.id === id);
      if (!e?.shown) problems.push(`${id} is not shown`);
      else if (!e.classes.includes("highlighted")) problems.push(`${id} is not highlighted`);
    }
    const others = list.filter((x) => x.shown && !wanted.includes(x.id));
    for (const e of others) if (!e.classes.includes("dimmed") || e.classes.includes("highlighted")) problems.push(`${e.id} is not dimmed`);
    return others.length;
  };
  const others = check(graph.nodes, nodes) + check(graph.edges, edges);
  const dimmed = [...graph.nodes, ...graph.edges].filter((e) => e.shown && e.classes.includes("dimmed")).length;
  if (others > 0 && dimmed === 0) problems.push("nothing is dimmed");
  return problems;
}

const rowIds = (page: Page, testId: string) =>
  page.locator(`[data-testid="${testId}"] tbody tr[data-id]`).evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id")!));

const sortedRowIds = async (page: Page, testId: string) => (await rowIds(page, testId)).sort();

/** The text of one column of a table, row by row. */
const columnText = (page: Page, testId: string, column: number) =>
  page.locator(`[data-testid="${testId}"] tbody tr[data-id] td:nth-child(${column})`).allInnerTexts();

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

// ---- Expected answers, computed from the data -------------------------------------------------

const pairOf = (e: EdgeData) => [e.source, e.target].sort().join("|");

/**
 * Two dates compared: relationships only at the later date appeared, only at the earlier one ended,
 * unless the same two actors lost one and gained another: that pair changed.
 */
function expectedDiff(before: Graph, after: Graph) {
  const was = new Map(before.edges.map((e) => [e.id, e]));
  const is = new Map(after.edges.map((e) => [e.id, e]));
  const gone = before.edges.filter((e) => !is.has(e.id));
  const come = after.edges.filter((e) => !was.has(e.id));
  const goneAt = new Set(gone.map(pairOf));
  const changedPairs = [...new Set(come.map(pairOf))].filter((p) => goneAt.has(p)).sort();
  return {
    added: ids(come.filter((e) => !changedPairs.includes(pairOf(e)))),
    removed: ids(gone.filter((e) => !changedPairs.includes(pairOf(e)))),
    changed: changedPairs.map((pair) => ({
      pair,
      before: ids(gone.filter((e) => pairOf(e) === pair)),
      after: ids(come.filter((e) => pairOf(e) === pair)),
    })),
    kept: ids(before.edges.filter((e) => is.has(e.id))),
  };
}

interface Chain {
  actors: string[];
  /** Per hop, the relationships that can carry it. */
  hops: string[][];
}

/** Breadth-first distances over the undirected relationships. */
function distances(adjacency: Map<string, Set<string>>, from: string): Map<string, number> {
  const dist = new Map([[from, 0]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i]!;
    for (const v of adjacency.get(u) ?? []) {
      if (dist.has(v)) continue;
      dist.set(v, dist.get(u)! + 1);
      queue.push(v);
    }
  }
  return dist;
}

function adjacencyOf(graph: Graph, edges: EdgeData[]) {
  const adjacency = new Map(graph.nodes.map((n) => [n.id, new Set<string>()]));
  for (const e of edges) {
    if (e.source === e.target) continue;
    adjacency.get(e.source)?.add(e.target);
    adjacency.get(e.target)?.add(e.source);
  }
  return adjacency;
}

/** Every shortest chain from one actor to another, ignoring the arrows. */
function shortestChains(graph: Graph, from: string, to: string, cooperativeOnly = false): { hops: number | null; chains: Chain[] } {
  const edges = graph.edges.filter((e) => !cooperativeOnly || e.polarity === "cooperative");
  const adjacency = adjacencyOf(graph, edges);
  const fromStart = distances(adjacency, from);
  const toEnd = distances(adjacency, to);
  const length = fromStart.get(to);
  if (length === undefined) return { hops: null, chains: [] };
  const chains: Chain[] = [];
  const walk = (path: string[]) => {
    const u = path[path.length - 1]!;
    if (u === to) {
      const hops = path.slice(1).map((v, i) => ids(edges.filter((e) => pairOf(e) === [path[i]!, v].sort().join("|"))));
      chains.push({ actors: path, hops });
      return;
    }
    for (const v of [...adjacency.get(u)!].sort()) {
      if (fromStart.get(v) === path.length && toEnd.get(v) === length - path.length) walk([...path, v]);
    }
  };
  walk([from]);
  return { hops: length, chains };
}

/** Betweenness as networkx normalises it, on the simple undirected graph. */
function betweenness(graph: Graph): Map<string, number> {
  const nodes = ids(graph.nodes);
  const adjacency = adjacencyOf(graph, graph.edges);
  // Shortest-path counts from every actor.
  const dist = new Map<string, Map<string, number>>();
  const sigma = new Map<string, Map<string, number>>();
  for (const s of nodes) {
    const d = distances(adjacency, s);
    const count = new Map([[s, 1]]);
    for (const v of [...d.keys()].sort((a, b) => d.get(a)! - d.get(b)!)) {
      if (v === s) continue;
      count.set(v, [...adjacency.get(v)!].filter((u) => d.get(u) === d.get(v)! - 1).reduce((sum, u) => sum + count.get(u)!, 0));
    }
    dist.set(s, d);
    sigma.set(s, count);
  }
  const n = nodes.length;
  const score = new Map(nodes.map((v) => [v, 0]));
  for (const [i, s] of nodes.entries()) {
    for (const t of nodes.slice(i + 1)) {
      const st = dist.get(s)!.get(t);
      if (st === undefined) continue;
      for (const v of nodes) {
        if (v === s || v === t) continue;
        const sv = dist.get(s)!.get(v);
        const vt = dist.get(v)!.get(t);
        if (sv !== undefined && vt !== undefined && sv + vt === st) {
          score.set(v, score.get(v)! + (sigma.get(s)!.get(v)! * sigma.get(v)!.get(t)!) / sigma.get(s)!.get(t)!);
        }
      }
    }
  }
  const pairs = ((n - 1) * (n - 2)) / 2;
  return new Map(nodes.map((v) => [v, n > 2 ? score.get(v)! / pairs : 0]));
}

// ---- The story --------------------------------------------------------------------------------

test.describe("the story", () => {
  async function expectStep(page: Page, steps: StoryStep[], index: number, opts: { urlNamesStep?: boolean } = {}) {
    const step = steps[index]!;
    expect(step.number, "steps are numbered in order").toBe(index + 1);
    await expect(page.getByTestId("story-panel")).toHaveAttribute("data-step", step.id);
    await expect(page.getByTestId("story-progress")).toContainText(`Step ${step.number} of ${steps.length}`);
    if (opts.urlNamesStep ?? true) await expect.poll(() => param(page, "step"), "the URL names the step").toBe(step.id);
    expect(param(page, "tool")).toBe("story");
    await waitForGraph(page, step.date);
    await expect(page.getByTestId("story-caption")).toHaveText(step.caption);
    if (step.dataNote) await expect(page.getByTestId("story-data-note")).toContainText(step.dataNote);
    else await expect(page.getByTestId("story-data-note")).toHaveCount(0);
    await expect.poll(() => emphasisProblems(page, step.actors, step.relationships), `highlights of step ${step.id}`).toEqual([]);
  }

  async function expectFreeExploration(page: Page, date: string) {
    await expect.poll(() => param(page, "tool"), "the story is left").toBeNull();
    expect(param(page, "step")).toBeNull();
    expect(param(page, "date")).toBe(date);
    await waitForGraph(page, date);
    await expect(page.getByTestId("tool-overview")).toHaveAttribute("aria-selected", "true");
    await expect(page.getByTestId("story-panel")).toHaveCount(0);
    await expect.poll(() => withClass(page, "highlighted")).toEqual({ nodes: [], edges: [] });
    await expect.poll(() => withClass(page, "dimmed")).toEqual({ nodes: [], edges: [] });
  }

  test("walking every step from the first to the last, then exploring from there", async ({ page, request }) => {
    const steps = await storySteps(request);
    expect(steps.length).toBeGreaterThan(2);

    await page.goto("/?tool=story");
    await expect(page.getByTestId("tool-story")).toHaveAttribute("aria-selected", "true");
    // A link without a step opens the first one (and need not name it).
    await expectStep(page, steps, 0, { urlNamesStep: false });
    expect([null, steps[0]!.id]).toContain(param(page, "step"));
    await expect(page.getByTestId("story-prev")).toBeDisabled();

    for (let i = 1; i < steps.length; i++) {
      await page.getByTestId("story-next").click();
      await expectStep(page, steps, i);
    }
    await expect(page.getByTestId("story-next")).toBeDisabled();

    await page.getByTestId("story-prev").click();
    const back = steps.length - 2;
    await expectStep(page, steps, back);
    await expect(page.getByTestId("story-next")).toBeEnabled();

    await page.getByTestId("story-explore").click();
    await expectFreeExploration(page, steps[back]!.date);
  });

  test("a step's link opens that step, and moving the slider leaves the story at the new date", async ({ page, request }) => {
    const steps = await storySteps(request);
    const fifth = steps[4]!;
    expect(fifth.from, "the fifth step shows one date, not a window").toBeNull();
    expect(fifth.date).toMatch(/^\d{4}$/);

    await page.goto(`/?tool=story&step=${fifth.id}`);
    await expectStep(page, steps, 4);

    const slider = page.getByTestId("date-slider");
    await slider.focus();
    await slider.press("ArrowRight");
    await expectFreeExploration(page, String(Number(fifth.date) + 1));
  });
});

test.describe("starting the story", () => {
  test("the header's button opens the first step; a link to an unknown step says so and opens the first", async ({ page, request }) => {
    const steps = await storySteps(request);
    await openExplorer(page, "date=2009", "2009");
    await page.getByTestId("start-story").click();
    await expect(page.getByTestId("story-panel")).toHaveAttribute("data-step", steps[0]!.id);
    await waitForGraph(page, steps[0]!.date);
    await expect(page.getByTestId("start-story")).toHaveCount(0);

    await page.goto("/?tool=story&step=no-such-step");
    await expect(page.getByTestId("story-panel")).toHaveAttribute("data-step", steps[0]!.id);
    await expect(page.getByRole("status").filter({ hasText: "step=no-such-step" })).toContainText("the id of a story step");
  });
});

test.describe("the tools' tabs and the data page", () => {
  test("arrow keys move between the tabs, and the data page lists the story with links into it", async ({ page, request }) => {
    await openExplorer(page, "date=2009", "2009");
    const overview = page.getByTestId("tool-overview");
    await overview.focus();
    await overview.press("ArrowRight");
    await expect(page.getByTestId("tool-story")).toBeFocused();
    await expect(page.getByTestId("tool-story")).toHaveAttribute("aria-selected", "true");
    await page.getByTestId("tool-story").press("End");
    await expect(page.getByTestId("tool-brokers")).toHaveAttribute("aria-selected", "true");
    await expect.poll(() => param(page, "tool")).toBe("brokers");

    const steps = await storySteps(request);
    await page.goto("/data");
    const list = page.getByRole("list", { name: "The guided story" });
    await expect(list.locator(":scope > li")).toHaveCount(steps.length);
    await list.getByRole("link", { name: "Open this step in the explorer" }).nth(2).click();
    await expect(page.getByTestId("story-panel")).toHaveAttribute("data-step", steps[2]!.id);
  });
});

// ---- Comparing two dates ----------------------------------------------------------------------

test.describe("comparing two dates", () => {
  /** The panel's lists, counts and citations and the graph's marks, against the two dates' data. */
  async function expectComparison(page: Page, request: APIRequestContext, base: string, date: string) {
    const [before, after, relationships] = await Promise.all([graphData(request, base), graphData(request, date), relationshipsById(request)]);
    const want = expectedDiff(before, after);
    expect(want.added.length + want.removed.length + want.changed.length, `something changes from ${base} to ${date}`).toBeGreaterThan(0);

    const panel = page.getByTestId("compare-panel");
    await expect(panel.locator("#compare-heading")).toHaveText(`${base} against ${date}`);
    await expect(page.getByTestId("compare-base")).toHaveValue(base);
    await expect(page.getByTestId("compare-counts")).toHaveText(
      `${want.added.length} appeared, ${want.removed.length} ended, ${want.changed.length} changed, ${want.kept.length} held at both dates.`,
    );
    const listed = (testId: string) => page.getByTestId(testId).locator(":scope > li[data-id]");
    await expect.poll(async () => (await listed("compare-added").evaluateAll((l) => l.map((e) => e.getAttribute("data-id")!))).sort()).toEqual(want.added);
    await expect.poll(async () => (await listed("compare-removed").evaluateAll((l) => l.map((e) => e.getAttribute("data-id")!))).sort()).toEqual(want.removed);
    const changed = await page
      .getByTestId("compare-changed")
      .locator(":scope > li[data-pair]")
      .evaluateAll((pairs) =>
        pairs.map((li) => {
          const [before, after] = [...li.querySelectorAll(":scope > ul")].map((ul) => [...ul.querySelectorAll("li[data-id]")].map((x) => x.getAttribute("data-id")!).sort());
          return { pair: li.getAttribute("data-pair")!, before: before ?? [], after: after ?? [] };
        }),
      );
    expect(changed.sort((a, b) => (a.pair < b.pair ? -1 : 1))).toEqual(want.changed);

    // Each relationship listed shows the works it rests on.
    const texts = await panel.locator("li[data-id]").evaluateAll((l) => l.map((e) => ({ id: e.getAttribute("data-id")!, text: e.textContent ?? "" })));
    const everyListed = [...want.added, ...want.removed, ...want.changed.flatMap((c) => [...c.before, ...c.after])];
    expect(texts.map((t) => t.id).sort()).toEqual([...everyListed].sort());
    for (const { id, text } of texts) {
      const r = relationships.get(id);
      expect(r, `${id} is a relationship`).toBeTruthy();
      expect(r!.citations.length, `${id} has a citation`).toBeGreaterThan(0);
      for (const c of r!.citations) {
        expect(text, `${id} cites ${c.source.citedAs}`).toContain(c.source.citedAs);
        if (c.pages) expect(text, `${id} gives the pages`).toContain(c.pages);
      }
    }

    // The graph draws both dates and marks the changes.
    await waitForGraph(page, date);
    const marks = ["added", "removed", "changed", "was"];
    const wantEdges = {
      added: want.added,
      removed: want.removed,
      changed: want.changed.flatMap((c) => c.after).sort(),
      was: want.changed.flatMap((c) => c.before).sort(),
    };
    const beforeNodes = ids(before.nodes);
    const afterNodes = ids(after.nodes);
    const wantNodes = {
      added: afterNodes.filter((id) => !beforeNodes.includes(id)),
      removed: beforeNodes.filter((id) => !afterNodes.includes(id)),
      changed: [],
      was: [],
    };
    await expect
      .poll(async () => Object.fromEntries(await Promise.all(marks.map(async (m) => [m, await withClass(page, m)] as const))))
      .toEqual(Object.fromEntries(marks.map((m) => [m, { nodes: wantNodes[m as keyof typeof wantNodes], edges: wantEdges[m as keyof typeof wantEdges] }])));
    const graph = await drawn(page);
    const shown = (list: Drawn[]) => list.filter((e) => e.shown).map((e) => e.id).sort();
    expect(shown(graph.edges), "both dates' relationships are drawn").toEqual([...new Set([...ids(before.edges), ...ids(after.edges)])].sort());
    expect(shown(graph.nodes), "both dates' actors are drawn").toEqual([...new Set([...beforeNodes, ...afterNodes])].sort());
  }

  test("the table of a comparison lists both dates, each relationship with the mark the graph gives it", async ({ page }) => {
    await page.goto("/?date=2014&tool=compare&base=2007&show=table");
    await waitForGraph(page, "2014");
    const LABELS: Record<string, string> = { added: "Appeared", removed: "Ended", changed: "Changed: now", was: "Changed: before" };
    const fromGraph = await page.evaluate(() =>
      window.__graphProbe!.edges().filter((e) => e.shown).map((e) => [e.id, ["added", "removed", "changed", "was"].find((m) => e.classes.includes(m)) ?? "kept"] as const),
    );
    const want = Object.fromEntries(fromGraph.map(([id, m]) => [id, LABELS[m] ?? "Held at both"]));
    const rows = page.getByTestId("table-relationships").locator("tbody tr");
    await expect(rows).toHaveCount(fromGraph.length);
    const got = Object.fromEntries(
      await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-id")!, tr.querySelector("td[data-mark]")?.textContent ?? null])),
    );
    expect(got).toEqual(want);
    expect(Object.values(got)).toContain("Ended");
  });

  test("2007 against 2014, then another earlier year chosen in the panel", async ({ page, request }) => {
    await openExplorer(page, "date=2014&tool=compare&base=2007", "2014");
    await expect(page.getByTestId("tool-compare")).toHaveAttribute("aria-selected", "true");
    await expectComparison(page, request, "2007", "2014");

    await page.getByTestId("compare-base").selectOption("2011");
    await expect.poll(() => param(page, "base")).toBe("2011");
    expect(param(page, "date")).toBe("2014");
    await expectComparison(page, request, "2011", "2014");
  });
});

// ---- Chains between two actors ----------------------------------------------------------------

test.describe("chains between two actors", () => {
  const chainsShown = (page: Page) =>
    page.getByTestId("path-chains").locator(":scope > li[data-chain]").evaluateAll((l) => l.map((e) => e.getAttribute("data-chain")!));

  test("the Syrian intelligence reaches ISI in one step in 2009", async ({ page, request }) => {
    const g2009 = await graphData(request, "2009");
    const want = shortestChains(g2009, "syrian-intelligence", "islamic-state");
    expect(want).toEqual({ hops: 1, chains: [{ actors: ["syrian-intelligence", "islamic-state"], hops: [["syrian-officers-meet-isi-2009"]] }] });

    await openExplorer(page, "date=2009", "2009");
    await page.getByTestId("tool-paths").click();
    await expect(page.getByTestId("path-panel")).toBeVisible();
    await expect(page.getByTestId("path-result")).toHaveAttribute("data-hops", "");
    await page.getByTestId("path-from").selectOption("syrian-intelligence");
    await page.getByTestId("path-to").selectOption("islamic-state");
    await expect.poll(() => [param(page, "tool"), param(page, "source"), param(page, "target")]).toEqual(["paths", "syrian-intelligence", "islamic-state"]);

    await expect(page.getByTestId("path-result")).toHaveAttribute("data-hops", "1");
    await expect(page.getByTestId("path-result")).toContainText("1 step apart; 1 shortest chain");
    expect(await chainsShown(page)).toEqual(["syrian-intelligence>islamic-state"]);
    await waitForGraph(page, "2009");
    await expect.poll(() => emphasisProblems(page, ["syrian-intelligence", "islamic-state"], ["syrian-officers-meet-isi-2009"])).toEqual([]);
  });

  test("the actor menus keep the keyboard's focus while the reader arrows through them", async ({ page }) => {
    await openExplorer(page, "date=2009&tool=paths", "2009");
    const to = page.getByTestId("path-to");
    await to.focus();
    await to.press("ArrowDown");
    await expect.poll(() => param(page, "target")).not.toBeNull();
    await expect(to).toBeFocused();
    const first = param(page, "target");
    await to.press("ArrowDown");
    await expect.poll(() => param(page, "target")).not.toBe(first);
    await expect(to).toBeFocused();
  });

  test("an actor's panel opens the chains from it; Turkey reaches ISI only through the Assad government in 2009", async ({ page }) => {
    await openExplorer(page, "date=2009&sel=actor:turkey", "2009");
    await page.getByTestId("chains-from-actor").click();
    await expect.poll(() => [param(page, "tool"), param(page, "source")]).toEqual(["paths", "turkey"]);
    await page.getByTestId("path-to").selectOption("islamic-state");
    await expect(page.getByTestId("path-result")).toHaveAttribute("data-hops", "2");
    expect(await chainsShown(page)).toEqual(["turkey>assad-government>islamic-state"]);
    // Mediation is neutral, not cooperative: through cooperation alone there is no chain.
    await page.getByTestId("path-cooperative").check();
    await expect(page.getByTestId("path-result")).toHaveAttribute("data-hops", "");
  });

  test("the Iraqi government reaches the Baathists by two chains of two steps, and by none through cooperation alone", async ({ page, request }) => {
    const g2009 = await graphData(request, "2009");
    const viaAssad = { actors: ["iraqi-government", "assad-government", "iraqi-baathists"], hops: [["iraq-source-inside-zabadani-2009", "iraq-syria-relations-sour-2009"], ["syria-hosts-baathist-exiles"]] };
    const viaIsi = { actors: ["iraqi-government", "islamic-state", "iraqi-baathists"], hops: [["baghdad-bombings-2009"], ["baathists-ties-with-aqi"]] };
    expect(shortestChains(g2009, "iraqi-government", "iraqi-baathists")).toEqual({ hops: 2, chains: [viaAssad, viaIsi] });
    expect(shortestChains(g2009, "iraqi-government", "iraqi-baathists", true).hops).toBeNull();

    await openExplorer(page, "date=2009&tool=paths&source=iraqi-government&target=iraqi-baathists", "2009");
    await expect(page.getByTestId("path-from")).toHaveValue("iraqi-government");
    await expect(page.getByTestId("path-to")).toHaveValue("iraqi-baathists");
    await expect(page.getByTestId("path-result")).toHaveAttribute("data-hops", "2");
    await expect(page.getByTestId("path-result")).toContainText("2 steps apart; 2 shortest chains");
    expect((await chainsShown(page)).sort()).toEqual([viaAssad.actors.join(">"), viaIsi.actors.join(">")]);
    // Each chain lists its hops: two, one per step.
    for (const chain of [viaAssad, viaIsi]) {
      await expect(page.locator(`[data-chain="${chain.actors.join(">")}"] li`)).toHaveCount(chain.hops.length);
    }
    await expect
      .poll(() => emphasisProblems(page, [...new Set([...viaAssad.actors, ...viaIsi.actors])], [...viaAssad.hops.flat(), ...viaIsi.hops.flat()]))
      .toEqual([]);

    await page.getByTestId("path-cooperative").check();
    await expect.poll(() => param(page, "cooperative")).toBe("1");
    await expect(page.getByTestId("path-result")).toHaveAttribute("data-hops", "");
    await expect(page.getByTestId("path-result")).toContainText("No chain");
    await expect(page.getByTestId("path-chains")).toHaveCount(0);
    await expect.poll(() => withClass(page, "highlighted"), "no chain, no highlight").toEqual({ nodes: [], edges: [] });

    await page.getByTestId("path-cooperative").uncheck();
    await expect(page.getByTestId("path-result")).toHaveAttribute("data-hops", "2");
    expect(param(page, "cooperative")).toBeNull();
  });
});

// ---- The table view ---------------------------------------------------------------------------

test.describe("the table view", () => {
  test("lists what the date draws, follows the slider and the filters, sorts and narrows", async ({ page, request }) => {
    const [g2009, g2014, relationships] = await Promise.all([graphData(request, "2009"), graphData(request, "2014"), relationshipsById(request)]);
    expect(ids(g2009.edges)).not.toEqual(ids(g2014.edges));

    await openExplorer(page, "date=2009&show=table", "2009");
    await expect(page.getByTestId("table-view")).toBeVisible();
    await expect(page.getByTestId("display-table")).toBeChecked();
    await expect.poll(() => sortedRowIds(page, "table-relationships")).toEqual(ids(g2009.edges));
    await expect.poll(() => sortedRowIds(page, "table-actors")).toEqual(ids(g2009.nodes));

    // Five years on with the slider: the 2014 network.
    await page.getByTestId("date-slider").focus();
    await page.getByTestId("date-slider").press("PageUp");
    await waitForGraph(page, "2014");
    expect(param(page, "show")).toBe("table");
    expect(param(page, "date")).toBe("2014");
    await expect.poll(() => sortedRowIds(page, "table-relationships")).toEqual(ids(g2014.edges));
    await expect.poll(() => sortedRowIds(page, "table-actors")).toEqual(ids(g2014.nodes));
    await expect(page.getByTestId("table-relationships-count")).toContainText(`${g2014.edges.length} relationships`);

    // Sorting by a column: ascending first, then descending; the previous column lets go.
    const rels = page.getByTestId("table-relationships");
    await expect(rels.locator('th[data-sort-key="when"]')).toHaveAttribute("aria-sort", "ascending");
    await rels.locator('th[data-sort-key="from"] button').click();
    await expect(rels.locator('th[data-sort-key="from"]')).toHaveAttribute("aria-sort", "ascending");
    await expect(rels.locator('th[data-sort-key="when"]')).not.toHaveAttribute("aria-sort", /./);
    const fromAsc = await columnText(page, "table-relationships", 2);
    expect(fromAsc).toEqual([...fromAsc].sort(collator.compare));
    expect(new Set(fromAsc).size, "more than one name to sort").toBeGreaterThan(1);
    await rels.locator('th[data-sort-key="from"] button').click();
    await expect(rels.locator('th[data-sort-key="from"]')).toHaveAttribute("aria-sort", "descending");
    const fromDesc = await columnText(page, "table-relationships", 2);
    expect(fromDesc).toEqual([...fromAsc].sort((a, b) => collator.compare(b, a)));

    // A count column starts with the largest.
    const actors = page.getByTestId("table-actors");
    await actors.locator('th[data-sort-key="relationships"] button').click();
    await expect(actors.locator('th[data-sort-key="relationships"]')).toHaveAttribute("aria-sort", "descending");
    const counts = (await columnText(page, "table-actors", 3)).map(Number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // …and each count is the actor's share of the drawn relationships.
    const actorOrder = await rowIds(page, "table-actors");
    expect(counts).toEqual(actorOrder.map((id) => g2014.edges.filter((e) => e.source === id || e.target === id).length));

    // Words typed narrow both tables.
    const word = "Barabandi";
    const fold = (s: string | null | undefined) => (s ?? "").toLowerCase();
    const matchingRels = g2014.edges
      .filter((e) => {
        const r = relationships.get(e.id)!;
        const texts = [r.from.name, r.from.short, r.to.name, r.to.short, r.summary, ...r.citations.flatMap((c) => [c.source.citedAs, c.source.title])];
        return texts.some((t) => fold(t).includes(fold(word)));
      })
      .map((e) => e.id)
      .sort();
    const matchingActors = ids(g2014.nodes.filter((n) => fold(n.label).includes(fold(word))));
    expect(matchingActors).toEqual(["bassam-barabandi"]);
    expect(matchingRels.length).toBeGreaterThan(0);
    expect(matchingRels.length).toBeLessThan(g2014.edges.length);
    await page.getByTestId("table-filter").fill(word);
    await expect.poll(() => sortedRowIds(page, "table-actors")).toEqual(matchingActors);
    await expect.poll(() => sortedRowIds(page, "table-relationships")).toEqual(matchingRels);
    await expect(page.getByTestId("table-relationships-count")).toContainText(`Showing ${matchingRels.length} of ${g2014.edges.length} relationships`);
    await page.getByTestId("table-filter").fill("");
    await expect.poll(() => sortedRowIds(page, "table-relationships")).toEqual(ids(g2014.edges));

    // A filter from the Filters menu: no people, nor the relationships they take part in.
    const people = new Set(g2014.nodes.filter((n) => n.kind === "person").map((n) => n.id));
    expect(people.size).toBeGreaterThan(0);
    await page.getByTestId("filters").locator("summary").click();
    await page.getByRole("checkbox", { name: /^Person/ }).uncheck();
    await expect.poll(() => param(page, "kind")).not.toBeNull();
    expect(param(page, "kind")!.split(",")).not.toContain("person");
    await waitForGraph(page, "2014");
    const withoutPeople = ids(g2014.edges.filter((e) => !people.has(e.source) && !people.has(e.target)));
    expect(withoutPeople.length).toBeLessThan(g2014.edges.length);
    await expect.poll(() => sortedRowIds(page, "table-relationships")).toEqual(withoutPeople);
    await expect.poll(() => sortedRowIds(page, "table-actors")).toEqual(ids(g2014.nodes.filter((n) => !people.has(n.id))));
  });
});

// ---- Brokers ----------------------------------------------------------------------------------

test.describe("brokers", () => {
  test("the measures list every drawn actor, the Assad government brokers most, and sizing by betweenness shows it", async ({ page, request }) => {
    const g2009 = await graphData(request, "2009");
    const scores = betweenness(g2009);
    const ranked = [...scores].sort((a, b) => b[1] - a[1]);
    expect(ranked[0]![0]).toBe("assad-government");
    expect(ranked[0]![1], "the top broker stands alone").toBeGreaterThan(ranked[1]![1]);
    const nobody = ranked.filter(([, v]) => v === 0).map(([id]) => id).sort()[0];
    expect(nobody, "some actor brokers nothing").toBeTruthy();

    await openExplorer(page, "date=2009&tool=brokers", "2009");
    await expect(page.getByTestId("tool-brokers")).toHaveAttribute("aria-selected", "true");
    await expect.poll(() => sortedRowIds(page, "measures-table")).toEqual(ids(g2009.nodes));
    const table = page.getByTestId("measures-table");
    await expect(table.locator('th[data-sort-key="betweenness"]')).toHaveAttribute("aria-sort", "descending");
    await expect(table.locator("tbody tr").first()).toHaveAttribute("data-id", "assad-government");
    // The betweenness column agrees with the data, to the two decimals shown.
    const shown = await table.locator("tbody tr[data-id]").evaluateAll((rows) => rows.map((r) => [r.getAttribute("data-id")!, r.querySelector("td:nth-child(5)")!.textContent!]));
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries([...scores].map(([id, v]) => [id, v.toFixed(2)])));

    const width = (id: string) => page.evaluate((id) => window.__graphProbe!.nodes().find((n) => n.id === id)!.width, id);
    await page.getByTestId("size-by").selectOption("betweenness");
    await expect.poll(() => param(page, "size")).toBe("betweenness");
    await waitForGraph(page, "2009");
    await expect.poll(async () => (await width("assad-government")) - (await width(nobody!))).toBeGreaterThan(0);
    // The top broker is the largest actor drawn.
    const widths = await page.evaluate(() => window.__graphProbe!.nodes().filter((n) => n.shown).map((n) => n.width));
    expect(await width("assad-government")).toBe(Math.max(...widths));
    await expect(page.getByTestId("legend-size")).toContainText("Size: betweenness");
  });
});
