/**
 * How the graph encodes the data: actor kind as shape and colour, polarity as line colour,
 * certainty as line style, direction as arrows. The Cytoscape stylesheet and the legend both read
 * these tables, so the legend cannot describe a drawing that is not there.
 */
import type cytoscape from "cytoscape";
import type { StylesheetJson } from "cytoscape";
import type { ActorKind, Certainty, Polarity } from "../model/vocabulary";
import { dashInk, dashLegible } from "./level-of-detail";

/** Outline points in [-1, 1] (x, y pairs), drawn by Cytoscape as a polygon and by the legend as SVG. */
export type ShapePoints = readonly number[];

function regular(sides: number, rotation = 0): number[] {
  const pts: number[] = [];
  for (let i = 0; i < sides; i++) {
    const a = rotation + (2 * Math.PI * i) / sides - Math.PI / 2;
    pts.push(round(Math.cos(a)), round(Math.sin(a)));
  }
  return pts;
}

function star(spikes: number, inner: number): number[] {
  const pts: number[] = [];
  for (let i = 0; i < spikes * 2; i++) {
    const r = i % 2 === 0 ? 1 : inner;
    const a = (Math.PI * i) / spikes - Math.PI / 2;
    pts.push(round(r * Math.cos(a)), round(r * Math.sin(a)));
  }
  return pts;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export interface KindStyle {
  /** null = ellipse. */
  points: ShapePoints | null;
  colour: string;
  size: number;
  family: string;
}

/**
 * One shape per kind, one colour per family of kinds, so a reader can tell a state from a militia
 * at a glance and a ministry from a government on a closer look. Node colours avoid the blue and
 * red that the edges use for cooperation and hostility.
 */
const STATE = "#8fa6c8";
const COERCION = "#a99b63";
const POLITICAL = "#b393cc";
const MILITANT = "#4b4b4b";
const PERSON = "#e6b450";
const POPULATION = "#93c6ab";

export const KIND_STYLES: Record<ActorKind, KindStyle> = {
  state: { points: [-1, -1, 1, -1, 1, 1, -1, 1], colour: STATE, size: 44, family: "States and governments" },
  government: { points: regular(8, Math.PI / 8), colour: STATE, size: 44, family: "States and governments" },
  "government-body": { points: [-1, -0.62, 1, -0.62, 1, 0.62, -1, 0.62], colour: STATE, size: 38, family: "States and governments" },
  "security-service": { points: [0, -1, 1, 0, 0, 1, -1, 0], colour: COERCION, size: 40, family: "Security services and armed forces" },
  "armed-forces": { points: regular(6, Math.PI / 6), colour: COERCION, size: 40, family: "Security services and armed forces" },
  "party-or-faction": { points: regular(5), colour: POLITICAL, size: 40, family: "Parties and religious bodies" },
  "religious-body": { points: [0, -1, 1, -0.25, 1, 1, -1, 1, -1, -0.25], colour: POLITICAL, size: 38, family: "Parties and religious bodies" },
  "militant-organisation": { points: [0, -1, 1, 0.85, -1, 0.85], colour: MILITANT, size: 44, family: "Militant organisations and networks" },
  network: { points: star(5, 0.48), colour: MILITANT, size: 40, family: "Militant organisations and networks" },
  person: { points: null, colour: PERSON, size: 30, family: "People" },
  "population-group": { points: [-1, -0.75, 0.45, -0.75, 1, 0, 0.45, 0.75, -1, 0.75], colour: POPULATION, size: 36, family: "Populations" },
};

export const POLARITY_COLOURS: Record<Polarity, string> = {
  cooperative: "#2166ac",
  hostile: "#c0392b",
  neutral: "#7b5ea7",
};

/** Membership, leadership, parts and succession: who belongs to whom, drawn quietly in grey. */
export const STRUCTURAL_COLOUR = "#8a929c";
export const ENDED_COLOUR = "#c3c8cf";
export const SELECTED_COLOUR = "#f0a202";

/**
 * Comparing two dates: a halo under each relationship that changed, one colour per kind of change,
 * away from the polarity colours of the lines themselves. Removed and "was" lines also fade.
 */
export const CHANGE_MARKS = {
  added: { colour: "#1b9e4b", label: "Appeared", description: "holds at the later date, not at the earlier" },
  removed: { colour: "#d95f02", label: "Ended", description: "held at the earlier date, not at the later" },
  changed: { colour: "#7570b3", label: "Changed: now", description: "the same two actors, now in another relationship or certainty" },
  was: { colour: "#b7b3d9", label: "Changed: before", description: "what a changed pair had at the earlier date" },
} as const;
export type ChangeMark = keyof typeof CHANGE_MARKS;

/** The dash of a relationship that possibly still holds (after an "at least" end): short dots, widely spaced. */
export const POSSIBLY_DASH = [2, 6];

/** Node size when sized by a measure: from the smallest to the largest actor drawn. */
export const MEASURE_SIZE = { min: 24, max: 84 } as const;

export interface LineStyle {
  style: "solid" | "dashed" | "dotted";
  /** Cytoscape's line-dash-pattern, also the legend's SVG stroke-dasharray. */
  dash: number[] | null;
  label: string;
}

export const CERTAINTY_LINES: Record<Certainty, LineStyle> = {
  documented: { style: "solid", dash: null, label: "solid" },
  reported: { style: "dashed", dash: [8, 5], label: "dashed" },
  alleged: { style: "dashed", dash: [8, 5], label: "dashed" },
  contested: { style: "dotted", dash: [1.5, 4.5], label: "dotted" },
};

export const LABEL_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Cytoscape expects polygon points as one space-separated string. */
const pointsText = (p: ShapePoints) => p.join(" ");

/** Actors' names: weight and the model size they have at zoom 1 (the live graph raises it so that names are legible). */
export const LABEL_WEIGHT = 600;
export const LABEL_SIZE = 14;
/** An actor's outline, and the gap between an actor and its name below it, in model units. */
export const NODE_BORDER = 1.5;
export const LABEL_MARGIN = 4;
/** Background padding of a name; Cytoscape adds 2 more units around it as a margin of error in its label boxes. */
export const LABEL_PADDING = 2;

export interface StylesheetOptions {
  fadeMs: number;
  /**
   * A view of thousands of elements, drawn for speed: straight edges (bezier curves cost a
   * control-point pass per edge) and no label backgrounds; labels appear by level of detail as
   * everywhere (min-zoomed-font-size).
   */
  large?: boolean;
  /**
   * Names placed by lib/graph/label-placement.ts: a node shows `data(placed)` (empty when its name
   * fits nowhere) and its full name only while pointed at, focused or chosen. Otherwise (exports,
   * large views) every node shows `data(label)`.
   */
  placedLabels?: boolean;
  /** Font size of names in model units (edge labels follow), chosen so that names are legible at the default zoom. */
  labelSize?: number;
  /**
   * The zoom the lines will be seen at: a dash pattern too fine to read there is drawn as a plain
   * line as light as its dashes (lib/graph/level-of-detail.ts). Without it every pattern is drawn
   * (small views, exports). Stylesheets for two zooms are the same where `dashDetail` is.
   */
  dashZoom?: number;
  /**
   * Large views: how many times wider than at zoom 1 the lines are drawn (lineScale in
   * lib/graph/level-of-detail.ts), so that a view fitted far out still shows its lines and their
   * colours; arrowheads keep their size in the model, halos grow with their lines.
   */
  lineScale?: number;
}

/** The widths of an ordinary tie's line and of a possibly holding one's, at zoom 1. */
export const EDGE_WIDTH = 2.5;
export const POSSIBLY_WIDTH = 2;

/** Every dash pattern the stylesheet draws. */
const DASHES: readonly (readonly number[])[] = [...Object.values(CERTAINTY_LINES).flatMap((l) => (l.dash ? [l.dash] : [])), POSSIBLY_DASH];

/** Which dash patterns are legible at `zoom`: the stylesheet changes with the zoom only where this does. */
export function dashDetail(zoom: number): string {
  return DASHES.map((pattern) => (dashLegible(pattern, zoom) ? "1" : "0")).join("");
}

/** A line's style for a dash pattern, at a zoom or (none) wherever it is drawn. */
function dashed(pattern: readonly number[], width: number, zoom: number | undefined): cytoscape.Css.Edge {
  // Dots too are drawn as dashes: Cytoscape's "dotted" ignores the pattern (it dots every model
  // unit); short dashes with round caps are the legend's dots.
  if (zoom === undefined) return { "line-style": "dashed", "line-dash-pattern": [...pattern] };
  if (dashLegible(pattern, zoom)) return { "line-style": "dashed", "line-dash-pattern": [...pattern], "line-opacity": 1 };
  return { "line-style": "solid", "line-opacity": dashInk(pattern, width) };
}

/** Ties' labels are 12 units beside names of LABEL_SIZE, and follow the names' size. */
export const edgeLabelSizeFor = (labelSize: number) => Math.round(((labelSize * 12) / LABEL_SIZE) * 10) / 10;

/** Fades take this long; none when the reader asks for reduced motion. */
export function graphStylesheet({ fadeMs, large = false, placedLabels = false, labelSize = LABEL_SIZE, dashZoom, lineScale = 1 }: StylesheetOptions): StylesheetJson {
  // Line widths, and the arrowheads' scale to their line, at the line scale.
  const w = (width: number) => width * lineScale;
  const arrow = (scale: number) => scale / lineScale;
  // A change's halo stays twice as wide as its widened line, beyond which it would be a band.
  const halo = (padding: number) => padding * Math.max(1, lineScale / 2);
  const fade = fadeMs > 0 && !large ? { "transition-property": "opacity", "transition-duration": fadeMs / 1000 } : {};
  const edgeLabelSize = edgeLabelSizeFor(labelSize);
  const sheet: StylesheetJson = [
    {
      selector: "node",
      style: {
        label: placedLabels ? "data(placed)" : "data(label)",
        "font-family": LABEL_FONT,
        "font-size": labelSize,
        "font-weight": LABEL_WEIGHT,
        color: "#1d2330",
        "text-valign": "bottom",
        "text-halign": "center",
        "text-margin-y": LABEL_MARGIN,
        "text-wrap": "wrap",
        // Placed names carry their own line breaks; the others wrap at a width.
        "text-max-width": placedLabels ? "2000px" : "130px",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.85,
        "text-background-padding": `${LABEL_PADDING}px`,
        "text-background-shape": "roundrectangle",
        "min-zoomed-font-size": 7,
        "border-width": NODE_BORDER,
        "border-color": "#2b2f36",
        width: 38,
        height: 38,
        ...fade,
      },
    },
    {
      selector: "edge",
      style: {
        width: w(EDGE_WIDTH),
        "curve-style": "bezier",
        "target-arrow-shape": "triangle",
        "arrow-scale": arrow(1.1),
        "line-cap": "round",
        "font-family": LABEL_FONT,
        "font-size": edgeLabelSize,
        color: "#1d2330",
        "text-rotation": "autorotate",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.9,
        "text-background-padding": "2px",
        "min-zoomed-font-size": 8,
        ...fade,
      },
    },
  ];

  if (placedLabels) {
    // A name that fits nowhere shows while its actor is pointed at or chosen.
    sheet.push({ selector: "node[!placed].hovered, node[!placed].chosen", style: { label: "data(label)" } });
  }

  if (large) {
    sheet.push(
      { selector: "node", style: { "text-background-opacity": 0 } },
      // The most connected actors keep their names at any zoom (lib/graph/level-of-detail.ts).
      { selector: "node.named", style: { "font-size": "data(nameSize)", "min-zoomed-font-size": 0, "text-wrap": "none", "text-background-opacity": 0.85, "z-index": 5 } },
      { selector: "edge", style: { "curve-style": "straight", "text-background-opacity": 0 } },
    );
  }

  for (const [kind, s] of Object.entries(KIND_STYLES)) {
    sheet.push({
      selector: `node[kind = "${kind}"]`,
      style: {
        shape: s.points ? "polygon" : "ellipse",
        ...(s.points ? { "shape-polygon-points": pointsText(s.points) } : {}),
        "background-color": s.colour,
        width: s.size,
        height: s.size,
      },
    });
  }
  for (const [polarity, colour] of Object.entries(POLARITY_COLOURS)) {
    sheet.push({ selector: `edge[polarity = "${polarity}"]`, style: { "line-color": colour, "target-arrow-color": colour } });
  }
  sheet.push({
    selector: "edge[?structural]",
    style: { "line-color": STRUCTURAL_COLOUR, "target-arrow-color": STRUCTURAL_COLOUR, width: w(1.5), "arrow-scale": arrow(0.8) },
  });
  for (const [certainty, line] of Object.entries(CERTAINTY_LINES)) {
    sheet.push({
      selector: `edge[certainty = "${certainty}"]`,
      style: line.dash && line.style !== "solid" ? dashed(line.dash, EDGE_WIDTH, dashZoom) : { "line-style": line.style },
    });
  }

  sheet.push(
    // Up to a date: what no longer holds stays in place, greyed, so the history reads at a glance.
    { selector: "edge.ended", style: { "line-color": ENDED_COLOUR, "target-arrow-color": ENDED_COLOUR, opacity: 0.8 } },
    { selector: "node.ended", style: { opacity: 0.55 } },
    // Possibly still holding after its last attested date ("at least" end): faded and dotted.
    { selector: "edge.possibly", style: { ...dashed(POSSIBLY_DASH, POSSIBLY_WIDTH, dashZoom), opacity: 0.5, width: w(POSSIBLY_WIDTH) } },
    { selector: ".dimmed", style: { opacity: 0.12 } },
    { selector: "node.highlighted", style: { "border-width": 3.5, "border-color": "#111" } },
    { selector: "edge.highlighted", style: { width: w(4.5), label: "data(label)" } },
    { selector: "node.chosen", style: { "border-width": 4, "border-color": SELECTED_COLOUR, opacity: 1 } },
    {
      selector: "edge.chosen",
      style: { width: w(5), label: "data(label)", "underlay-color": SELECTED_COLOUR, "underlay-opacity": 0.45, "underlay-padding": w(4), opacity: 1 },
    },
    // A choice, and what the pointer or keyboard is on, come forward: the rest fades, the element is
    // drawn above the others, thicker and with its label.
    { selector: ".faded", style: { opacity: 0.22 } },
    { selector: ".hover-faded", style: { opacity: 0.18 } },
    { selector: ".hover-linked", style: { opacity: 1, "z-index": 10 } },
    { selector: "node.chosen, edge.chosen", style: { "z-index": 20 } },
    { selector: "node.hovered", style: { "border-width": 4, "border-color": SELECTED_COLOUR, opacity: 1, "z-index": 30 } },
    {
      selector: "edge.hovered",
      style: { width: w(5), label: "data(label)", "underlay-color": SELECTED_COLOUR, "underlay-opacity": 0.35, "underlay-padding": w(4), opacity: 1, "z-index": 30 },
    },
    { selector: "node.sized", style: { width: `mapData(measure, 0, 1, ${MEASURE_SIZE.min}, ${MEASURE_SIZE.max})`, height: `mapData(measure, 0, 1, ${MEASURE_SIZE.min}, ${MEASURE_SIZE.max})` } },
    ...(Object.entries(CHANGE_MARKS) as [ChangeMark, (typeof CHANGE_MARKS)[ChangeMark]][]).map(([mark, m]) => ({
      selector: `edge.${mark}`,
      style: { "underlay-color": m.colour, "underlay-opacity": mark === "was" ? 0.5 : 0.6, "underlay-padding": halo(5), ...(mark === "removed" || mark === "was" ? { opacity: 0.55 } : {}) },
    })),
    { selector: "node.added", style: { "border-width": 4, "border-color": CHANGE_MARKS.added.colour } },
    { selector: "node.removed", style: { "border-width": 4, "border-color": CHANGE_MARKS.removed.colour, "border-style": "dashed", opacity: 0.6 } },
    // Absent at this date: faded to nothing and out of reach of the pointer; kept in place so
    // positions never move.
    { selector: ".absent", style: { opacity: 0, events: "no" } },
  );
  return sheet;
}
