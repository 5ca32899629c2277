import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type APIRequestContext, type Download, type Locator, type Page } from "@playwright/test";
import { readCsv, readGEXF, readGraphML, runPython } from "../test/setup/python";
import { expect, test } from "./fixtures";
import { ACCOUNT_HOOK_MS, apiAs, expectRefusalLogged, PASSWORD, prepareAccount, signedIn } from "./editor-accounts";
import { clickElement, nodeLabel, shownEdges, waitForGraph } from "./graph-probe";

/**
 * Stored XSS (issue 14, "Security and reliability"): an editor writes markup, script, template and
 * formula payloads into every text field through the real write API, and in Chromium every place
 * that shows them (graph, tooltip, panels, list, tables, search, reading tools, history, /changes,
 * /data, the edit pages, the figure dialog) shows them as text; every export carries them as data.
 */

const P = {
  img: `<img src=x onerror="window.__xss=1">`,
  script: `"><script>window.__xss=1</script>`,
  svg: `<svg onload="window.__xss=1">`,
  js: "javascript:window.__xss=1",
  template: "{{constructor.constructor('window.__xss=1')()}}",
  formula: `=HYPERLINK("http://evil","x")`,
  xml: "]]></desc><script>x</script>",
} as const;
/** Every payload in one text, starting with the formula so a spreadsheet would run it. */
const ALL = [P.formula, P.img, P.script, P.svg, P.js, P.template, P.xml].join(" ");

// The author's name is a payload too: it is shown in the history, on /changes and in the top bar.
const EDITOR = { email: "xss.editor@example.org", name: `${P.img} ${P.svg}`, role: "editor" };

const A_NAME = `${P.img} ${P.script} ${P.xml}`;
const A_OLD_NAME = `${P.svg} ${P.template}`;
const B_NAME = `${P.formula} ${P.svg} ${P.template}`;
const SUMMARY = `${P.svg} changed ${ALL}`;
/** The graph, the tooltips and the exports' labels use the short names. */
const A_SHORT = P.svg;
const B_SHORT = `@${P.script}`;

const source = {
  id: "xss-source",
  citedAs: `${P.img} ${P.script}`,
  authors: [P.svg, P.formula, "@SUM(1+1)*cmd|' /C calc'!A0"],
  date: "2014",
  dateNote: ALL,
  title: ALL,
  outlet: `${P.template} ${P.xml}`,
  outletNote: ALL,
  details: `+${P.script}`,
  kind: "report",
  url: "https://example.org/report",
  notes: [ALL],
};
const place = { id: "xss-place", name: `${P.svg} ${P.template}`, country: P.formula, description: ALL };
const actorA = {
  id: "xss-a",
  kind: "network",
  name: A_NAME,
  short: A_SHORT,
  description: ALL,
  aliases: [P.js, P.template, P.formula, "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)"],
  names: [{ name: A_OLD_NAME, short: `+${P.img}`, start: { date: "1990", qualifier: "exact" }, end: { date: "2000", qualifier: "exact" }, note: ALL }],
};
const actorB = { id: "xss-b", kind: "person", name: B_NAME, short: B_SHORT, description: `-${ALL}`, aliases: [P.img], names: [] };
const citation = { source: "xss-source", pages: P.script, note: ALL, quote: ALL, url: "https://example.org/quote" };
const relationship = {
  id: "xss-rel",
  from: "xss-a",
  to: "xss-b",
  type: "support",
  polarity: "cooperative",
  certainty: "reported",
  start: { date: "2009", qualifier: "exact" },
  end: null,
  summary: ALL,
  dateNote: `+${ALL}`,
  note: `@${ALL}`,
  places: ["xss-place"],
  citations: [citation],
};
const event = {
  id: "xss-event",
  title: ALL,
  kind: "conference",
  start: { date: "2009", qualifier: "exact" },
  end: null,
  place: "xss-place",
  certainty: "reported",
  description: ALL,
  dateNote: ALL,
  note: ALL,
  participants: [
    { actor: "xss-a", role: "host", note: ALL },
    { actor: "xss-b", role: "speaker", note: P.img },
  ],
  relationships: ["xss-rel"],
  citations: [{ ...citation, pages: P.img }],
};
/** In the order they are written; deleted in reverse. */
const ENTRIES = [
  ["sources", source],
  ["places", place],
  ["actors", actorA],
  ["actors", actorB],
  ["relationships", relationship],
  ["events", event],
] as const;

const work = mkdtempSync(path.join(tmpdir(), "explorer-xss-"));
let base = "";

/** The editor's API client, sending the app's own Origin as the page would. */
const editorApi = () => apiAs(EDITOR.email);

async function removeEntries(api: APIRequestContext) {
  for (const [kind, entry] of [...ENTRIES].reverse()) {
    const r = await api.get(`/api/${kind}/${entry.id}`);
    if (!r.ok()) continue;
    const { version } = await r.json();
    const res = await api.delete(`/api/${kind}/${entry.id}`, { data: { version, reason: "xss test clean-up" } });
    expect(res.status(), `clean-up of ${kind}/${entry.id}`).toBe(200);
  }
}

test.beforeAll(async ({}, info) => {
  test.setTimeout(ACCOUNT_HOOK_MS);
  base = String(info.project.use.baseURL);
  await prepareAccount(base, EDITOR);

  const api = await editorApi();
  await removeEntries(api);
  for (const [kind, entry] of ENTRIES) {
    const res = await api.post(`/api/${kind}`, { data: { entity: entry, reason: `${ALL} (adding ${entry.id})` } });
    expect(res.status(), `${kind}/${entry.id}: ${await res.text()}`).toBe(201);
  }
  // A change, so the history has a diff whose both sides are payloads.
  const current = await (await api.get("/api/relationships/xss-rel")).json();
  const changed = await api.patch("/api/relationships/xss-rel", { data: { version: current.version, reason: `${P.script} reworded`, entity: { ...current.entry, summary: SUMMARY } } });
  expect(changed.status(), await changed.text()).toBe(200);
  await api.dispose();
});

test.afterAll(async () => {
  // Leave the dataset as seeded for the specs that follow.
  const api = await editorApi();
  await removeEntries(api);
  await api.dispose();
});

/** Fails on any trace of a payload run or turned into markup: the flag, a dialog, an element or attribute, a script link. */
async function expectInert(page: Page, where: string, dialogs: string[]) {
  const found = await page.evaluate(() => {
    const elements = [...document.querySelectorAll("*")];
    return {
      flag: typeof (window as unknown as { __xss?: unknown }).__xss,
      handlers: elements.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.localName}[${a.name}]`)),
      // A payload's script would hold its own text alone (Next's inline scripts carry the data JSON-escaped).
      scripts: [...document.querySelectorAll("script")].filter((s) => ["window.__xss=1", "x"].includes(s.text.trim())).map((s) => s.outerHTML.slice(0, 100)),
      images: [...document.querySelectorAll("img")].filter((i) => i.getAttribute("src") === "x").length,
      svgs: [...document.querySelectorAll("svg")].filter((s) => s.hasAttribute("onload")).length,
      scriptLinks: elements.flatMap((el) =>
        ["href", "src", "action", "formaction", "xlink:href", "data"]
          .map((a) => el.getAttribute(a))
          .filter((v): v is string => v !== null && /^\s*(javascript|data|vbscript):/i.test(v) && !/^data:image\//i.test(v)),
      ),
      resolvedLinks: [...document.querySelectorAll("a, area")].map((a) => (a as HTMLAnchorElement).href).filter((h) => /^javascript:/i.test(h)),
    };
  });
  expect({ ...found, dialogs }, where).toEqual({ flag: "undefined", handlers: [], scripts: [], images: 0, svgs: 0, scriptLinks: [], resolvedLinks: [], dialogs: [] });
}

/** Each payload of `text` is on the page as the characters it is made of. */
async function expectShownAsText(where: Locator, text: string) {
  await expect(where).toContainText(text);
}

function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

test.use({ viewport: { width: 1280, height: 800 } });
// Each test opens several pages, each drawing the graph: room for a loaded machine, not a timing.
test.describe.configure({ timeout: 90_000 });

test("the explorer shows every payload as text: graph labels, tooltips, panels, list and search", async ({ page }) => {
  const dialogs = watchDialogs(page);
  await page.goto("/?date=2009");
  await waitForGraph(page, "2009");
  expect(await nodeLabel(page, "xss-a")).toBe(A_SHORT);
  expect(await nodeLabel(page, "xss-b")).toBe(B_SHORT);
  expect(await shownEdges(page)).toContain("xss-rel");

  // The tooltip of an actor pointed at on the canvas.
  const point = await page.evaluate(() => window.__graphProbe!.clientPoint("xss-b"));
  await page.mouse.move(point!.x, point!.y);
  const tip = page.getByTestId("graph-tooltip");
  await expect(tip).toHaveAttribute("data-for", "xss-b");
  await expectShownAsText(tip, B_SHORT);
  await expectShownAsText(tip, B_NAME);
  // And a relationship's, through its row in the list in words.
  const row = page.getByTestId("drawn-relationships").locator('li[data-id="xss-rel"]');
  await page.mouse.move(5, 5);
  await expect(tip).toHaveCount(0);
  await row.hover();
  await expect(tip).toHaveAttribute("data-for", "xss-rel");
  await expectShownAsText(tip, `${A_SHORT} → ${B_SHORT}`);
  await expectShownAsText(row, A_SHORT);
  await expectInert(page, "tooltips and the list", dialogs);

  // The actor's evidence: names over time, description, aliases.
  await clickElement(page, "xss-a");
  const panel = page.getByTestId("detail-panel");
  await expect(panel).toHaveAttribute("data-id", "xss-a");
  for (const text of [A_NAME, A_OLD_NAME, ALL, P.js, P.template, P.formula]) await expectShownAsText(panel, text);
  await expectInert(page, "actor panel", dialogs);

  // The relationship's evidence: summary, notes, place, citations and their source.
  await clickElement(page, "xss-rel");
  await expect(panel).toHaveAttribute("data-id", "xss-rel");
  for (const text of [SUMMARY, `+${ALL}`, `@${ALL}`, place.name, place.description, source.title, source.outlet, ALL]) await expectShownAsText(panel, text);
  await expectShownAsText(panel.getByTestId("citation").first(), P.svg);
  await expectInert(page, "relationship panel", dialogs);

  // The event's.
  await page.goto("/?date=2009&sel=event:xss-event");
  await waitForGraph(page, "2009");
  await expect(panel).toHaveAttribute("data-id", "xss-event");
  for (const text of [ALL, place.name, P.img]) await expectShownAsText(panel, text);
  await expectInert(page, "event panel", dialogs);

  // The search box offers the names as they are written, and choosing one selects the actor.
  const search = page.getByTestId("actor-search");
  await search.fill("<svg onload");
  const offered = page.locator("form[role=search] datalist option");
  await expect(offered.first()).toHaveAttribute("value", A_SHORT);
  expect(await offered.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(expect.arrayContaining([A_SHORT, A_OLD_NAME]));
  await search.fill(A_OLD_NAME);
  await search.press("Enter");
  await expect(panel).toHaveAttribute("data-id", "xss-a");
  await expectInert(page, "search", dialogs);
});

test("the table view and the reading tools show the names as text", async ({ page }) => {
  const dialogs = watchDialogs(page);
  await page.goto("/?date=2009&show=table");
  const table = page.getByTestId("table-view");
  await expect(page.getByTestId("table-relationships")).toBeVisible();
  for (const text of [A_SHORT, B_SHORT, SUMMARY]) await expectShownAsText(table, text);
  await expectInert(page, "tables", dialogs);

  // The reading tools name the actors too.
  for (const [query, date] of [
    ["date=2009&tool=compare&base=2007", "2009"],
    ["date=2009&tool=paths&source=xss-a&target=xss-b", "2009"],
    ["date=2009&tool=brokers", "2009"],
  ] as const) {
    await page.goto(`/?${query}`);
    await waitForGraph(page, date);
    await expectShownAsText(page.locator("main"), A_SHORT);
    await expectInert(page, query, dialogs);
  }
});

test("the history's diff, /changes and /data show payloads and the author's name as text", async ({ page }) => {
  const dialogs = watchDialogs(page);
  await page.goto("/?date=2009&sel=relationship:xss-rel");
  await waitForGraph(page, "2009");
  await page.getByTestId("detail-panel").getByRole("button", { name: "History" }).click();
  const history = page.getByTestId("history-panel");
  // Newest first; a worker restarted after a failure writes the entries again, so count no further.
  await expect(history.getByTestId("revision").nth(1)).toBeVisible();
  const update = history.locator('[data-testid="revision"][data-action="update"]').first();
  await expectShownAsText(update, EDITOR.name);
  await expectShownAsText(update, `${P.script} reworded`);
  const diff = update.locator('tr[data-field="summary"]');
  await expectShownAsText(diff.locator("del"), ALL);
  await expectShownAsText(diff.locator("ins"), SUMMARY);
  await expectInert(page, "history", dialogs);

  await page.goto("/changes");
  const changes = page.locator("main table");
  for (const text of [EDITOR.name, A_NAME, `${ALL} (adding xss-rel)`, `${P.script} reworded`]) await expectShownAsText(changes, text);
  await expectInert(page, "/changes", dialogs);

  await page.goto("/data");
  const data = page.locator("main");
  for (const text of [A_NAME, B_NAME, SUMMARY, source.title, P.svg]) await expectShownAsText(data, text);
  await expectInert(page, "/data", dialogs);
});

test("payloads in the page's own link are reported as text, and sign-in never follows a script or foreign address", async ({ page, browser }) => {
  const dialogs = watchDialogs(page);
  const query = new URLSearchParams({ date: "2009", sel: P.img, focus: P.svg, tool: P.script, show: P.template });
  await page.goto(`/?${query}`);
  await waitForGraph(page, "2009");
  const notice = page.getByText("Part of this link could not be read");
  for (const text of [`sel=${P.img}`, `focus=${P.svg}`, `tool=${P.script}`, `show=${P.template}`]) await expectShownAsText(notice, text);
  await expectInert(page, "a link with payloads", dialogs);

  // Signing in from a link whose next is a script or another site lands on the explorer.
  for (const next of [P.js, "//evil.example/", "/\\evil.example/"]) {
    const context = await browser.newContext({ baseURL: base });
    const fresh = await context.newPage();
    const freshDialogs = watchDialogs(fresh);
    await fresh.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await fresh.getByLabel("Email").fill(EDITOR.email);
    await fresh.getByLabel("Password").fill(PASSWORD);
    await fresh.getByRole("button", { name: "Sign in" }).click();
    await fresh.waitForURL((url) => url.origin === new URL(base).origin && url.pathname === "/");
    await expectInert(fresh, `sign-in with next=${next}`, freshDialogs);
    await context.close();
  }
});

test("a URL that is not http(s) is refused at write time with 400 naming the field", async () => {
  const api = await editorApi();
  const bad = [P.js, "JaVaScRiPt:window.__xss=1", " javascript:window.__xss=1", "data:text/html,<script>window.__xss=1</script>", "vbscript:msgbox(1)", "//evil.example/x"];
  for (const url of bad) {
    const res = await api.post("/api/sources", { data: { entity: { ...source, id: "xss-bad-source", url }, reason: "a script link" } });
    expect(res.status(), url).toBe(400);
    expect(await res.json(), url).toMatchObject({ field: "entity.url" });
  }
  const cite = await api.post("/api/relationships", {
    data: { entity: { ...relationship, id: "xss-bad-rel", citations: [{ ...citation, url: P.js }] }, reason: "a script link" },
  });
  expect(cite.status()).toBe(400);
  expect(await cite.json()).toMatchObject({ field: "entity.citations.0.url" });
  const eventCite = await api.post("/api/events", { data: { entity: { ...event, id: "xss-bad-event", citations: [{ ...citation, url: P.js }] }, reason: "a script link" } });
  expect(eventCite.status()).toBe(400);
  expect(await eventCite.json()).toMatchObject({ field: "entity.citations.0.url" });
  const current = await (await api.get("/api/sources/xss-source")).json();
  const patch = await api.patch("/api/sources/xss-source", { data: { version: current.version, reason: "a script link", entity: { ...current.entry, url: P.js } } });
  expect(patch.status()).toBe(400);
  expect(await patch.json()).toMatchObject({ field: "entity.url" });
  // The fields chosen from a vocabulary take only its words.
  for (const [kind, entity, field] of [
    ["actors", { ...actorA, id: "xss-bad-actor", kind: P.img }, "entity.kind"],
    ["relationships", { ...relationship, id: "xss-bad-rel", type: P.script }, "entity.type"],
  ] as const) {
    const res = await api.post(`/api/${kind}`, { data: { entity, reason: "a payload in a vocabulary field" } });
    expect(res.status(), field).toBe(400);
    expect(await res.json(), field).toMatchObject({ field });
  }
  // Nothing refused was stored, and the source kept its address.
  for (const refused of ["sources/xss-bad-source", "relationships/xss-bad-rel", "events/xss-bad-event", "actors/xss-bad-actor"]) {
    expect((await api.get(`/api/${refused}`)).status(), refused).toBe(404);
  }
  expect((await (await api.get("/api/sources/xss-source")).json()).entry.url).toBe(source.url);
  await api.dispose();
});

async function download(page: Page, trigger: () => Promise<void>): Promise<{ file: string; name: string }> {
  const [d]: [Download, void] = await Promise.all([page.waitForEvent("download"), trigger()]);
  const file = path.join(work, d.suggestedFilename());
  await d.saveAs(file);
  return { file, name: d.suggestedFilename() };
}

interface SvgReport {
  /** script-like elements, on* attributes and links that are not http(s) or a fragment. */
  bad: string[];
  /** All the text of the drawing's text elements, without white space (lines may wrap anywhere). */
  text: string;
}

/** Parses an SVG with Python's XML parser (strict: a file that is not well-formed fails the test). */
function inspectSvg(svg: string): SvgReport {
  return runPython(
    `import json, sys
import xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.buffer.read())
bad, text = [], []
for el in root.iter():
    tag = el.tag.split("}")[-1]
    if tag.lower() in ("script", "foreignobject", "iframe", "object", "embed", "handler", "set", "animate"):
        bad.append(tag)
    for k, v in el.attrib.items():
        name = k.split("}")[-1]
        if name.lower().startswith("on"):
            bad.append(tag + "@" + name)
        if name == "href" and not v.strip().lower().startswith(("http:", "https:", "#")):
            bad.append(tag + "@href=" + v)
    if tag == "text":
        text.append("".join(el.itertext()))
print(json.dumps({"bad": bad, "text": "".join("".join(text).split())}))`,
    svg,
  ) as SvgReport;
}

const squeeze = (s: string) => s.replace(/\s+/g, "");

test("pictures: the SVG snapshot and the figure carry names, headline and caption as text, with no script, handler or script link", async ({ page }) => {
  const dialogs = watchDialogs(page);
  await page.goto("/?date=2009&sel=relationship:xss-rel");
  await waitForGraph(page, "2009");
  const menu = page.getByTestId("export-menu");
  await menu.locator("summary").click();
  const snap = await download(page, () => menu.getByRole("button", { name: /^SVG/ }).click());
  const snapshot = inspectSvg(readFileSync(snap.file, "utf8"));
  expect(snapshot.bad).toEqual([]);
  expect(snapshot.text).toContain(squeeze(A_SHORT));
  expect(snapshot.text).toContain(squeeze(source.citedAs));
  const png = await download(page, () => menu.getByRole("button", { name: "PNG at 1×" }).click());
  expect(readFileSync(png.file).subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");

  await menu.getByRole("button", { name: "Figure for an article…" }).click();
  const dialog = page.getByRole("dialog", { name: "Figure for an article" });
  const headline = `${P.img} ${P.script} ${P.template}`;
  await dialog.getByLabel("Headline").fill(headline);
  await dialog.getByLabel("Caption").fill(ALL);
  await dialog.getByRole("radio", { name: "All ties" }).check();
  await dialog.getByRole("radio", { name: "SVG" }).check();
  // A script address for the printed link is refused in the dialog; nothing is saved.
  const link = dialog.getByLabel("Link to the view starts with");
  await link.fill(P.js);
  await expect(link).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByRole("button", { name: "Save figure" })).toBeDisabled();
  await expectInert(page, "figure dialog", dialogs);
  // An http address with markup after it is printed as text.
  await link.fill(`https://example.org/${P.script}`);
  const fig = await download(page, () => dialog.getByRole("button", { name: "Save figure" }).click());
  const figure = inspectSvg(readFileSync(fig.file, "utf8"));
  expect(figure.bad).toEqual([]);
  for (const text of [headline, ALL, A_SHORT, B_SHORT, P.script]) expect(figure.text).toContain(squeeze(text));
  await expectInert(page, "after the figure", dialogs);

  // A saved view whose file name is a payload: the name is reported as text.
  const cyjs = path.join(work, `${P.img}.cyjs`);
  writeFileSync(cyjs, JSON.stringify({ elements: { nodes: [], edges: [] } }));
  await page.getByTestId("open-saved-view").setInputFiles(cyjs);
  await expectShownAsText(menu.getByRole("status").first(), `${P.img}.cyjs cannot be opened`);
  await expectInert(page, "saved view", dialogs);
});

test("data exports: XML parses with the payloads as text, CSV guards formulas, JSON carries them verbatim", async ({ request }) => {
  const get = async (query: string) => {
    const res = await request.get(`/api/export?${query}`);
    expect(res.status(), query).toBe(200);
    return { text: await res.text(), type: res.headers()["content-type"] ?? "" };
  };

  for (const query of ["format=graphml&at=2009", "format=gexf&at=2009", "format=gexf"]) {
    const { text } = await get(query);
    // No payload closes an element or opens a script: every < of the data is escaped.
    expect(text, query).not.toMatch(/<script|<img|<svg|<\/desc>/i);
    const g = query.startsWith("format=graphml") ? readGraphML(text) : readGEXF(text);
    const a = g.nodes.find((n) => n.id === "xss-a")!;
    const b = g.nodes.find((n) => n.id === "xss-b")!;
    const e = g.edges.find((x) => x.id === "xss-rel")!;
    // The whole dataset's GEXF labels an actor with its first name in time, a view's with the name at its date.
    expect(a.label, query).toBe(query === "format=gexf" ? actorA.names[0]!.short : A_SHORT);
    expect(a.description, query).toBe(ALL);
    expect(b.label, query).toBe(B_SHORT);
    expect(b.description, query).toBe(`-${ALL}`);
    expect(e.summary, query).toBe(SUMMARY);
    expect(e.note, query).toBe(`@${ALL}`);
    expect(e.date_note, query).toBe(`+${ALL}`);
  }

  // CSV: a cell a spreadsheet would run as a formula starts with an apostrophe; nothing else changes.
  const runs = (cell: string) => /^[=+@\t\r]/.test(cell) || (cell.startsWith("-") && !/^-\d+(\.\d+)?$/.test(cell));
  for (const table of ["actors", "relationships"]) {
    const { text, type } = await get(`format=csv&at=2009&table=${table}`);
    expect(type).toMatch(/^text\/csv/);
    const { rows } = readCsv(text);
    const [header, ...body] = rows as [string[], ...string[][]];
    for (const row of body) for (const cell of row) expect(runs(cell), `${table}: ${cell}`).toBe(false);
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    if (table === "actors") {
      const b = body.find((r) => r[0] === "xss-b")!;
      expect(col(b, "label")).toBe(`'${B_SHORT}`);
      expect(col(b, "name")).toBe(`'${B_NAME}`);
      expect(col(b, "description")).toBe(`'-${ALL}`);
      expect(col(body.find((r) => r[0] === "xss-a")!, "description")).toBe(`'${ALL}`);
    } else {
      const e = body.find((r) => r[0] === "xss-rel")!;
      expect(col(e, "target_label")).toBe(`'${B_SHORT}`);
      expect(col(e, "note")).toBe(`'@${ALL}`);
      expect(col(e, "date_note")).toBe(`'+${ALL}`);
    }
  }

  // JSON: the text itself, as data, served as JSON.
  const cy = await get("format=json&at=2009");
  expect(cy.type).toMatch(/^application\/json/);
  const nodes = JSON.parse(cy.text).elements.nodes as { data: { id: string; label: string } }[];
  expect(nodes.find((n) => n.data.id === "xss-a")?.data.label).toBe(A_SHORT);
  const bundle = await get("format=bundle");
  expect(bundle.type).toMatch(/^application\/json/);
  const data = JSON.parse(bundle.text);
  expect(data.actors.find((a: { id: string }) => a.id === "xss-a")).toEqual(actorA);
  expect(data.sources.find((s: { id: string }) => s.id === "xss-source")).toEqual(source);
  expect(data.places.find((p: { id: string }) => p.id === "xss-place")).toEqual(place);
  expect(data.relationships.find((r: { id: string }) => r.id === "xss-rel")).toEqual({ ...relationship, summary: SUMMARY });
  expect(data.events.find((e: { id: string }) => e.id === "xss-event")).toEqual(event);
});

test("the edit pages hold payloads as values: the entry form, the merge after a 409 and the import preview", async ({ page, consoleErrors }) => {
  const dialogs = watchDialogs(page);
  await signedIn(page, EDITOR.email);
  await page.goto("/?date=2009&sel=actor:xss-a");
  await waitForGraph(page, "2009");
  await expectShownAsText(page.getByTestId("session"), EDITOR.name);
  const panel = page.getByTestId("detail-panel");
  await panel.getByRole("button", { name: "Edit actor" }).click();
  const actorForm = page.getByTestId("entry-form-actor");
  await expect(actorForm.getByLabel("Name").first()).toHaveValue(A_NAME);
  await expect(actorForm.getByLabel("Description")).toHaveValue(ALL);
  await expectInert(page, "actor form", dialogs);

  // A change made meanwhile: the merge view shows both summaries.
  await page.goto("/?date=2009&sel=relationship:xss-rel");
  await waitForGraph(page, "2009");
  await panel.getByRole("button", { name: "Edit relationship" }).click();
  const form = page.getByTestId("entry-form-relationship");
  await expect(form.getByLabel("Summary")).toHaveValue(SUMMARY);
  const api = await editorApi();
  const current = await (await api.get("/api/relationships/xss-rel")).json();
  const theirs = `${P.img} theirs ${P.template}`;
  expect((await api.patch("/api/relationships/xss-rel", { data: { version: current.version, reason: P.svg, entity: { ...current.entry, summary: theirs } } })).status()).toBe(200);
  await api.dispose();
  await form.getByLabel("Editors' note").fill(`${P.script} mine`);
  await form.getByLabel("Reason for the change").fill(P.img);
  await form.getByRole("button", { name: "Save changes" }).click();
  const merge = page.getByTestId("merge-view");
  await expect(merge).toBeVisible();
  expectRefusalLogged(consoleErrors, 409);
  await expectShownAsText(merge.locator('fieldset[data-field="summary"]'), theirs);
  await expectShownAsText(merge.locator('fieldset[data-field="note"]'), `${P.script} mine`);
  await expectInert(page, "merge view", dialogs);

  // The import preview: a payload in a cell that is added and in one that is refused.
  await page.goto("/edit/import");
  const csvCell = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const nodes = ["id,label,type,description", `xss-import,${csvCell(P.img)},person,${csvCell(ALL)}`, `xss-refused,${csvCell(P.svg)},${csvCell(P.script)},${csvCell(ALL)}`].join("\r\n");
  await page.getByLabel("nodes.csv (actors)").setInputFiles({ name: "nodes.csv", mimeType: "text/csv", buffer: Buffer.from(nodes) });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("refused-count")).toHaveText("1");
  await expectShownAsText(page.getByTestId("refusals"), P.script);
  await expectShownAsText(page.getByTestId("import-preview"), P.img);
  await expect(page.getByRole("button", { name: "Import all" })).toHaveCount(0);
  await expectInert(page, "import preview", dialogs);
});
