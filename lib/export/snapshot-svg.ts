/**
 * The picture export: one SVG sheet holding the graph as drawn (shapes, curves, colours, dashes and
 * fades read off Cytoscape), a title, the period, the filters, a legend of what is on the sheet and
 * the works cited by the relationships shown. Text stays text, so a paper can quote it and a slide
 * can scale it. The PNG export rasterises this same sheet, so the two never differ.
 * Pure: the scene comes in as plain data, so it is tested (and checked by rsvg-convert) without a page.
 */
import { CERTAINTY_LINES, CHANGE_MARKS, ENDED_COLOUR, KIND_STYLES, POLARITY_COLOURS, STRUCTURAL_COLOUR, type ChangeMark } from "../graph/style";
import { ACTOR_KINDS, CERTAINTY_LABELS, POLARITIES, type ActorKind, type Certainty, type Polarity } from "../model/vocabulary";
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
  /** Where the line leaves the source, its control points (none for a straight line), where it meets the target. */
  from: Point;
  controls: Point[];
  to: Point;
  colour: string;
  width: number;
  dash: readonly number[] | null;
  opacity: number;
  arrowScale: number;
  /** Written on the edge (the selected or highlighted ones), or null. */
  label: string | null;
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
  worksCited: string[];
  /** Where the data comes from, and how to reopen the view. */
  credit: string;
}

export interface SheetOptions {
  background: "white" | "transparent";
}

/** The sheet, in CSS pixels at 1×: 16:9, the shape of a slide. */
export const SHEET = { width: 1600, height: 900 } as const;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const INK = "#1d2330";
const MUTED = "#5b6472";
const MARGIN = 28;
const LEGEND_WIDTH = 270;
const LABEL_SIZE = 14;
const LABEL_LINE = 17;
/** Average glyph width of the sans-serif stack, in ems: enough to wrap lines without measuring. */
const EM_WIDTH = 0.56;

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

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

function sceneBox(scene: Scene): Box {
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  const grow = (x: number, y: number) => {
    box.x1 = Math.min(box.x1, x);
    box.y1 = Math.min(box.y1, y);
    box.x2 = Math.max(box.x2, x);
    box.y2 = Math.max(box.y2, y);
  };
  for (const n of scene.nodes) {
    const lines = wrapWords(n.label, 18);
    const half = Math.max(n.width / 2, (Math.max(...lines.map((l) => l.length)) * LABEL_SIZE * EM_WIDTH) / 2);
    grow(n.x - half, n.y - n.height / 2);
    grow(n.x + half, n.y + n.height / 2 + 4 + lines.length * LABEL_LINE);
  }
  for (const e of scene.edges) [e.from, e.to, ...e.controls].forEach((p) => grow(p.x, p.y));
  if (!Number.isFinite(box.x1)) return { x1: 0, y1: 0, x2: 1, y2: 1 };
  return box;
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
  const parts = [
    `<g class="edge" data-id="${escapeXml(e.id)}"${e.mark ? ` data-mark="${e.mark}"` : ""} opacity="${n2(e.opacity)}">`,
    e.halo
      ? `<path d="${edgePath(e.from, e.controls, e.to)}" fill="none" stroke="${e.halo.colour}" stroke-opacity="${n2(e.halo.opacity)}" stroke-width="${n2(e.width + 2 * e.halo.padding)}" stroke-linecap="round"/>`
      : "",
    `<path d="${edgePath(e.from, e.controls, base)}" fill="none" stroke="${e.colour}" stroke-width="${n2(e.width)}" stroke-linecap="round"${dash}/>`,
    `<polygon points="${n2(e.to.x)},${n2(e.to.y)} ${n2(base.x - uy * arrowHalf)},${n2(base.y + ux * arrowHalf)} ${n2(base.x + uy * arrowHalf)},${n2(base.y - ux * arrowHalf)}" fill="${e.colour}"/>`,
  ];
  if (e.label) {
    const mid = e.controls[0] ?? { x: (e.from.x + e.to.x) / 2, y: (e.from.y + e.to.y) / 2 };
    parts.push(text(mid.x, mid.y, e.label, `font-size="12" text-anchor="middle" fill="${INK}" stroke="#fff" stroke-width="3" paint-order="stroke"`));
  }
  parts.push("</g>");
  return parts.join("");
}

function drawNode(n: SceneNode): string {
  const points = KIND_STYLES[n.kind]?.points;
  const shape = points
    ? `<polygon points="${polygonPoints(points, n.x, n.y, n.width, n.height)}"`
    : `<ellipse cx="${n2(n.x)}" cy="${n2(n.y)}" rx="${n2(n.width / 2)}" ry="${n2(n.height / 2)}"`;
  const label = wrapWords(n.label, 18)
    .map((line, i) => text(n.x, n.y + n.height / 2 + 4 + LABEL_SIZE + i * LABEL_LINE, line, ""))
    .join("");
  return (
    `<g class="node" data-id="${escapeXml(n.id)}" opacity="${n2(n.opacity)}">` +
    `${shape} fill="${n.fill}" stroke="${n.stroke}" stroke-width="${n2(n.strokeWidth)}"/>` +
    `<g font-size="${LABEL_SIZE}" font-weight="600" text-anchor="middle" fill="${INK}" stroke="#fff" stroke-width="3.5" stroke-linejoin="round" paint-order="stroke">${label}</g>` +
    `</g>`
  );
}

/** The key to what is on the sheet, and only that. */
function legend(scene: Scene, x: number, y: number): string {
  const out: string[] = [];
  let cy = y;
  const heading = (t: string) => {
    out.push(text(x, cy + 12, t, `font-size="13" font-weight="700" fill="${INK}"`));
    cy += 22;
  };
  const row = (swatch: string, label: string) => {
    out.push(swatch, text(x + 34, cy + 12, label, `font-size="12" fill="${INK}"`));
    cy += 19;
  };
  const line = (colour: string, dash: readonly number[] | null = null, width = 2.5) =>
    `<line x1="${x}" y1="${cy + 8}" x2="${x + 26}" y2="${cy + 8}" stroke="${colour}" stroke-width="${width}" stroke-linecap="round"${dash ? ` stroke-dasharray="${dash.join(" ")}"` : ""}/>`;

  const kinds = (Object.keys(KIND_STYLES) as ActorKind[]).filter((k) => scene.nodes.some((n) => n.kind === k));
  if (kinds.length) {
    heading("Actors");
    for (const k of kinds) {
      const s = KIND_STYLES[k];
      const swatch = s.points
        ? `<polygon points="${polygonPoints(s.points, x + 13, cy + 8, 14, 14)}" fill="${s.colour}" stroke="#2b2f36" stroke-width="1"/>`
        : `<circle cx="${x + 13}" cy="${cy + 8}" r="7" fill="${s.colour}" stroke="#2b2f36" stroke-width="1"/>`;
      row(swatch, ACTOR_KINDS[k]);
    }
    cy += 6;
  }
  const edges = scene.edges;
  if (edges.length) {
    heading("Relationships");
    for (const p of Object.keys(POLARITY_COLOURS) as Polarity[]) {
      if (edges.some((e) => !e.structural && e.polarity === p)) row(line(POLARITY_COLOURS[p]), POLARITIES[p]);
    }
    if (edges.some((e) => e.structural)) row(line(STRUCTURAL_COLOUR, null, 1.5), "Belonging (member, leader, part of)");
    if (edges.some((e) => e.ended)) row(line(ENDED_COLOUR), "Ended before this date");
    out.push(text(x, cy + 12, "Arrows run from the actor who acts.", `font-size="11" fill="${MUTED}"`));
    cy += 25;
    const marks = (Object.keys(CHANGE_MARKS) as ChangeMark[]).filter((m) => edges.some((e) => e.mark === m));
    if (marks.length) {
      cy += 6;
      heading("Between the two dates");
      for (const m of marks) {
        const halo = `<line x1="${x + 2}" y1="${cy + 8}" x2="${x + 24}" y2="${cy + 8}" stroke="${CHANGE_MARKS[m].colour}" stroke-opacity="0.6" stroke-width="9" stroke-linecap="round"/>`;
        row(halo + line(MUTED, null, 2), CHANGE_MARKS[m].label);
      }
      cy += 6;
    }
    heading("Certainty");
    for (const c of Object.keys(CERTAINTY_LINES) as Certainty[]) {
      if (edges.some((e) => e.certainty === c)) row(line(INK, CERTAINTY_LINES[c].dash), `${CERTAINTY_LABELS[c]} (${CERTAINTY_LINES[c].label})`);
    }
  }
  return out.join("");
}

export function composeSnapshotSvg(scene: Scene, words: SnapshotText, options: SheetOptions): string {
  const { width: W, height: H } = SHEET;

  // Header: title, period and counts, then filters and focus when any.
  const header: string[] = [
    text(MARGIN, MARGIN + 24, words.title, `font-size="26" font-weight="700" fill="${INK}"`),
    text(MARGIN, MARGIN + 54, `${words.period} · ${count(scene.nodes.length, "actor")}, ${count(scene.edges.length, "relationship")}`, `font-size="19" fill="${INK}"`),
  ];
  let headerBottom = MARGIN + 62;
  const conditions = [...words.filters, ...(words.focus ? [`Only the ties of: ${words.focus}`] : [])];
  if (conditions.length) {
    header.push(text(MARGIN, headerBottom + 18, `Shown: ${conditions.join(" · ")}`, `font-size="13" fill="${MUTED}"`));
    headerBottom += 24;
  }
  for (const note of words.notes ?? []) {
    header.push(text(MARGIN, headerBottom + 18, note, `font-size="14" fill="${INK}"`));
    headerBottom += 22;
  }

  // Footer: every work cited by the relationships on the sheet, then the credit.
  const footerChars = Math.floor((W - 2 * MARGIN) / (12 * EM_WIDTH));
  const cited = words.worksCited.length ? `Works cited: ${words.worksCited.join("; ")}.` : "Works cited: none (no relationship shown).";
  const footerLines = [...wrapWords(cited, footerChars), ...wrapWords(words.credit, footerChars)];
  const footerTop = H - MARGIN - footerLines.length * 16;
  const footer = footerLines.map((l, i) => text(MARGIN, footerTop + 12 + i * 16, l, `font-size="12" fill="${i < footerLines.length - wrapWords(words.credit, footerChars).length ? INK : MUTED}"`));

  // The graph, fitted into what is left beside the legend, never blown up past twice its size.
  const area = { x1: MARGIN, y1: headerBottom + 16, x2: W - MARGIN - LEGEND_WIDTH - 16, y2: footerTop - 16 };
  const box = sceneBox(scene);
  const k = Math.min((area.x2 - area.x1) / (box.x2 - box.x1 || 1), (area.y2 - area.y1) / (box.y2 - box.y1 || 1), 2);
  const tx = area.x1 + ((area.x2 - area.x1) - (box.x2 - box.x1) * k) / 2 - box.x1 * k;
  const ty = area.y1 + ((area.y2 - area.y1) - (box.y2 - box.y1) * k) / 2 - box.y1 * k;
  // Dimmed and ended elements first, so the highlighted ones are drawn over them.
  const byOpacity = <T extends { opacity: number }>(list: T[]) => [...list].sort((a, b) => a.opacity - b.opacity);

  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family='${FONT}'>`,
    `<title>${escapeXml(`${words.title}: ${words.period}`)}</title>`,
    options.background === "white" ? `<rect width="${W}" height="${H}" fill="#ffffff"/>` : "",
    `<g class="header">${header.join("")}</g>`,
    `<g class="graph" transform="translate(${n2(tx)} ${n2(ty)}) scale(${Math.round(k * 10000) / 10000})">`,
    `<g class="edges">${byOpacity(scene.edges).map(drawEdge).join("")}</g>`,
    `<g class="nodes">${byOpacity(scene.nodes).map(drawNode).join("")}</g>`,
    `</g>`,
    `<g class="legend">${legend(scene, W - MARGIN - LEGEND_WIDTH, headerBottom + 16)}</g>`,
    `<g class="footer">${footer.join("")}</g>`,
    `</svg>`,
    "",
  ].join("\n");
}
