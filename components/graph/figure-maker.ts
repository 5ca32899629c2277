/**
 * Makes a picture of the view for the Export menu and the figure dialog: reads the view's words and
 * each tie's works from /api/export (the view's Cytoscape JSON) and /api/sources, and for small
 * multiples each year's network at the view's filters and focus; cites the works of what is
 * highlighted (or of every tie drawn when nothing is, and says which); links the view by its
 * absolute address; composes the sheet (lib/export/snapshot-svg.ts) and rasterises it for PNG.
 */
import { getJson } from "@/lib/api/client";
import type { ApiSource } from "@/lib/api/types";
import { exportFileName, FILE_STEM } from "@/lib/export/context";
import { sceneFromCytoscapeJson, type CyjsElements } from "@/lib/export/figure-scene";
import { absoluteViewLink, citedWorks, listYears } from "@/lib/export/figure-works";
import { svgPictureBlob, type PngScale } from "@/lib/export/picture";
import { composeFigure, FIGURE_SHAPES, type EdgeLabels, type FigurePanel, type FigureShape, type Scene } from "@/lib/export/snapshot-svg";

export interface FigureRequest {
  headline: string;
  caption: string;
  shape: FigureShape;
  edgeLabels: EdgeLabels;
  /** Small multiples: one panel per year; empty for the view itself. */
  years: string[];
  /** What the link to the view starts with: the site's address ("https://example.org"). */
  base: string;
  background: "white" | "transparent";
  format: "svg" | "png";
  scale: PngScale;
}

export interface FigureContext {
  /** The /api/export query of the view (window, filters, focus). */
  query: URLSearchParams;
  /** The explorer query of the view as the reader sees it. */
  viewLink: string;
  /** What the graph draws now. */
  scene: Scene;
  reading: { notes: string[]; worksCited: string[] } | null;
}

/** The context words every export of the view shares, as the server writes them. */
interface ViewJson {
  data: { title: string; period: string; filters: string[]; focus: string | null; works_cited: string[] };
  elements: CyjsElements;
}

async function viewJson(query: URLSearchParams): Promise<{ json: ViewJson; stem: string }> {
  const q = new URLSearchParams(query);
  q.set("format", "json");
  const response = await fetch(`/api/export?${q.toString().replaceAll("%2C", ",")}`);
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "network.cyjs";
  return { json: (await response.json()) as ViewJson, stem: name.replace(/\.cyjs$/, "") };
}

const CREDIT = `Actor network explorer: every relationship dated and cited, encoded from the article "Assad's link to ISIS".`;

export async function makeFigure(req: FigureRequest, ctx: FigureContext): Promise<{ blob: Blob; name: string }> {
  const [{ json, stem }, sources] = await Promise.all([viewJson(ctx.query), getJson<{ sources: ApiSource[] }>("/api/sources")]);
  const citedAs = new Map(sources.sources.map((s) => [s.id, s.citedAs]));
  const works = new Map<string, string[]>();
  const learn = (elements: CyjsElements) => {
    for (const e of elements.edges) works.set(e.data.id, (e.data.sources ?? []).map((id) => citedAs.get(id) ?? id));
  };
  learn(json.elements);

  let panels: FigurePanel[];
  if (req.years.length) {
    // The page's highlights carry over to every year that has them.
    const lit = new Set(ctx.scene.edges.filter((e) => e.highlighted).map((e) => e.id));
    panels = await Promise.all(
      req.years.map(async (year) => {
        const q = new URLSearchParams(ctx.query);
        for (const k of ["at", "from", "to"]) q.delete(k);
        q.set("at", year);
        const { json: one } = await viewJson(q);
        learn(one.elements);
        return { title: year, scene: sceneFromCytoscapeJson(one.elements, lit) };
      }),
    );
  } else panels = [{ scene: ctx.scene }];

  const cited = citedWorks(
    panels.flatMap((p) => p.scene.edges),
    (id) => works.get(id) ?? [],
    ctx.reading?.worksCited ?? [],
  );
  const svg = composeFigure(
    panels,
    {
      title: json.data.title,
      period: req.years.length ? listYears(req.years) : json.data.period,
      filters: json.data.filters,
      focus: json.data.focus,
      notes: req.years.length ? [] : (ctx.reading?.notes ?? []),
      headline: req.headline,
      caption: req.caption,
      worksCited: cited.works,
      worksScope: cited.scope,
      credit: `${CREDIT} This view: ${absoluteViewLink(req.base, ctx.viewLink)}`,
    },
    { background: req.background, shape: req.shape, edgeLabels: req.edgeLabels },
  );
  const blob = await svgPictureBlob(svg, FIGURE_SHAPES[req.shape], req);
  return { blob, name: figureFileName(stem, req) };
}

/** The menu's own pictures keep their names (`…-2009@2x.png`); a figure says its shape, and small multiples their years. */
function figureFileName(stem: string, req: FigureRequest): string {
  const shape = req.shape === "16:9" ? "" : `-${req.shape.replace(":", "x")}`;
  const base = req.years.length ? `${FILE_STEM}-${req.years.join("-")}${shape}` : `${stem}${shape}`;
  return exportFileName(base, req.format, { scale: req.scale });
}
