/**
 * Figures for an article: composed from hand-made scenes and from the seed's own views (read
 * through /api/export as the dialog reads them), checked for what a print figure needs and
 * rendered by rsvg-convert (Debian librsvg2-bin), a reader nobody here wrote.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { renderSvg } from "@/test/setup/rsvg";
import { loadedDatabaseFile, SEED_DATASET } from "@/test/setup/database";
import { sceneFromCytoscapeJson, type CyjsElements } from "./figure-scene";
import { absoluteViewLink, citedWorks, listYears, parseYears } from "./figure-works";
import { overlappingPairs, overlaps, type Rect } from "@/lib/graph/label-placement";
import { composeFigure, FIGURE_SHAPES, type FigureShape, type Scene, type SnapshotText } from "./snapshot-svg";

const words = (over: Partial<SnapshotText> = {}): SnapshotText => ({
  title: "Assad, the Baathists and the jihadists",
  period: "2009",
  filters: [],
  focus: null,
  worksCited: ["Neumann 2014"],
  worksScope: "highlighted",
  credit: `Actor network explorer. This view: ${absoluteViewLink("https://explorer.example.org/", "date=2009&tool=story&step=10")}`,
  ...over,
});


const boxOf = (s: string): Rect => {
  const [x1, y1, x2, y2] = s.split(" ").map(Number) as [number, number, number, number];
  return { x1, y1, x2, y2 };
};

/** Every label's and node's box on the sheet, by panel (boxes of different panels never meet: cells are apart). */
function boxes(svg: string) {
  const labels = [...svg.matchAll(/<g class="label" data-of="(\w+)" data-id="([^"]+)" data-box="([^"]+)"/g)].map((m) => ({ id: `${m[1]}:${m[2]}`, ...boxOf(m[3]!) }));
  const nodes = [...svg.matchAll(/<g class="node" data-id="([^"]+)" opacity="[^"]+" data-box="([^"]+)"/g)].map((m) => ({ id: m[1]!, ...boxOf(m[2]!) }));
  const cells = [...svg.matchAll(/<g class="graph"[^>]* data-cell="([^"]+)" data-content="([^"]+)"/g)].map((m) => ({ cell: boxOf(m[1]!), content: boxOf(m[2]!) }));
  return { labels, nodes, cells };
}

function expectNoCollisions(svg: string) {
  const { labels, nodes } = boxes(svg);
  expect(labels.length).toBeGreaterThan(0);
  expect(overlappingPairs(labels)).toEqual([]);
  const onNodes = labels.flatMap((l) => nodes.filter((n) => overlaps(l, n)).map((n) => `${l.id} on ${n.id}`));
  expect(onNodes).toEqual([]);
}

const node = (id: string, x: number, y: number, label = id) => ({
  id, kind: "government" as const, label, x, y, width: 40, height: 40, fill: "#8fa6c8", stroke: "#2b2f36", strokeWidth: 1.5, opacity: 1,
});
const edge = (id: string, a: { x: number; y: number }, b: { x: number; y: number }, over: Partial<Scene["edges"][number]> = {}) => ({
  id, from: a, controls: [], to: b, colour: "#2166ac", width: 2.5, dash: null, opacity: 1, arrowScale: 1.1, label: null,
  text: `${id} (2003 – 2009)`, polarity: "cooperative" as const, certainty: "documented" as const, structural: false, ended: false, ...over,
});

// A crowd: actors close together, many ties between them, long names.
const crowd: Scene = {
  nodes: Array.from({ length: 12 }, (_, i) => node(`actor-${i}`, (i % 4) * 300, Math.floor(i / 4) * 200, `Actor number ${i} with a long name`)),
  edges: Array.from({ length: 16 }, (_, i) => edge(`tie-${i}`, { x: (i % 4) * 300, y: Math.floor((i % 12) / 4) * 200 }, { x: ((i + 1) % 4) * 300, y: Math.floor(((i + 5) % 12) / 4) * 200 }, { highlighted: i < 3 })),
};

describe("composeFigure", () => {
  it("writes the headline, the caption, the title under the headline, the absolute link and whose works are cited", () => {
    const svg = composeFigure([{ scene: crowd }], words({ headline: "Damascus let them through", caption: "Ties of 2009: the 'rat line' & the safe houses." }), { background: "white", shape: "4:5" });
    expect(svg).toContain(">Damascus let them through</text>");
    expect(svg).toContain(">Assad, the Baathists and the jihadists · 2009 · 12 actors, 16 relationships</text>");
    expect(svg).toMatch(/class="caption"[^>]*>Ties of 2009: the &apos;rat line&apos; &amp; the safe houses.<\/text>/);
    expect(svg).toContain("This view: https://explorer.example.org/?date=2009&amp;tool=story&amp;step=10");
    expect(svg).toContain("Works cited (of the highlighted ties): Neumann 2014.");
    expect(composeFigure([{ scene: crowd }], words({ worksScope: "drawn" }), { background: "white" })).toContain("Works cited (of every tie drawn; nothing is highlighted): Neumann 2014.");
  });

  it("labels the highlighted ties, or all of them, or none, as asked", () => {
    const labelled = (svg: string) => boxes(svg).labels.filter((l) => l.id.startsWith("edge:")).map((l) => l.id).sort();
    const big = crowd;
    expect(labelled(composeFigure([{ scene: big }], words(), { background: "white" }))).toEqual(["edge:tie-0", "edge:tie-1", "edge:tie-2"]);
    const all = composeFigure([{ scene: big }], words(), { background: "white", edgeLabels: "all", shape: "1:1" });
    const left = /(\d+) labels? left out for lack of room/.exec(all);
    expect(labelled(all).length + Number(left?.[1] ?? 0)).toBe(16);
    expect(all).toContain(">tie-5 (2003 – 2009)</text>");
    expect(labelled(composeFigure([{ scene: big }], words(), { background: "white", edgeLabels: "none" }))).toEqual([]);
  });

  for (const shape of Object.keys(FIGURE_SHAPES) as FigureShape[]) {
    it(`fills a ${shape} sheet with the graph, without distortion, labels clear of each other and of the nodes`, () => {
      const svg = composeFigure([{ scene: crowd }], words({ caption: "A caption." }), { background: "white", shape, edgeLabels: "all" });
      const { width, height } = FIGURE_SHAPES[shape];
      expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`);
      expect(svg).toContain(`data-shape="${shape}"`);
      // One scale for x and y: the transform is a single factor.
      expect(svg).toMatch(/<g class="graph"[^>]*transform="translate\([\d.-]+ [\d.-]+\) scale\([\d.]+\)">/);
      const [{ cell, content }] = boxes(svg).cells as [{ cell: Rect; content: Rect }];
      // Cropped to content: the drawing spans its room in one direction at least (a little slack for labels that moved).
      const spanX = (content.x2 - content.x1) / (cell.x2 - cell.x1);
      const spanY = (content.y2 - content.y1) / (cell.y2 - cell.y1);
      expect(Math.max(spanX, spanY)).toBeGreaterThan(0.9);
      // And the room is most of the sheet: no quarter of it left empty.
      expect(((cell.x2 - cell.x1) * (cell.y2 - cell.y1)) / (width * height)).toBeGreaterThan(0.4);
      expectNoCollisions(svg);
      const out = renderSvg(svg);
      expect(out.status, out.stderr).toBe(0);
      expect([out.png!.width, out.png!.height]).toEqual([width, height]);
    });
  }
});

describe("works cited, links and years", () => {
  const worksOf = (id: string) => ({ a: ["Neumann 2014"], b: ["Weiss and Hassan 2015", "Neumann 2014"], c: ["Filkins 2014"] })[id] ?? [];
  it("cites only what is highlighted, with the tool's own sources, or every drawn tie when nothing is", () => {
    const edges = [{ id: "a" }, { id: "b", highlighted: true }, { id: "c" }];
    expect(citedWorks(edges, worksOf, ["Story source 2015"])).toEqual({ works: ["Neumann 2014", "Story source 2015", "Weiss and Hassan 2015"], scope: "highlighted" });
    expect(citedWorks(edges.map((e) => ({ id: e.id })), worksOf, [])).toEqual({ works: ["Filkins 2014", "Neumann 2014", "Weiss and Hassan 2015"], scope: "drawn" });
  });

  it("makes the link absolute and reads the years typed", () => {
    expect(absoluteViewLink("https://a.example/", "date=2009")).toBe("https://a.example/?date=2009");
    expect(absoluteViewLink("http://127.0.0.1:3000", "")).toBe("http://127.0.0.1:3000/");
    expect(parseYears("2014, 2003 2009;2007 2009")).toEqual({ years: ["2003", "2007", "2009", "2014"] });
    expect(parseYears("2003, 07")).toEqual({ error: '"07" is not a year (four digits, e.g. 2009)' });
    expect(listYears(["2003", "2007", "2009"])).toBe("2003, 2007 and 2009");
  });
});

describe("figures of the seed's own views", () => {
  let cyjs: (query: string) => Promise<{ elements: CyjsElements }>;
  beforeAll(async () => {
    process.env.DATABASE_URL = `file:${await loadedDatabaseFile(SEED_DATASET)}`;
    const { GET } = await import("@/app/api/export/route");
    cyjs = async (query) => (await GET(new Request(`http://localhost/api/export?format=json&${query}`), undefined as never)).json();
  });

  it("labels every tie of 2009 in every shape with no label on another or on an actor", async () => {
    const scene = sceneFromCytoscapeJson((await cyjs("at=2009")).elements);
    expect(scene.edges.length).toBeGreaterThan(20);
    for (const shape of Object.keys(FIGURE_SHAPES) as FigureShape[]) {
      const svg = composeFigure([{ scene }], words(), { background: "white", shape, edgeLabels: "all" });
      expectNoCollisions(svg);
      const placed = boxes(svg).labels.filter((l) => l.id.startsWith("node:")).length;
      expect(placed, `${shape}: every actor named`).toBe(scene.nodes.length);
      expect(renderSvg(svg).status).toBe(0);
    }
  });

  it("draws small multiples: one panel per year, same positions and scale, each titled, names at that year", async () => {
    const years = ["2003", "2007", "2009", "2014"];
    const panels = await Promise.all(years.map(async (y) => ({ title: y, scene: sceneFromCytoscapeJson((await cyjs(`at=${y}`)).elements) })));
    const svg = composeFigure(panels, words({ period: listYears(years) }), { background: "white", shape: "16:9" });
    expect(svg).toContain('data-panels="4"');
    for (const y of years) expect(svg).toMatch(new RegExp(`class="panel-title"[^>]*>${y}</text>`));
    const transforms = [...svg.matchAll(/<g class="graph" data-panel="(\d+)"[^>]*transform="translate\(([\d.-]+) ([\d.-]+)\) scale\(([\d.]+)\)"/g)];
    expect(transforms.map((m) => m[1])).toEqual(years);
    expect(new Set(transforms.map((m) => m[4])).size).toBe(1);
    // Same positions: an actor of two panels sits at the same place within each panel's cell.
    const cells = boxes(svg).cells;
    const where = (panel: number, id: string) => {
      const part = svg.split('<g class="graph"')[panel + 1]!;
      const b = boxOf(new RegExp(`<g class="node" data-id="${id}" [^>]*data-box="([^"]+)"`).exec(part)![1]!);
      return { x: Math.round(b.x1 - cells[panel]!.cell.x1), y: Math.round(b.y1 - cells[panel]!.cell.y1) };
    };
    expect(where(1, "assad-government")).toEqual(where(2, "assad-government"));
    // The jihadist lineage under its name of each year.
    const nameIn = (year: string) => {
      const part = new RegExp(`<g class="panel-labels" data-panel="${year}">([\\s\\S]*?)</g></g>`).exec(svg)?.[1] ?? "";
      const label = /data-of="node" data-id="islamic-state"[^>]*>(.*?)<\/g>/.exec(part + "</g>")?.[1];
      return label?.replace(/<[^>]+>/g, " ").trim() ?? null;
    };
    const names = Object.fromEntries(years.map((y) => [y, nameIn(y)]));
    
    expect(names["2009"]).toBe("ISI");
    expect(names["2007"]).toBe("ISI");
    expect(names["2014"]).toMatch(/^IS/);
    expectNoCollisions(svg);
    const out = renderSvg(svg);
    expect(out.status, out.stderr).toBe(0);
  });
});
