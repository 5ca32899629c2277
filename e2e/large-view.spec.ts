/**
 * A large view (issue 12): from 600 elements the graph draws with the `large` stylesheet, names only
 * its most connected actors whose names fit apart (class `named`, chosen again and resized as the
 * reader zooms) and fits by arithmetic (components/graph/NetworkGraph.tsx). The seed never gets
 * there, so this spec serves a synthetic
 * store of its own (e2e/large-store.ts) and reads the drawing through window.__graphProbe.
 */
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { MIN_LABEL_PX } from "../components/graph/arrange-labels";
import { MIN_LINE_PX, NAMED_ACTORS, dashInk, dashLegible } from "../lib/graph/level-of-detail";
import { overlappingPairs, overlaps } from "../lib/graph/label-placement";
import { CERTAINTY_LINES, EDGE_WIDTH, KIND_STYLES, LABEL_PADDING, POSSIBLY_DASH, POSSIBLY_WIDTH } from "../lib/graph/style";
import type { ActorKind, Certainty } from "../lib/model/vocabulary";
import { expect, test } from "./fixtures";
import { graphAt, openExplorer, screenshot, waitForGraph } from "./graph-probe";
import { openMenu, rsvgConvert, saveDownload } from "./downloads";
import { startLargeStore, type LargeStore } from "./large-store";

// Not the store spec's port (E2E_PORT + 1): the two never wait on each other's server.
const port = Number(process.env.E2E_LARGE_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 2);
/** The smallest synthetic size whose dates draw clearly more than the 600 elements of a large view (about 720). */
const RELATIONSHIPS = 4000;
/** NetworkGraph's LARGE_MIN_ELEMENTS. */
const LARGE_MIN_ELEMENTS = 600;
/** Cytoscape's box around a label: the text's height plus its background padding and 2 model units, each side. */
const LABEL_BOX_PAD = LABEL_PADDING + 2;
/** The probe rounds each box edge to 0.01 px: a name of exactly MIN_LABEL_PX may read 0.01 px less. */
const LEGIBLE_PX = MIN_LABEL_PX - 0.01;

test.use({ baseURL: `http://127.0.0.1:${port}`, viewport: { width: 1280, height: 800 } });

let store: LargeStore | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  store = await startLargeStore(port, RELATIONSHIPS);
});

test.afterAll(async () => {
  await store?.stop();
});

type Graph = Awaited<ReturnType<typeof graphAt>>;
type Edge = { id: string; source: string; target: string; citations: number };
const ids = (list: { data: { id: string } }[]) => list.map((x) => x.data.id).sort();
const edgesOf = (g: Graph) => g.elements.edges.map((e) => e.data as unknown as Edge);

/**
 * The named actors: NAMED_ACTORS of the date's answer, the most connected among them, never a ghost,
 * and their names as drawn cover no other name nor a more connected actor (ties by id).
 */
async function expectNamedApart(page: Page, g: Graph) {
  const degree = new Map<string, number>();
  for (const e of edgesOf(g)) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const { nodes, labels, boxes } = await page.evaluate(() => {
    const p = window.__graphProbe!;
    const nodes = p.nodes();
    const named = new Set(nodes.filter((n) => n.classes.includes("named")).map((n) => n.id));
    const { zoom } = p.viewport();
    // Each actor's own square (every kind is as tall as it is wide), without its border.
    const boxes = nodes.map((n) => {
      const c = p.clientPoint(n.id)!;
      const half = (n.width / 2) * zoom;
      return { id: n.id, x1: c.x + window.scrollX - half, y1: c.y + window.scrollY - half, x2: c.x + window.scrollX + half, y2: c.y + window.scrollY + half };
    });
    return { nodes, labels: p.labelBoxes().filter((b) => named.has(b.id)), boxes };
  });
  const named = nodes.filter((n) => n.shown && n.classes.includes("named")).map((n) => n.id);
  expect(named).toHaveLength(NAMED_ACTORS);
  expect(nodes.filter((n) => !n.shown && n.classes.includes("named")).length, "a step's ghosts are not named").toBe(0);
  const order = (a: string, b: string) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  const shown = nodes.filter((n) => n.shown).map((n) => n.id).sort(order);
  expect(named, "the most connected actor is named").toContain(shown[0]);
  expect(labels).toHaveLength(NAMED_ACTORS);
  expect(overlappingPairs(labels), "named actors whose names overlap").toEqual([]);
  // What is drawn of a name: its box less the 2 model units Cytoscape adds beyond the background
  // (and 0.02 px for the probe's rounding).
  const rank = new Map(shown.map((id, i) => [id, i]));
  const { zoom } = await page.evaluate(() => window.__graphProbe!.viewport());
  const inset = 2 * zoom + 0.02;
  const covered = labels.flatMap((l) => {
    const drawn = { x1: l.x1 + inset, y1: l.y1 + inset, x2: l.x2 - inset, y2: l.y2 - inset };
    return boxes.filter((b) => rank.has(b.id) && rank.get(b.id)! < rank.get(l.id)! && overlaps(drawn, b)).map((b) => `${l.id} covers ${b.id}`);
  });
  expect(covered, "names over more connected actors").toEqual([]);
  return named;
}

/** Each named actor's name on screen in px (its label box less the padding), and the model font size. */
function namedSizes(page: Page, named: string[]) {
  return page.evaluate(
    ({ named, pad }) => {
      const p = window.__graphProbe!;
      const { zoom } = p.labelScale();
      const boxes = new Map(p.labelBoxes().map((b) => [b.id, b]));
      return named.map((id) => {
        const b = boxes.get(id);
        const px = b ? b.y2 - b.y1 - 2 * pad * zoom : 0;
        return { id, px, model: px / zoom, zoom };
      });
    },
    { named, pad: LABEL_BOX_PAD },
  );
}

// One page and one step: each load of a large view is costly on CI's two cores.
test("a large date draws the API's answer with its most connected actors named legibly and fitted; a step marks what changed; ties and actors answer the pointer", async ({ page, request }) => {
  const [g2002, g2003, g2004] = [await graphAt(request, "at=2002"), await graphAt(request, "at=2003"), await graphAt(request, "at=2004")];
  expect(g2003.elements.nodes.length + g2003.elements.edges.length, "the date is a large view").toBeGreaterThan(LARGE_MIN_ELEMENTS + 100);
  await openExplorer(page, "date=2003", "2003");
  const canvas = await page.evaluate(() => {
    const r = document.querySelector('[data-testid="network-graph"]')!.getBoundingClientRect();
    return { x1: r.left + window.scrollX, y1: r.top + window.scrollY, x2: r.right + window.scrollX, y2: r.bottom + window.scrollY };
  });

  let named: string[] = [];
  await test.step("the date's answer, drawn by the page's own layer, fitted inside the canvas", async () => {
    expect(await page.evaluate(() => window.__graphProbe!.renderer())).toBe("layer");
    // No filters: what is drawn is the date's answer, and what only the previous date had is a ghost.
    const { nodes, edges, boxes } = await page.evaluate(() => ({ nodes: window.__graphProbe!.nodes(), edges: window.__graphProbe!.edges(), boxes: window.__graphProbe!.nodeBoxes() }));
    expect(nodes.filter((n) => n.shown).map((n) => n.id)).toEqual(ids(g2003.elements.nodes));
    expect(edges.filter((e) => e.shown).map((e) => e.id)).toEqual(ids(g2003.elements.edges));
    const now = new Set(ids(g2003.elements.edges));
    expect(edges.filter((e) => !e.shown).map((e) => e.id)).toEqual(ids(g2002.elements.edges).filter((id) => !now.has(id)));
    expect(boxes).toHaveLength(nodes.length);
    const outside = boxes.filter((b) => b.x1 < canvas.x1 || b.y1 < canvas.y1 || b.x2 > canvas.x2 || b.y2 > canvas.y2).map((b) => b.id);
    expect(outside, "actors outside the canvas after the fit").toEqual([]);
    await screenshot(page, "large-2003");
  });

  await test.step("the most connected actors whose names fit are named, legibly and apart at the fit", async () => {
    named = await expectNamedApart(page, g2003);
    for (const n of await namedSizes(page, named)) expect(n.px, `name of ${n.id} on screen at the fit`).toBeGreaterThanOrEqual(LEGIBLE_PX);
  });

  await test.step("a slider step draws the next date, with what began marked and what ended as ghosts", async () => {
    await page.getByTestId("date-slider").focus();
    await page.keyboard.press("ArrowRight");
    await waitForGraph(page, "2004");
    const before = new Set(ids(g2003.elements.edges));
    const after = new Set(ids(g2004.elements.edges));
    const began = [...after].filter((id) => !before.has(id)).sort();
    const ended = [...before].filter((id) => !after.has(id)).sort();
    expect(began.length && ended.length, "the step both adds and ends ties").toBeTruthy();
    const { nodes, edges, boxes } = await page.evaluate(() => ({ nodes: window.__graphProbe!.nodes(), edges: window.__graphProbe!.edges(), boxes: window.__graphProbe!.nodeBoxes() }));
    const marked = (m: string) => edges.filter((e) => e.classes.includes(m)).map((e) => e.id).sort();
    expect(edges.filter((e) => e.shown).map((e) => e.id)).toEqual([...after].sort());
    expect(edges.filter((e) => !e.shown).map((e) => e.id), "ties that ended are ghosts").toEqual(ended);
    expect([...marked("added"), ...marked("changed")].sort()).toEqual(began);
    expect([...marked("removed"), ...marked("was")].sort()).toEqual(ended);
    const nodesNow = new Set(ids(g2004.elements.nodes));
    expect(nodes.filter((n) => n.shown).map((n) => n.id)).toEqual([...nodesNow].sort());
    expect(nodes.filter((n) => !n.shown).map((n) => n.id)).toEqual(ids(g2003.elements.nodes).filter((id) => !nodesNow.has(id)));
    await expect(page.getByTestId("step-changes")).toHaveText(`+${began.length} / −${ended.length} since 2003`);
    // The step refits: still every actor inside the canvas, and the named actors are the new date's.
    const outside = boxes.filter((b) => b.x1 < canvas.x1 || b.y1 < canvas.y1 || b.x2 > canvas.x2 || b.y2 > canvas.y2).map((b) => b.id);
    expect(outside, "actors outside the canvas after the step").toEqual([]);
    named = await expectNamedApart(page, g2004);
  });

  await test.step("zoomed in, the names stay legible and apart, are drawn smaller in the model, and more of the most connected are named", async () => {
    const fitted = await namedSizes(page, named);
    for (const n of fitted) expect(n.px, `name of ${n.id} on screen at the step's fit`).toBeGreaterThanOrEqual(LEGIBLE_PX);
    const fittedModel = Math.max(...fitted.map((n) => n.model));
    const zoomIn = page.getByRole("button", { name: "Zoom in" });
    for (let i = 0; i < 3; i++) await zoomIn.click();
    await expect.poll(() => page.evaluate(() => window.__graphProbe!.labelScale().zoom)).toBeCloseTo(fitted[0]!.zoom * 1.25 ** 3, 3);
    const namedNow = () => page.evaluate(() => window.__graphProbe!.nodes().filter((n) => n.classes.includes("named")).map((n) => n.id));
    await expect
      .poll(async () => (await namedSizes(page, await namedNow())).filter((n) => !(n.model < fittedModel)).map((n) => n.id), { message: "names chosen and resized for the zoom" })
      .toEqual([]);
    const zoomed = await expectNamedApart(page, g2004);
    for (const n of await namedSizes(page, zoomed)) expect(n.px, `name of ${n.id} on screen zoomed in`).toBeGreaterThanOrEqual(LEGIBLE_PX);
    // Smaller names beside the same actors cover less: the run of most connected actors all named is no shorter.
    const degree = new Map<string, number>();
    for (const e of edgesOf(g2004)) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    const order = g2004.elements.nodes.map((n) => n.data.id).sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
    const leading = (ids: string[]) => order.findIndex((id) => !ids.includes(id));
    expect(leading(zoomed), "the most connected actors named in a row, zoomed in").toBeGreaterThanOrEqual(leading(named));
    // Back to the fit for pointing: without motion the fit is done when the click returns.
    await page.getByRole("button", { name: "Fit what is drawn into view" }).click();
  });

  await test.step("the actors are drawn on the page's canvas where the probe says, in their kinds' colours", async () => {
    const kinds = Object.fromEntries(g2004.elements.nodes.map((n) => [n.data.id, KIND_STYLES[(n.data as unknown as { kind: ActorKind }).kind].colour]));
    const seen = await page.evaluate((kinds) => {
      const p = window.__graphProbe!;
      const c = document.querySelector('[data-testid="graph-layer"]') as HTMLCanvasElement;
      const r = c.getBoundingClientRect();
      const scale = c.width / r.width;
      const ctx = c.getContext("2d")!;
      // At the fit an actor is a few pixels wide: its centre is its colour blended with a little of its outline.
      const near = (d: Uint8ClampedArray, colour: string) => [0, 1, 2].every((i) => Math.abs(d[i]! - Number.parseInt(colour.slice(1 + 2 * i, 3 + 2 * i), 16)) <= 24);
      let matched = 0;
      let checked = 0;
      for (const n of p.nodes().filter((n) => n.shown)) {
        const q = p.clientPoint(n.id)!;
        if (q.x < r.left || q.x >= r.right || q.y < r.top || q.y >= r.bottom) continue;
        checked++;
        if (near(ctx.getImageData(Math.floor((q.x - r.left) * scale), Math.floor((q.y - r.top) * scale), 1, 1).data, kinds[n.id]!)) matched++;
      }
      // A corner of the canvas, away from the drawing: nothing there.
      const corner = ctx.getImageData(1, 1, 1, 1).data[3];
      return { matched, checked, corner };
    }, kinds);
    expect(seen.checked).toBeGreaterThan(100);
    // Actors overlap at the fit, and names are drawn over them: most, not all, show their own colour at their centre.
    expect(seen.matched / seen.checked, `${seen.matched} of ${seen.checked} actors in their colour`).toBeGreaterThan(0.6);
    expect(seen.corner).toBe(0);
  });

  await test.step("the picture export holds what the layer draws, and rsvg-convert renders it", async () => {
    const { nodes, edges } = await page.evaluate(() => ({ nodes: window.__graphProbe!.nodes(), edges: window.__graphProbe!.edges() }));
    const menu = await openMenu(page);
    const { file } = await saveDownload(page, () => menu.getByRole("button", { name: /^SVG/ }).click());
    // Closed again: its list would lie over the graph the next step points at.
    if (await menu.evaluate((d) => (d as HTMLDetailsElement).open)) await menu.locator("summary").click();
    const svg = readFileSync(file, "utf8");
    const drawn = (kind: string) => [...svg.matchAll(new RegExp(`<g class="${kind}" data-id="([^"]+)"`, "g"))].map((m) => m[1]).sort();
    // A step's ghosts are a mark on screen, not part of a figure.
    expect(drawn("node")).toEqual(nodes.filter((n) => n.shown).map((n) => n.id));
    expect(drawn("edge")).toEqual(edges.filter((e) => e.shown).map((e) => e.id));
    const rendered = rsvgConvert(file);
    expect(rendered.status, rendered.stderr).toBe(0);
  });

  await test.step("hovering an actor gives its tooltip; clicking a tie opens its evidence", async () => {
    const shownEdges = ids(g2004.elements.edges);
    // Where to point: the actor and the tie drawn furthest from anything else, so nothing else is hit.
    const drawnEdges = [...edgesOf(g2003), ...edgesOf(g2004)].filter((e, i, all) => all.findIndex((x) => x.id === e.id) === i);
    const target = await page.evaluate(
      ({ drawnEdges, shownEdges }) => {
        const p = window.__graphProbe!;
        const box = document.querySelector('[data-testid="network-graph"]')!.getBoundingClientRect();
        const nodeBoxes = p.nodeBoxes().map((b) => ({ ...b, x1: b.x1 - window.scrollX, x2: b.x2 - window.scrollX, y1: b.y1 - window.scrollY, y2: b.y2 - window.scrollY }));
        const centre = new Map(nodeBoxes.map((b) => [b.id, { x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2 }]));
        const inside = (q: { x: number; y: number }) => q.x > box.left + 20 && q.x < box.right - 20 && q.y > box.top + 20 && q.y < box.bottom - 20;
        const toBox = (q: { x: number; y: number }, b: (typeof nodeBoxes)[number]) => Math.hypot(Math.max(b.x1 - q.x, 0, q.x - b.x2), Math.max(b.y1 - q.y, 0, q.y - b.y2));
        const toSegment = (q: { x: number; y: number }, a: { x: number; y: number }, b: { x: number; y: number }) => {
          const dx = b.x - a.x;
          const dy = b.y - a.y;
          const t = Math.max(0, Math.min(1, ((q.x - a.x) * dx + (q.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
          return Math.hypot(q.x - a.x - t * dx, q.y - a.y - t * dy);
        };
        const pair = (e: { source: string; target: string }) => [e.source, e.target].sort().join(" ");
        const pairs = new Map<string, number>();
        for (const e of drawnEdges) pairs.set(pair(e), (pairs.get(pair(e)) ?? 0) + 1);
        let tie = { id: "", clear: -1, x: 0, y: 0 };
        for (const e of drawnEdges) {
          // Two ties between the same actors are drawn on one line (straight edges): either could be hit.
          if (!shownEdges.includes(e.id) || pairs.get(pair(e))! > 1) continue;
          const q = p.clientPoint(e.id)!;
          if (!inside(q)) continue;
          let clear = Infinity;
          for (const b of nodeBoxes) clear = Math.min(clear, toBox(q, b));
          for (const o of drawnEdges) if (o.id !== e.id) clear = Math.min(clear, toSegment(q, centre.get(o.source)!, centre.get(o.target)!));
          if (clear > tie.clear) tie = { id: e.id, clear, ...q };
        }
        let actor = { id: "", clear: -1, x: 0, y: 0 };
        for (const n of p.nodes().filter((n) => n.shown)) {
          const q = p.clientPoint(n.id)!;
          if (!inside(q)) continue;
          let clear = Infinity;
          for (const b of nodeBoxes) if (b.id !== n.id) clear = Math.min(clear, toBox(q, b));
          if (clear > actor.clear) actor = { id: n.id, clear, ...q };
        }
        return { tie, actor };
      },
      { drawnEdges, shownEdges },
    );
    // Cytoscape takes a pointer within 2 px of an actor, or 8 px of a tie with none nearer, as on it.
    expect(target.tie.clear, "some tie is drawn clear of the others").toBeGreaterThan(4);
    expect(target.actor.clear, "some actor is drawn clear of the others").toBeGreaterThan(4);

    await page.mouse.move(target.actor.x, target.actor.y);
    const tip = page.getByTestId("graph-tooltip");
    await expect(tip).toHaveAttribute("data-for", target.actor.id);
    await expect(tip).toContainText(g2004.elements.nodes.find((n) => n.data.id === target.actor.id)!.data.label);
    await page.mouse.move(5, 5);
    await expect(tip).toHaveCount(0);

    const tie = edgesOf(g2004).find((e) => e.id === target.tie.id)!;
    const res = await request.get(`/api/relationships/${encodeURIComponent(tie.id)}`);
    expect(res.ok()).toBe(true);
    const { relationship } = (await res.json()) as { relationship: { citations: { source: { id: string; title: string } }[] } };
    await page.mouse.click(target.tie.x, target.tie.y);
    const panel = page.getByTestId("detail-panel");
    await expect(panel).toHaveAttribute("data-kind", "relationship");
    await expect(panel).toHaveAttribute("data-id", tie.id);
    const citations = panel.getByTestId("citation");
    await expect(citations).toHaveCount(tie.citations);
    expect(await citations.evaluateAll((cs) => cs.map((c) => c.getAttribute("data-source")))).toEqual(relationship.citations.map((c) => c.source.id));
    await expect(citations.first()).toContainText(relationship.citations[0]!.source.title);
  });

  await test.step("an actor dragged moves with its ties, and Reset puts it back", async () => {
    const actor = await page.evaluate(() => {
      const p = window.__graphProbe!;
      const box = document.querySelector('[data-testid="network-graph"]')!.getBoundingClientRect();
      // The most connected shown actor well inside the canvas: its ties show the move.
      const n = p.nodes().find((n) => n.shown && n.classes.includes("named") && (() => {
        const q = p.clientPoint(n.id)!;
        return q.x > box.left + 80 && q.x < box.right - 80 && q.y > box.top + 80 && q.y < box.bottom - 80;
      })())!;
      return { id: n.id, x: n.x, y: n.y, at: p.clientPoint(n.id)!, zoom: p.viewport().zoom, pan: p.viewport().pan };
    });
    await page.mouse.move(actor.at.x, actor.at.y);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(actor.at.x + 12 * i, actor.at.y + 8 * i);
    await page.mouse.up();
    const moved = await page.evaluate((id) => window.__graphProbe!.nodes().find((n) => n.id === id)!, actor.id);
    expect(moved.x - actor.x).toBeCloseTo(60 / actor.zoom, 0);
    expect(moved.y - actor.y).toBeCloseTo(40 / actor.zoom, 0);
    // The actor moved, not the view.
    expect(await page.evaluate(() => window.__graphProbe!.viewport().pan)).toEqual(actor.pan);
    await page.getByRole("button", { name: "Reset" }).click();
    await expect.poll(() => page.evaluate((id) => window.__graphProbe!.nodes().find((n) => n.id === id)!.x, actor.id)).toBeCloseTo(actor.x, 1);
  });
});

test("a large view's lines: far out, plain and about half a pixel wide, as light as their dashes; zoomed in, dashed", async ({ page }) => {
  await openExplorer(page, "date=2003", "2003");
  /** Each tie's line against what its certainty and the zoom call for; the ordinary ties' width on screen. */
  const lines = () =>
    page.evaluate(() => ({ zoom: window.__graphProbe!.viewport().zoom, edges: window.__graphProbe!.edgeLines() })).then(({ zoom, edges }) => {
      const wrong: string[] = [];
      let thinnest = Infinity;
      let plain = 0;
      let dashed = 0;
      for (const e of edges) {
        const pattern = e.possibly ? POSSIBLY_DASH : CERTAINTY_LINES[e.certainty as Certainty].dash;
        if (!pattern) {
          if (e.lineStyle !== "solid") wrong.push(`${e.id} ${e.lineStyle}`);
        } else if (dashLegible(pattern, zoom)) {
          dashed++;
          if (e.lineStyle !== "dashed" || e.lineOpacity !== 1) wrong.push(`${e.id} ${e.lineStyle} ${e.lineOpacity}`);
        } else {
          plain++;
          const ink = dashInk(pattern, e.possibly ? POSSIBLY_WIDTH : EDGE_WIDTH);
          if (e.lineStyle !== "solid" || Math.abs(e.lineOpacity - ink) > 0.005) wrong.push(`${e.id} ${e.lineStyle} ${e.lineOpacity} (ink ${ink})`);
        }
        // Structural and possibly holding ties are drawn thinner, chosen and hovered ones wider.
        const ordinary = !e.possibly && !e.structural && !e.classes.some((c) => ["highlighted", "chosen", "hovered"].includes(c));
        if (ordinary && e.width > 0) thinnest = Math.min(thinnest, e.width * zoom);
      }
      return { zoom, wrong, thinnest, plain, dashed };
    });
  /**
   * What is wrong with the lines now, their width included: the stylesheet follows the zoom once it
   * settles, dashes and widths in one swap, and a read between the zoom and the swap saw the old width.
   */
  const wrongAt = (width: (thinnest: number, zoom: number) => boolean) => async () => {
    const l = await lines();
    return width(l.thinnest, l.zoom) ? l.wrong : [...l.wrong, `thinnest line ${l.thinnest} px at zoom ${l.zoom}`];
  };
  const farWidth = (px: number) => px >= MIN_LINE_PX / (Math.SQRT2 * 1.25) - 0.01 && px <= MIN_LINE_PX * Math.SQRT2 * 1.25 + 0.01;
  const zoomOut = page.getByRole("button", { name: "Zoom out" });
  const zoomIn = page.getByRole("button", { name: "Zoom in" });

  await test.step("far out, every dashed tie is a plain line as light as its dashes, and the lines are about half a pixel", async () => {
    for (let i = 0; i < 6; i++) await zoomOut.click();
    await expect.poll(wrongAt(farWidth), { message: "lines as the zoom calls for", timeout: 30_000 }).toEqual([]);
    const far = await lines();
    expect(far.zoom, "zoomed out far enough that no dash is legible").toBeLessThan(0.2);
    expect(far.plain).toBeGreaterThan(0);
    expect(far.dashed).toBe(0);
    // Half a pixel within the power of two chosen and the slack kept before changing it.
    expect(far.thinnest).toBeGreaterThanOrEqual(MIN_LINE_PX / (Math.SQRT2 * 1.25) - 0.01);
    expect(far.thinnest).toBeLessThanOrEqual(MIN_LINE_PX * Math.SQRT2 * 1.25 + 0.01);
  });

  await test.step("zoomed in, the dashes are drawn, at the lines' own width", async () => {
    for (let i = 0; i < 16; i++) await zoomIn.click();
    await expect.poll(wrongAt((px, zoom) => Math.abs(px - EDGE_WIDTH * zoom) < 1e-5), { message: "lines as the zoom calls for", timeout: 30_000 }).toEqual([]);
    const near = await lines();
    expect(near.zoom).toBeGreaterThan(0.5);
    expect(near.dashed).toBeGreaterThan(0);
    expect(near.plain).toBe(0);
    expect(near.thinnest).toBeCloseTo(EDGE_WIDTH * near.zoom, 5);
  });
});
