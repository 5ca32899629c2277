import { mkdirSync } from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { ACCOUNT_HOOK_MS, apiAs, deleteEntries, EDITOR, prepareAccount, signedIn } from "./editor-accounts";
import { expect, test } from "./fixtures";
import { SCREENSHOT_DIR, shownEdges, waitForGraph } from "./graph-probe";

/**
 * The spreadsheet import in the editor's UI: a nodes.csv/edges.csv pair of 500 ties made here, a
 * preview with a bad row named by file, row and column (and nothing written), then the fixed files
 * imported all at once: counted by the read API, listed on /changes, drawn at their dates. What it
 * adds is deleted afterwards, so the specs that follow find the dataset as seeded.
 */
const ACTORS = Array.from({ length: 30 }, (_, i) => `e2e-imp-group-${String(i + 1).padStart(2, "0")}`);
const STORE_ACTORS = ["iran", "turkey", "syrian-rebels", "islamic-state", "united-states"];
const TYPES = ["support", "hostility", "facilitation"] as const;
const TIES = 500;
const BAD_ROW = 137; // a spreadsheet's row number: the header is row 1
const REASON = "Importing the test network from a spreadsheet";

interface Tie {
  id: string;
  from: string;
  to: string;
  type: string;
  start: number;
  end: number | null;
}

const ties: Tie[] = Array.from({ length: TIES }, (_, k) => {
  const from = ACTORS[k % ACTORS.length]!;
  let to = k % 3 === 0 ? STORE_ACTORS[k % STORE_ACTORS.length]! : ACTORS[(k * 7 + 3) % ACTORS.length]!;
  if (to === from) to = ACTORS[(k + 1) % ACTORS.length]!;
  const start = 2003 + (k % 10);
  return { id: `e2e-imp-tie-${String(k + 1).padStart(3, "0")}`, from, to, type: TYPES[k % TYPES.length]!, start, end: k % 4 === 0 ? start + 2 : null };
});

const nodesCsv = ["id,label,type,description", ...ACTORS.map((id, i) => `${id},E2E Import Group ${i + 1},militant-organisation,A group made up for the import test.`)].join("\r\n");

function edgesCsv(badStart?: string): string {
  const rows = ties.map((t, k) => {
    const start = k + 2 === BAD_ROW && badStart !== undefined ? badStart : String(t.start);
    return [t.id, t.from, t.to, t.type, start, t.end ?? "", "reported", `A tie made up for the import test (number ${k + 1}).`, "chulov-2014", "12", "Reports the tie for this test."].join(",");
  });
  return ["id,from,to,type,start,end,certainty,summary,source,pages,note", ...rows].join("\r\n");
}

async function count(api: APIRequestContext, kind: "relationships" | "actors"): Promise<number> {
  const res = await api.get(`/api/${kind}`);
  expect(res.ok()).toBe(true);
  const body = await res.json();
  return (Array.isArray(body) ? body : body[kind]).length;
}

async function choose(page: Page, edges: string) {
  await page.getByLabel("nodes.csv (actors)").setInputFiles({ name: "nodes.csv", mimeType: "text/csv", buffer: Buffer.from(nodesCsv) });
  await page.getByLabel("edges.csv (relationships)").setInputFiles({ name: "edges.csv", mimeType: "text/csv", buffer: Buffer.from(edges) });
}

test.beforeAll(async ({}, info) => {
  test.setTimeout(ACCOUNT_HOOK_MS);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await prepareAccount(String(info.project.use.baseURL));
});

test.afterAll(async () => {
  // Five hundred deletes, one request each.
  test.setTimeout(600_000);
  const api = await apiAs(EDITOR.email);
  await deleteEntries(api, [...ties.map((t): [string, string] => ["relationships", t.id]), ...ACTORS.map((id): [string, string] => ["actors", id])]);
  await api.dispose();
});

test("500 ties from nodes.csv and edges.csv: a bad row is named and nothing is written, the fixed files import all at once", async ({ page }) => {
  test.setTimeout(300_000);
  const api = await apiAs(null);
  const before = { relationships: await count(api, "relationships"), actors: await count(api, "actors") };

  await signedIn(page);
  await page.goto("/edit/import");
  await choose(page, edgesCsv("sometime"));
  await page.getByLabel("Reason for the import").fill(REASON);
  await page.getByRole("button", { name: "Preview" }).click();

  // The preview: what would be added, and the one refused row by file, row and column.
  const summary = page.getByTestId("import-summary");
  await expect(page.getByTestId("refused-count")).toHaveText("1");
  await expect(summary).toContainText("30 actors");
  const problem = page.getByTestId("refusals").locator("tbody tr");
  await expect(problem).toHaveCount(1);
  await expect(problem.locator("td").nth(0)).toHaveText("edges.csv");
  await expect(problem.locator("td").nth(1)).toHaveText(String(BAD_ROW));
  await expect(problem.locator("td").nth(2)).toHaveText("start");
  await expect(problem.locator("td").nth(3)).toHaveText("sometime");
  await page.getByTestId("import-preview").screenshot({ path: `${SCREENSHOT_DIR}/import-preview.png` });

  // All or nothing: no Import button while a row is refused, and nothing was written.
  await expect(page.getByRole("button", { name: "Import all" })).toHaveCount(0);
  expect(await count(api, "relationships")).toBe(before.relationships);
  expect(await count(api, "actors")).toBe(before.actors);
  expect((await api.get(`/api/actors/${ACTORS[0]}`)).status()).toBe(404);

  // Fixed: the whole plan, then Import all.
  await choose(page, edgesCsv());
  await expect(summary).toHaveCount(0); // a new choice of files needs a new preview
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("refused-count")).toHaveText("0");
  await expect(summary).toContainText(`30 actors, ${TIES} relationships and 0 sources added`);
  await page.getByRole("button", { name: "Import all" }).click();
  await expect(page.getByRole("status")).toContainText("Imported", { timeout: 120_000 });

  expect(await count(api, "relationships")).toBe(before.relationships + TIES);
  expect(await count(api, "actors")).toBe(before.actors + ACTORS.length);

  // /changes: the import's revisions, by the editor who imported, with the reason given.
  await page.goto("/changes");
  const newest = page.getByRole("row").nth(1);
  await expect(newest).toContainText(EDITOR.name);
  await expect(newest).toContainText(REASON);
  await expect(newest).toContainText("added relationship");

  // The graph draws the new ties at their dates: begun and not ended by 2008, not yet begun ones left out.
  await page.goto("/?date=2008");
  // Five times the seeded network takes longer to draw on a loaded machine than the usual wait allows.
  await expect(page.getByTestId("network-graph")).toHaveAttribute("data-graph-state", "ready", { timeout: 60_000 });
  await waitForGraph(page, "2008");
  const drawn = new Set(await shownEdges(page));
  const due = ties.filter((t) => t.start <= 2008 && (t.end === null || t.end >= 2008)).map((t) => t.id);
  const notYet = ties.filter((t) => t.start > 2008).map((t) => t.id);
  expect(due.filter((id) => !drawn.has(id))).toEqual([]);
  expect(notYet.filter((id) => drawn.has(id))).toEqual([]);
  await api.dispose();
});
