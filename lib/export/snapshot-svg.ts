/**
 * The picture export: one SVG sheet holding the graph as drawn (shapes, curves, colours, dashes and
 * fades read off Cytoscape), a headline, the period, the filters, a legend of what is on the sheet,
 * a caption, the works cited and the absolute link to the view. Text stays text, so a paper can
 * quote it and a slide can scale it. The PNG export rasterises this same sheet, so the two never differ.
 *
 * A figure is one panel (the view) or several (small multiples: one per year, at the same positions
 * and the same scale), on a sheet of 16:9, 4:5 or 1:1. The sheet is cropped to what is drawn: the
 * graph is scaled to fill the room the words and the key leave, and the key goes beside or under it,
 * whichever leaves the graph larger. Labels are placed so that none covers another or a node
 * (lib/graph/label-placement.ts, at the places lib/export/figure-labels.ts offers); a tie label with
 * no room is left out, and the sheet says how many.
 * Pure: the scene comes in as plain data, so it is tested (and checked by rsvg-convert) without a page.
 */
import type { ChangeMark } from "../graph/style";
import type { ActorKind, Certainty, Polarity } from "../model/vocabulary";
import { KIND_STYLES } from "../graph/style";
import { columnHeight, LEGEND_BLOCK_WIDTH, legendBlocks, rowsLayout, type LegendBlock } from "./figure-legend";
import { placeLabels, type LabelRequest, type Rect } from "../graph/label-placement";
import { edgeLabelCandidates, nodeLabelCandidates } from "./figure-labels";
import { escapeAttr as escapeXml } from "./xml";

export interface Point {
  x: number;
  y: number;
}

export interface SceneNode {
  id: string;
  kind: ActorKind;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  stroke: string;
  strokeWidth: number;
  opacity: number;
}

export interface SceneEdge {
  id: string;
  /** The actors it joins, when known: a figure names the busiest actors first. */
  source?: string;
  target?: string;
  /** Where the line leaves the source, its control points (none for a straight line), where it meets the target. */
  from: Point;
  controls: Point[];
  to: Point;
  colour: string;
  width: number;
  dash: readonly number[] | null;
  opacity: number;
  arrowScale: number;
  /** Written on the edge as the page shows it (the selected or highlighted ones), or null. */
  label: string | null;
  /** The tie's words ("supports (2003 – 2009)"), shown or not: what a figure writes when it labels every tie. */
  text?: string;
  /** Brought forward by the view: a story step's or a path's tie, the triangle's, the selection, a comparison's mark. */
  highlighted?: boolean;
  polarity: Polarity;
  certainty: Certainty;
  structural: boolean;
  ended: boolean;
  /** The halo drawn under the line (a comparison's mark, the selection), if any. */
  halo?: { colour: string; opacity: number; padding: number } | null;
  /** What the comparison of two dates says of it, if comparing. */
  mark?: ChangeMark | null;
}

export interface Scene {
  nodes: SceneNode[];
  edges: SceneEdge[];
}

export interface SnapshotText {
  title: string;
  period: string;
  filters: string[];
  focus: string | null;
  /** What the reading tool adds to the view: the story step, the two dates compared, the chains. */
  notes?: string[];
  /** The user's headline (in place of the title, which then goes under it) and caption. */
  headline?: string | null;
  caption?: string | null;
  worksCited: string[];
  /** Whose works these are: the highlighted ties', or every drawn tie's as nothing is highlighted. */
  worksScope?: "highlighted" | "drawn" | null;
  /** Where the data comes from, and how to reopen the view. */
  credit: string;
}

export type FigureShape = "16:9" | "4:5" | "1:1";
export type EdgeLabels = "highlighted" | "all" | "none";

/** The sheets, in CSS pixels at 1×: a slide, a portrait page or post, a square. */
export const FIGURE_SHAPES: Record<FigureShape, { width: number; height: number }> = {
  "16:9": { width: 1600, height: 900 },
  "4:5": { width: 1200, height: 1500 },
  "1:1": { width: 1200, height: 1200 },
};
export const SHEET = FIGURE_SHAPES["16:9"];

export interface SheetOptions {
  background: "white" | "transparent";
  /** 16:9 unless said. */
  shape?: FigureShape;
  /** Which ties carry their words: the highlighted ones (the default), all, or none. */
  edgeLabels?: EdgeLabels;
}

/** One panel of a figure: the view, or one year of small multiples, titled. */
export interface FigurePanel {
  scene: Scene;
  title?: string | null;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const INK = "#1d2330";
const MUTED = "#5b6472";
const MARGIN = 28;
/** Average glyph width of the sans-serif stack, in ems: enough to wrap lines and size labels without measuring. */
const EM_WIDTH = 0.56;
/** Bold labels run wider. */
const EM_WIDTH_BOLD = 0.62;
const MAX_SCALE = 2.5;
const PANEL_TITLE = 34;
const PANEL_GAP = 24;

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
const n2 = (v: number) => String(Math.round(v * 100) / 100);

/** Greedy word wrap to a width in characters. */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function text(x: number, y: number, content: string, attrs: string): string {
  return `<text x="${n2(x)}" y="${n2(y)}" ${attrs}>${escapeXml(content)}</text>`;
}

function polygonPoints(points: readonly number[], cx: number, cy: number, w: number, h: number): string {
  const out: string[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) out.push(`${n2(cx + (points[i]! * w) / 2)},${n2(cy + (points[i + 1]! * h) / 2)}`);
  return out.join(" ");
}

/** The path Cytoscape draws for a bezier edge: one quadratic piece per control point, joined at midpoints. */
export function edgePath(from: Point, controls: Point[], to: Point): string {
  if (controls.length === 0) return `M${n2(from.x)},${n2(from.y)} L${n2(to.x)},${n2(to.y)}`;
  let d = `M${n2(from.x)},${n2(from.y)}`;
  for (let i = 0; i < controls.length; i++) {
    const c = controls[i]!;
    const next = controls[i + 1];
    const end = next ? { x: (c.x + next.x) / 2, y: (c.y + next.y) / 2 } : to;
    d += ` Q${n2(c.x)},${n2(c.y)} ${n2(end.x)},${n2(end.y)}`;
  }
  return d;
}

/** Points along the same curve, for placing a label on it. */
function edgePolyline(e: Pick<SceneEdge, "from" | "controls" | "to">): Point[] {
  const out: Point[] = [e.from];
  let start = e.from;
  for (let i = 0; i < e.controls.length; i++) {
    const c = e.controls[i]!;
    const next = e.controls[i + 1];
    const end = next ? { x: (c.x + next.x) / 2, y: (c.y + next.y) / 2 } : e.to;
    for (let s = 1; s <= 8; s++) {
      const t = s / 8;
      out.push({ x: (1 - t) ** 2 * start.x + 2 * (1 - t) * t * c.x + t ** 2 * end.x, y: (1 - t) ** 2 * start.y + 2 * (1 - t) * t * c.y + t ** 2 * end.y });
    }
    start = end;
  }
  if (!e.controls.length) out.push(e.to);
  return out;
}

function drawEdge(e: SceneEdge): string {
  const last = e.controls.at(-1) ?? e.from;
  const dx = e.to.x - last.x;
  const dy = e.to.y - last.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  // Cytoscape's triangle arrow grows with the line's width; the line stops at its base.
  const arrowLength = Math.max(7, e.width * 3) * e.arrowScale;
  const arrowHalf = arrowLength * 0.55;
  const base = { x: e.to.x - ux * arrowLength, y: e.to.y - uy * arrowLength };
  const dash = e.dash ? ` stroke-dasharray="${e.dash.map((d) => n2(d * Math.max(1, e.width / 2.5))).join(" ")}"` : "";
  return [
    `<g class="edge" data-id="${escapeXml(e.id)}"${e.mark ? ` data-mark="${e.mark}"` : ""} opacity="${n2(e.opacity)}">`,
    e.halo
      ? `<path d="${edgePath(e.from, e.controls, e.to)}" fill="none" stroke="${e.halo.colour}" stroke-opacity="${n2(e.halo.opacity)}" stroke-width="${n2(e.width + 2 * e.halo.padding)}" stroke-linecap="round"/>`
      : "",
    `<path d="${edgePath(e.from, e.controls, base)}" fill="none" stroke="${e.colour}" stroke-width="${n2(e.width)}" stroke-linecap="round"${dash}/>`,
    `<polygon points="${n2(e.to.x)},${n2(e.to.y)} ${n2(base.x - uy * arrowHalf)},${n2(base.y + ux * arrowHalf)} ${n2(base.x + uy * arrowHalf)},${n2(base.y - ux * arrowHalf)}" fill="${e.colour}"/>`,
    "</g>",
  ].join("");
}

function drawNode(n: SceneNode, box: Rect): string {
  const points = KIND_STYLES[n.kind]?.points;
  const shape = points
    ? `<polygon points="${polygonPoints(points, n.x, n.y, n.width, n.height)}"`
    : `<ellipse cx="${n2(n.x)}" cy="${n2(n.y)}" rx="${n2(n.width / 2)}" ry="${n2(n.height / 2)}"`;
  return (
    `<g class="node" data-id="${escapeXml(n.id)}" opacity="${n2(n.opacity)}" data-box="${[box.x1, box.y1, box.x2, box.y2].map(n2).join(" ")}">` +
    `${shape} fill="${n.fill}" stroke="${n.stroke}" stroke-width="${n2(n.strokeWidth)}"/></g>`
  );
}

/** What a label needs: its lines and its size on the sheet. */
interface LabelText {
  lines: string[];
  size: number;
  weight: 400 | 600;
  width: number;
  height: number;
}

function labelText(content: string, size: number, weight: 400 | 600, wrapAt: number | null): LabelText {
  const lines = wrapAt ? wrapWords(content, wrapAt) : [content];
  const em = weight === 600 ? EM_WIDTH_BOLD : EM_WIDTH;
  return { lines, size, weight, width: Math.max(...lines.map((l) => l.length), 1) * size * em + 4, height: lines.length * size * 1.2 + 2 };
}

/** How a panel's model coordinates map onto the sheet. */
interface Transform {
  k: number;
  tx: number;
  ty: number;
}

interface Fit {
  k: number;
  /** The content's extent at that scale, relative to the model origin scaled. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The largest scale (up to MAX_SCALE) at which every node with its label under it and every edge
 * fits a width × height box. Labels keep their size on the sheet while the graph scales, so the
 * extent is not proportional to the scale: found by bisection (it only grows with the scale).
 */
function fitScale(scenes: readonly Scene[], labels: readonly ReadonlyMap<string, LabelText>[], width: number, height: number): Fit {
  const extent = (k: number) => {
    const e = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
    scenes.forEach((s, i) => {
      for (const n of s.nodes) {
        const l = labels[i]?.get(n.id) ?? { width: 0, height: 0 };
        const half = Math.max((n.width * k) / 2, l.width / 2);
        e.x1 = Math.min(e.x1, n.x * k - half);
        e.x2 = Math.max(e.x2, n.x * k + half);
        e.y1 = Math.min(e.y1, n.y * k - (n.height * k) / 2);
        e.y2 = Math.max(e.y2, n.y * k + (n.height * k) / 2 + 3 + l.height);
      }
      for (const ed of s.edges) {
        for (const p of [ed.from, ed.to, ...ed.controls]) {
          e.x1 = Math.min(e.x1, p.x * k);
          e.x2 = Math.max(e.x2, p.x * k);
          e.y1 = Math.min(e.y1, p.y * k);
          e.y2 = Math.max(e.y2, p.y * k);
        }
      }
    });
    return Number.isFinite(e.x1) ? e : { x1: 0, y1: 0, x2: 1, y2: 1 };
  };
  const fits = (k: number) => {
    const e = extent(k);
    return e.x2 - e.x1 <= width && e.y2 - e.y1 <= height;
  };
  let lo = 0.001;
  let hi = MAX_SCALE;
  if (fits(hi)) lo = hi;
  else for (let i = 0; i < 40; i++) (fits((lo + hi) / 2) ? (lo = (lo + hi) / 2) : (hi = (lo + hi) / 2));
  return { k: lo, ...extent(lo) };
}

interface Arrangement {
  legend: "right" | "below";
  cols: number;
  rows: number;
  cell: { width: number; height: number };
  fit: Fit;
  legendHeight: number;
}

/** Tries the key beside and under the graph, and every number of columns of panels; keeps the largest graph. */
function arrange(area: Rect, panels: readonly FigurePanel[], blocks: readonly LegendBlock[], labels: readonly ReadonlyMap<string, LabelText>[]): Arrangement {
  const scenes = panels.map((p) => p.scene);
  const titled = panels.length > 1 || panels.some((p) => p.title);
  let best: Arrangement | null = null;
  for (const legend of ["right", "below"] as const) {
    const legendHeight = legend === "right" ? columnHeight(blocks) : rowsLayout(blocks, area.x2 - area.x1).height;
    const room = legend === "right" ? { w: area.x2 - area.x1 - LEGEND_BLOCK_WIDTH - 16, h: area.y2 - area.y1 } : { w: area.x2 - area.x1, h: area.y2 - area.y1 - legendHeight - 16 };
    // A key taller than the room beside the graph does not go there.
    if (legend === "right" && legendHeight > area.y2 - area.y1) continue;
    for (let cols = 1; cols <= panels.length; cols++) {
      const rows = Math.ceil(panels.length / cols);
      const cell = { width: (room.w - (cols - 1) * PANEL_GAP) / cols, height: (room.h - (rows - 1) * PANEL_GAP) / rows - (titled ? PANEL_TITLE : 0) };
      if (cell.width <= 20 || cell.height <= 20) continue;
      const fit = fitScale(scenes, labels, cell.width, cell.height);
      if (!best || fit.k > best.fit.k * 1.001) best = { legend, cols, rows, cell, fit, legendHeight };
    }
  }
  return best ?? { legend: "below", cols: 1, rows: panels.length, cell: { width: 1, height: 1 }, fit: { k: 1, x1: 0, y1: 0, x2: 1, y2: 1 }, legendHeight: 0 };
}

export function composeSnapshotSvg(scene: Scene, words: SnapshotText, options: SheetOptions): string {
  return composeFigure([{ scene }], words, options);
}

/** Which ties of a scene carry their words on the sheet. */
function labelledEdges(scene: Scene, mode: EdgeLabels): SceneEdge[] {
  if (mode === "none") return [];
  return scene.edges.filter((e) => (e.text ?? e.label) && (mode === "all" || e.highlighted || e.label !== null));
}

export function composeFigure(panels: readonly FigurePanel[], words: SnapshotText, options: SheetOptions): string {
  const shape = options.shape ?? "16:9";
  const edgeLabels = options.edgeLabels ?? "highlighted";
  const { width: W, height: H } = FIGURE_SHAPES[shape];
  const single = panels.length === 1 ? panels[0]!.scene : null;
  const nodeFont = single ? 14 : 11;

  // Header: the headline (the user's, or the title), the period with its counts, filters, the tool's notes.
  const header: string[] = [];
  let y = MARGIN;
  const headline = words.headline?.trim() || words.title;
  for (const l of wrapWords(headline, Math.floor((W - 2 * MARGIN) / (28 * EM_WIDTH_BOLD)))) {
    header.push(text(MARGIN, y + 26, l, `font-size="28" font-weight="700" fill="${INK}"`));
    y += 34;
  }
  const counts = single ? ` · ${count(single.nodes.length, "actor")}, ${count(single.edges.length, "relationship")}` : "";
  header.push(text(MARGIN, y + 22, `${words.headline?.trim() ? `${words.title} · ` : ""}${words.period}${counts}`, `font-size="19" fill="${INK}"`));
  y += 30;
  const conditions = [...words.filters, ...(words.focus ? [`Only the ties of: ${words.focus}`] : [])];
  if (conditions.length) {
    header.push(text(MARGIN, y + 16, `Shown: ${conditions.join(" · ")}`, `font-size="13" fill="${MUTED}"`));
    y += 22;
  }
  for (const note of words.notes ?? []) {
    header.push(text(MARGIN, y + 16, note, `font-size="14" fill="${INK}"`));
    y += 22;
  }
  const headerBottom = y;

  // Footer: the caption, the works cited (and whose), then the credit with the link.
  const chars = (size: number) => Math.floor((W - 2 * MARGIN) / (size * EM_WIDTH));
  const captionLines = words.caption?.trim() ? wrapWords(words.caption.trim(), chars(15)) : [];
  const whose = words.worksScope === "highlighted" ? " (of the highlighted ties)" : words.worksScope === "drawn" ? " (of every tie drawn; nothing is highlighted)" : "";
  const cited = words.worksCited.length ? `Works cited${whose}: ${words.worksCited.join("; ")}.` : "Works cited: none (no relationship shown).";
  const citedLines = wrapWords(cited, chars(12));
  const creditLines = wrapWords(words.credit, chars(12));

  // Labels keep their size whatever the scale: actors' names, then the ties' words.
  // Per panel: an actor's name is the one of that panel's year.
  const nodeLabels = panels.map((p) => new Map(p.scene.nodes.filter((n) => n.label).map((n) => [n.id, labelText(n.label, nodeFont, 600, 18)])));
  const blocks = legendBlocks({
    kinds: [...new Set(panels.flatMap((p) => p.scene.nodes.map((n) => n.kind)))],
    edges: panels.flatMap((p) => p.scene.edges),
  });

  const compose = (noteLine: string | null) => {
    const footerHeight = (captionLines.length ? captionLines.length * 20 + 8 : 0) + (citedLines.length + creditLines.length) * 16 + (noteLine ? 18 : 0);
    const footerTop = H - MARGIN - footerHeight;
    const area = { x1: MARGIN, y1: headerBottom + 12, x2: W - MARGIN, y2: footerTop - 12 };
    const a = arrange(area, panels, blocks, nodeLabels);
    const titled = panels.length > 1 || panels.some((p) => p.title);
    const graphs: string[] = [];
    const labelSvg: string[] = [];
    let leftOut = 0;
    panels.forEach((panel, i) => {
      const col = i % a.cols;
      const row = Math.floor(i / a.cols);
      const cell = {
        x1: area.x1 + col * (a.cell.width + PANEL_GAP),
        y1: area.y1 + row * (a.cell.height + (titled ? PANEL_TITLE : 0) + PANEL_GAP) + (titled ? PANEL_TITLE : 0),
      };
      const cellRect = { ...cell, x2: cell.x1 + a.cell.width, y2: cell.y1 + a.cell.height };
      const t: Transform = {
        k: a.fit.k,
        tx: cell.x1 + (a.cell.width - (a.fit.x2 - a.fit.x1)) / 2 - a.fit.x1,
        ty: cell.y1 + (a.cell.height - (a.fit.y2 - a.fit.y1)) / 2 - a.fit.y1,
      };
      const drawn = drawPanel(panel, t, cellRect, nodeLabels[i]!, edgeLabels, nodeFont);
      leftOut += drawn.leftOut;
      if (titled) {
        const sub = `${count(panel.scene.nodes.length, "actor")}, ${count(panel.scene.edges.length, "relationship")}`;
        graphs.push(
          text(cellRect.x1, cellRect.y1 - PANEL_TITLE + 20, panel.title ?? "", `class="panel-title" font-size="20" font-weight="700" fill="${INK}"`) +
            text(cellRect.x1 + ((panel.title ?? "").length + 1) * 20 * EM_WIDTH_BOLD, cellRect.y1 - PANEL_TITLE + 20, sub, `font-size="13" fill="${MUTED}"`),
        );
      }
      graphs.push(drawn.graph);
      labelSvg.push(`<g class="panel-labels"${panel.title ? ` data-panel="${escapeXml(panel.title)}"` : ""}>${drawn.labels}</g>`);
    });

    const legendSvg: string[] = [];
    if (a.legend === "right") {
      let ly = area.y1;
      for (const b of blocks) {
        legendSvg.push(b.draw(W - MARGIN - LEGEND_BLOCK_WIDTH, ly));
        ly += b.height + 12;
      }
    } else {
      const { at } = rowsLayout(blocks, area.x2 - area.x1);
      const top = area.y1 + a.rows * (a.cell.height + (titled ? PANEL_TITLE : 0)) + (a.rows - 1) * PANEL_GAP + 16;
      blocks.forEach((b, i) => legendSvg.push(b.draw(area.x1 + at[i]!.x, top + at[i]!.y)));
    }

    const footer: string[] = [];
    let fy = footerTop;
    if (noteLine) {
      footer.push(text(MARGIN, fy + 12, noteLine, `font-size="12" fill="${MUTED}"`));
      fy += 18;
    }
    for (const l of captionLines) {
      footer.push(text(MARGIN, fy + 15, l, `class="caption" font-size="15" fill="${INK}"`));
      fy += 20;
    }
    if (captionLines.length) fy += 8;
    citedLines.forEach((l) => {
      footer.push(text(MARGIN, fy + 12, l, `font-size="12" fill="${INK}"`));
      fy += 16;
    });
    creditLines.forEach((l) => {
      footer.push(text(MARGIN, fy + 12, l, `font-size="12" fill="${MUTED}"`));
      fy += 16;
    });
    return { leftOut, noteLine, graphs, labelSvg, legendSvg, footer };
  };

  // Labels with no room are left out, and the sheet says how many (a line that takes room itself).
  const note = (n: number) => (n ? `${count(n, "label")} left out for lack of room.` : null);
  let out = compose(null);
  for (let i = 0; i < 4 && note(out.leftOut) !== out.noteLine; i++) out = compose(note(out.leftOut));

  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family='${FONT}' data-shape="${shape}" data-panels="${panels.length}">`,
    `<title>${escapeXml(`${headline}: ${words.period}`)}</title>`,
    options.background === "white" ? `<rect width="${W}" height="${H}" fill="#ffffff"/>` : "",
    `<g class="header">${header.join("")}</g>`,
    ...out.graphs,
    `<g class="labels">${out.labelSvg.join("")}</g>`,
    `<g class="legend">${out.legendSvg.join("")}</g>`,
    `<g class="footer">${out.footer.join("")}</g>`,
    `</svg>`,
    "",
  ].join("\n");
}

/** One panel: the graph in model coordinates under its transform, and its labels placed on the sheet. */
function drawPanel(panel: FigurePanel, t: Transform, cell: Rect, nodeLabels: ReadonlyMap<string, LabelText>, mode: EdgeLabels, nodeFont: number) {
  const { scene } = panel;
  const at = (p: Point) => ({ x: p.x * t.k + t.tx, y: p.y * t.k + t.ty });
  const nodeBox = new Map<string, Rect>();
  for (const n of scene.nodes) {
    const c = at(n);
    nodeBox.set(n.id, { x1: c.x - (n.width * t.k) / 2, y1: c.y - (n.height * t.k) / 2, x2: c.x + (n.width * t.k) / 2, y2: c.y + (n.height * t.k) / 2 });
  }
  // Dimmed and ended elements first, so the highlighted ones are drawn over them.
  const byOpacity = <T extends { opacity: number }>(list: readonly T[]) => [...list].sort((a, b) => a.opacity - b.opacity);
  const content = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };

  // Actors' names first, the brightest and then the most connected first (a hub's name stays by
  // its hub, where a reader looks for it), then the ties' words.
  const requests: LabelRequest[] = [];
  const texts = new Map<string, { label: LabelText; opacity: number; node?: Rect }>();
  const degree = new Map<string, number>();
  for (const n of scene.nodes) degree.set(n.id, 0);
  for (const e of scene.edges) for (const end of [e.source, e.target]) if (end && degree.has(end)) degree.set(end, degree.get(end)! + 1);
  const order = [...scene.nodes].sort((a, b) => b.opacity - a.opacity || degree.get(b.id)! - degree.get(a.id)! || (a.id < b.id ? -1 : 1));
  for (const n of order) {
    const label = nodeLabels.get(n.id);
    if (!label) continue;
    const box = nodeBox.get(n.id)!;
    requests.push({ id: `node:${n.id}`, candidates: nodeLabelCandidates(box, label.width, label.height, { step: nodeFont, rings: 12 }) });
    texts.set(`node:${n.id}`, { label, opacity: n.opacity, node: box });
  }
  const edges = labelledEdges(scene, mode).sort((a, b) => Number(!!b.highlighted) - Number(!!a.highlighted) || b.opacity - a.opacity);
  for (const e of edges) {
    const label = labelText(e.text ?? e.label ?? "", 11, 400, null);
    requests.push({ id: `edge:${e.id}`, candidates: edgeLabelCandidates(edgePolyline(e).map(at), label.width, label.height) });
    texts.set(`edge:${e.id}`, { label, opacity: e.opacity });
  }
  const placement = placeLabels(requests, [...nodeBox.values()].map((b) => ({ x1: b.x1 - 1, y1: b.y1 - 1, x2: b.x2 + 1, y2: b.y2 + 1 })), { bounds: cell });

  const labels: string[] = [];
  for (const p of placement.placed) {
    const { label, opacity, node } = texts.get(p.id)!;
    const [kind, ...rest] = p.id.split(":");
    const id = rest.join(":");
    for (const r of [p.box]) {
      content.x1 = Math.min(content.x1, r.x1);
      content.y1 = Math.min(content.y1, r.y1);
      content.x2 = Math.max(content.x2, r.x2);
      content.y2 = Math.max(content.y2, r.y2);
    }
    // A name pushed out of its first ring gets a thin line back to its actor.
    let leader = "";
    if (node && p.candidate >= 12) {
      const cx = (node.x1 + node.x2) / 2;
      const cy = (node.y1 + node.y2) / 2;
      const ex = Math.min(Math.max(cx, p.box.x1), p.box.x2);
      const ey = Math.min(Math.max(cy, p.box.y1), p.box.y2);
      leader = `<line x1="${n2(cx)}" y1="${n2(cy)}" x2="${n2(ex)}" y2="${n2(ey)}" stroke="#8a929c" stroke-width="0.8"/>`;
    }
    const attrs =
      kind === "node"
        ? `font-size="${label.size}" font-weight="600" text-anchor="middle" fill="${INK}" stroke="#fff" stroke-width="3.5" stroke-linejoin="round" paint-order="stroke"`
        : `font-size="${label.size}" text-anchor="middle" fill="${INK}" stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`;
    const cx = (p.box.x1 + p.box.x2) / 2;
    const lines = label.lines.map((l, i) => text(cx, p.box.y1 + 1 + label.size * (i + 0.9) + i * label.size * 0.2, l, "")).join("");
    labels.push(
      `${leader}<g class="label" data-of="${kind}" data-id="${escapeXml(id)}" data-box="${[p.box.x1, p.box.y1, p.box.x2, p.box.y2].map(n2).join(" ")}" opacity="${n2(Math.max(opacity, kind === "node" ? 0.25 : opacity))}" ${attrs}>${lines}</g>`,
    );
  }
  for (const b of nodeBox.values()) {
    content.x1 = Math.min(content.x1, b.x1);
    content.y1 = Math.min(content.y1, b.y1);
    content.x2 = Math.max(content.x2, b.x2);
    content.y2 = Math.max(content.y2, b.y2);
  }
  const box = Number.isFinite(content.x1) ? content : { x1: cell.x1, y1: cell.y1, x2: cell.x1, y2: cell.y1 };
  const leftOut = placement.left.length;
  const graph = [
    `<g class="graph"${panel.title ? ` data-panel="${escapeXml(panel.title)}"` : ""} data-cell="${[cell.x1, cell.y1, cell.x2, cell.y2].map(n2).join(" ")}" data-content="${[box.x1, box.y1, box.x2, box.y2].map(n2).join(" ")}" transform="translate(${n2(t.tx)} ${n2(t.ty)}) scale(${Math.round(t.k * 10000) / 10000})">`,
    `<g class="edges">${byOpacity(scene.edges).map(drawEdge).join("")}</g>`,
    `<g class="nodes">${byOpacity(scene.nodes).map((n) => drawNode(n, nodeBox.get(n.id)!)).join("")}</g>`,
    `</g>`,
  ].join("\n");
  return { graph, labels: labels.join(""), leftOut };
}
