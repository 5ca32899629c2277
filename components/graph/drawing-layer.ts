/**
 * A large view drawn by the page itself, on one canvas over Cytoscape's, which then holds no
 * elements and only pans and zooms. Measured at 10,000 relationships: with Cytoscape holding the
 * view, a slider step spent most of its time in Cytoscape's per-element style passes (class
 * changes, restyles, bounds), even with every element hidden; with the elements out of Cytoscape
 * the same step took a fifth of that. Here a step resolves each element's look from the very same
 * stylesheet (lib/graph/style-resolver.ts, cached per kind and classes), builds one path per look,
 * and a pan or zoom only redraws those paths under a new transform.
 *
 * Drawn as Cytoscape draws a large view (straight ties, edges under actors, z-index within each),
 * with the names of lib/graph/level-of-detail.ts; pointing is answered by lib/graph/layer-geometry.ts.
 */
import type { Core, StylesheetJson } from "cytoscape";
import type { DrawPlan } from "@/lib/graph/draw-budget";
import type { Point } from "@/lib/graph/edge-hit";
import { arrowHead, outlineExit, pick, wrapWords, type Box } from "@/lib/graph/layer-geometry";
import { LABEL_BOX_MARGIN, nameBackground, nameBox } from "@/lib/graph/level-of-detail";
import { CERTAINTY_LINES, CHANGE_MARKS, KIND_STYLES, POLARITY_COLOURS, LABEL_FONT, LABEL_MARGIN, edgeLabelSizeFor, LABEL_PADDING, LABEL_SIZE, LABEL_WEIGHT, type ChangeMark, type ShapePoints } from "@/lib/graph/style";
import { StyleResolver, type EdgeLook, type NodeLook } from "@/lib/graph/style-resolver";
import type { GraphView } from "@/lib/graph/view";
import type { Scene, SceneEdge, SceneNode } from "@/lib/export/snapshot-svg";
import type { GraphEdge, GraphNode } from "@/lib/api/types";
import type { ActorKind } from "@/lib/model/vocabulary";
import type { Selection } from "@/lib/view/state";
import { actorSize, chooseNames, measurer, nameSizeAt, type Names } from "./name-actors";

export interface LayerNode {
  id: string;
  x: number;
  y: number;
  /** Width and height, without the border. */
  size: number;
  label: string;
  data: GraphNode["data"];
  /** The view's classes, and `sized` when a measure sizes it. */
  classes: string[];
  ghost: boolean;
  measure?: number;
}

export interface LayerEdge {
  id: string;
  data: GraphEdge["data"];
  classes: string[];
  ghost: boolean;
}

/** An element as drawn: its classes now (named, hover) and the look they give it. */
interface DrawnNode extends LayerNode {
  now: string[];
  look: NodeLook;
}

interface DrawnEdge extends LayerEdge {
  now: string[];
  look: EdgeLook;
  source: DrawnNode;
  target: DrawnNode;
  /** Where the line leaves the source's outline and where its arrow's tip meets the target's. */
  from: Point;
  to: Point;
  /** Where the line stops, under its arrowhead. */
  base: Point;
  arrow: [Point, Point, Point];
}

/** A tie's geometry and the ends' places, sizes, shapes and the width it was computed for. */
interface Line {
  sx: number;
  sy: number;
  sr: number;
  ss: ShapePoints | null;
  tx: number;
  ty: number;
  tr: number;
  ts: ShapePoints | null;
  width: number;
  arrowScale: number;
  from: Point;
  to: Point;
  base: Point;
  arrow: [Point, Point, Point];
}

interface Batch {
  order: [number, number, number];
  draw(ctx: CanvasRenderingContext2D): void;
}

/** Cytoscape's min-zoomed-font-size for names and for ties' labels: smaller on screen, not drawn. */
const NAME_MIN_PX = 7;
const EDGE_LABEL_MIN_PX = 8;
/** A name not chosen (drawn once legible) wraps at this model width, as the stylesheet's text-max-width. */
const NAME_WRAP = 130;
const TEXT_COLOUR = "#1d2330";
/**
 * Below this many screen pixels for the smallest actor, actors are drawn as plain squares (their
 * outlines only where marked) and ties without arrowheads: at a 10k store's fit an actor is under 3 px
 * and an arrowhead under one, their shapes unreadable, and drawing them was most of a step's paths.
 */
const DETAIL_PX = 4;
const SMALLEST_ACTOR = Math.min(...Object.values(KIND_STYLES).map((k) => k.size));
const detailedAt = (zoom: number) => zoom * SMALLEST_ACTOR >= DETAIL_PX;
/** The classes a step most often gives an actor and a tie, resolved ahead (`warm`), in the view's order. */
const NODE_MARKS: string[][] = [[], ["named"], ["added"], ["added", "named"], ["removed", "ghost"]];
const EDGE_MARKS: string[][] = [[], ["added"], ["changed"], ["removed", "ghost"], ["was", "ghost"]];
const EDGE_LABEL_SIZE = edgeLabelSizeFor(LABEL_SIZE);

export type LayerTip = { kind: "actor"; node: LayerNode; x: number; y: number } | { kind: "relationship"; edge: LayerEdge; x: number; y: number };

export class DrawingLayer {
  private resolver: StyleResolver;
  private nodes: LayerNode[] = [];
  private edges: LayerEdge[] = [];
  private nodeIndex = new Map<string, LayerNode>();
  private names: Names | null = null;
  private hovered: Selection | null = null;
  private drawnNodes: DrawnNode[] = [];
  private drawnEdges: DrawnEdge[] = [];
  private drawnIndex = new Map<string, DrawnNode | DrawnEdge>();
  private batches: Batch[] = [];
  private dirty = true;
  private destroyed = false;
  /** Whether the paths were built with shapes and arrowheads (detailedAt the zoom then). */
  private detailBuilt: boolean | null = null;
  private frame = 0;
  private readonly wraps = new Map<string, string[]>();
  /** Where the reader dragged actors to, until "reset": kept across steps, as Cytoscape keeps a dragged actor. */
  private readonly moved = new Map<string, { x: number; y: number }>();
  /** Each drawn tie's line at the last build, with what it was computed from. */
  private lines = new Map<string, Line>();

  constructor(
    private readonly cy: Core,
    private readonly canvas: HTMLCanvasElement,
    sheet: StylesheetJson,
  ) {
    this.resolver = new StyleResolver(sheet);
    this.warm();
    // Every pan and zoom is one redraw of the paths, on the next frame.
    cy.on("viewport", () => this.schedule());
  }

  /** The stylesheet changed (the lines for a new zoom): every look is resolved again. */
  setSheet(sheet: StylesheetJson) {
    this.resolver.destroy();
    this.resolver = new StyleResolver(sheet);
    this.warm();
    this.invalidate();
  }

  /**
   * Resolves, while the page is idle, the looks a step usually brings (each actor kind and line as
   * it is, named, appeared or ended): each takes the headless Cytoscape about a millisecond, and
   * resolved during the first steps after a load they made those steps the slowest.
   */
  private warm() {
    const r = this.resolver;
    const jobs: (() => void)[] = [];
    for (const kind of Object.keys(KIND_STYLES)) for (const classes of NODE_MARKS) jobs.push(() => r.node({ kind, classes }));
    for (const polarity of Object.keys(POLARITY_COLOURS))
      for (const certainty of Object.keys(CERTAINTY_LINES))
        for (const structural of [false, true]) for (const classes of EDGE_MARKS) jobs.push(() => r.edge({ polarity, certainty, structural, classes }));
    const idle = (f: () => void) => (typeof requestIdleCallback === "function" ? requestIdleCallback(f, { timeout: 2000 }) : setTimeout(f, 50));
    const run = () => {
      const until = performance.now() + 8;
      while (jobs.length && this.resolver === r && !this.destroyed && performance.now() < until) jobs.shift()!();
      if (jobs.length && this.resolver === r && !this.destroyed) idle(run);
    };
    idle(run);
  }

  /** What the plan draws of the view, in the view's order (by id), as Cytoscape would hold it. */
  setDrawing(view: GraphView, plan: Pick<DrawPlan, "nodes" | "edges">, sizes: ReadonlyMap<string, number> | null, home: Map<string, { x: number; y: number }>) {
    const nodes: LayerNode[] = [];
    for (const [id, v] of view.nodes) {
      if (!plan.nodes.has(id)) continue;
      const measure = sizes?.get(id);
      const stored = v.position ?? home.get(id) ?? { x: 0, y: 0 };
      home.set(id, stored);
      const position = this.moved.get(id) ?? stored;
      nodes.push({
        id,
        x: position.x,
        y: position.y,
        size: actorSize(v.data.kind, measure),
        label: v.label,
        data: v.data,
        classes: measure !== undefined ? [...v.classes, "sized"] : [...v.classes],
        ghost: v.classes.includes("ghost"),
        measure,
      });
    }
    const edges: LayerEdge[] = [];
    for (const [id, v] of view.edges) {
      if (!plan.edges.has(id)) continue;
      edges.push({ id, data: v.data, classes: [...v.classes], ghost: v.classes.includes("ghost") });
    }
    this.nodes = nodes;
    this.edges = edges;
    this.nodeIndex = new Map(nodes.map((n) => [n.id, n]));
    this.names = null;
    this.rename();
    this.invalidate();
  }

  /** Moves an actor (dragged by the reader), its ties with it; names are chosen again once it is let go. */
  moveActor(id: string, to: { x: number; y: number }) {
    const n = this.nodeIndex.get(id);
    if (!n) return;
    n.x = to.x;
    n.y = to.y;
    this.moved.set(id, { ...to });
    this.invalidate();
  }

  /** Every dragged actor back at its stored position. */
  resetPositions(home: ReadonlyMap<string, { x: number; y: number }>) {
    for (const id of this.moved.keys()) {
      const n = this.nodeIndex.get(id);
      const at = home.get(id);
      if (n && at) {
        n.x = at.x;
        n.y = at.y;
      }
    }
    this.moved.clear();
    this.names = null;
    this.rename();
    this.invalidate();
  }

  /** The drawing changed under the names (an actor let go after a drag): they are chosen again. */
  renameNow() {
    this.names = null;
    this.rename();
  }

  /** Chooses the named actors for the zoom, unless chosen for its name size already. Returns whether they changed. */
  rename(): boolean {
    const zoom = this.cy.zoom();
    if (this.names && this.names.size === nameSizeAt(zoom)) return false;
    this.names = chooseNames(this.nodes, this.edges.map((e) => ({ source: e.data.source, target: e.data.target, ghost: e.ghost })), zoom);
    this.invalidate();
    return true;
  }

  /** What the pointer or keyboard is on comes forward; returns where its tooltip goes, or null. */
  setHover(hovered: Selection | null): LayerTip | null {
    const same = hovered?.kind === this.hovered?.kind && hovered?.id === this.hovered?.id;
    this.hovered = hovered;
    if (!same) this.invalidate();
    return this.tip();
  }

  /** The hovered element's tooltip anchor, on the canvas (below an actor, beside a tie's middle). */
  tip(): LayerTip | null {
    const h = this.hovered;
    if (!h) return null;
    this.build();
    const found = this.drawnIndex.get(h.id);
    if (!found) return null;
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    if (h.kind === "actor" && "size" in found) {
      return { kind: "actor", node: found, x: Math.round(pan.x + found.x * zoom), y: Math.round(pan.y + (found.y + (found.size + found.look.border) / 2) * zoom + 6) };
    }
    if (h.kind === "relationship" && "from" in found) {
      const m = midpoint(found);
      return { kind: "relationship", edge: found, x: Math.round(pan.x + m.x * zoom), y: Math.round(pan.y + m.y * zoom + 10) };
    }
    return null;
  }

  /** Where an actor is drawn now (model units). */
  position(id: string): { x: number; y: number } | null {
    const n = this.nodeIndex.get(id);
    return n ? { x: n.x, y: n.y } : null;
  }

  /** An actor's name as drawn. */
  label(id: string): string | undefined {
    return this.nodeIndex.get(id)?.label;
  }

  /** What a pointer at a point of the canvas (rendered pixels) is on. */
  pickAt(rendered: Point, touch: boolean): Selection | null {
    this.build();
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    const p = { x: (rendered.x - pan.x) / zoom, y: (rendered.y - pan.y) / zoom };
    const live = (e: { look: { opacity: number } }) => e.look.opacity > 0;
    const nodes = this.drawnNodes.filter(live).map((n) => ({ id: n.id, x: n.x, y: n.y, size: n.size + n.look.border }));
    const edges = this.drawnEdges.filter(live).map((e) => ({ id: e.id, from: e.from, to: e.to }));
    if (touch) {
      // A finger is wider than a tie: an actor only on its body, else the nearest tie within a finger's width.
      return pick(p, zoom, nodes, [], { nodeSlack: 0 }) ?? pick(p, zoom, [], edges, { edgeSlack: 22 }) ?? pick(p, zoom, nodes, []);
    }
    return pick(p, zoom, nodes, edges);
  }

  /** Drawn again on the next frame. */
  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  destroy() {
    this.destroyed = true;
    cancelAnimationFrame(this.frame);
    this.resolver.destroy();
    const ctx = this.canvas.getContext("2d");
    ctx?.clearRect(0, 0, this.canvas.width, this.canvas.height);
  }

  // --- What the tests and the picture exports read -------------------------------------------------

  probeNodes() {
    this.build();
    return [...this.drawnNodes].sort(byId).map((n) => ({ id: n.id, label: n.label, shown: !n.ghost, x: round(n.x), y: round(n.y), width: round(n.size), classes: [...n.now] }));
  }

  probeEdges() {
    this.build();
    return [...this.drawnEdges].sort(byId).map((e) => ({ id: e.id, shown: !e.ghost, classes: [...e.now] }));
  }

  edgeLines() {
    this.build();
    return [...this.drawnEdges].sort(byId).map((e) => ({
      id: e.id,
      certainty: String(e.data.certainty),
      possibly: !!e.data.possibly,
      structural: !!e.data.structural,
      classes: [...e.now],
      lineStyle: e.look.dash ? "dashed" : "solid",
      width: e.look.width,
      lineOpacity: e.look.lineOpacity,
    }));
  }

  /** Where an element is on the canvas (rendered pixels): an actor's centre, a tie's middle. */
  renderedPoint(id: string): Point | null {
    this.build();
    const found = this.drawnIndex.get(id);
    if (!found) return null;
    const p = "from" in found ? midpoint(found) : { x: found.x, y: found.y };
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    return { x: pan.x + p.x * zoom, y: pan.y + p.y * zoom };
  }

  /** Each actor's box with its border, in model units. */
  nodeBoxes(): (Box & { id: string })[] {
    this.build();
    return [...this.drawnNodes].sort(byId).map((n) => {
      const h = (n.size + n.look.border) / 2;
      return { id: n.id, x1: n.x - h, y1: n.y - h, x2: n.x + h, y2: n.y + h };
    });
  }

  /** Each name drawn now, as Cytoscape would bound it (text, background and 2 units), in model units. */
  labelBoxes(): (Box & { id: string })[] {
    this.build();
    const zoom = this.cy.zoom();
    const boxes: (Box & { id: string })[] = [];
    for (const n of [...this.drawnNodes].sort(byId)) {
      if (n.look.opacity <= 0) continue;
      const named = this.names?.candidates.get(n.id);
      if (named) {
        boxes.push({ id: n.id, ...nameBox(named, { size: this.names!.size, pad: LABEL_PADDING, measure: measurer(this.names!.size) }) });
      } else if (LABEL_SIZE * zoom >= NAME_MIN_PX && n.label) {
        const lines = this.wrapped(n.label);
        const w = Math.max(...lines.map((l) => this.textWidth(l, LABEL_SIZE)));
        const top = n.y + n.size / 2 + LABEL_MARGIN;
        const m = LABEL_BOX_MARGIN;
        boxes.push({ id: n.id, x1: n.x - w / 2 - m, y1: top - m, x2: n.x + w / 2 + m, y2: top + lines.length * LABEL_SIZE + m });
      }
    }
    return boxes;
  }

  /** The drawing as plain shapes and lines, in model coordinates, for the picture exports. */
  scene(stepMarks: boolean): Scene {
    this.build();
    const isMark = (classes: readonly string[]) => (Object.keys(CHANGE_MARKS) as ChangeMark[]).find((m) => classes.includes(m)) ?? null;
    const here = (e: { ghost: boolean }) => !(stepMarks && e.ghost);
    const nodes: SceneNode[] = [...this.drawnNodes].filter(here).sort(byId).map((n) => ({
      id: n.id,
      kind: n.data.kind,
      label: n.label,
      x: n.x,
      y: n.y,
      width: n.size,
      height: n.size,
      fill: n.look.fill,
      stroke: n.look.borderColour,
      strokeWidth: n.look.border,
      opacity: n.look.opacity,
    }));
    const edges: SceneEdge[] = [...this.drawnEdges].filter(here).sort(byId).map((e) => {
      const mark = isMark(e.now);
      return {
        id: e.id,
        from: e.from,
        controls: [],
        to: e.to,
        colour: e.look.colour,
        width: e.look.width,
        dash: CERTAINTY_LINES[e.data.certainty]?.dash ?? null,
        opacity: e.look.opacity,
        arrowScale: e.look.arrowScale || 1,
        label: e.look.labelled ? e.data.label : null,
        source: e.data.source,
        target: e.data.target,
        text: e.data.label,
        highlighted: e.now.includes("highlighted") || e.now.includes("chosen") || (!stepMarks && !!mark),
        polarity: e.data.polarity,
        certainty: e.data.certainty,
        structural: !!e.data.structural,
        ended: e.now.includes("ended"),
        halo: e.look.halo && !(stepMarks && mark) ? { ...e.look.halo } : null,
        mark: stepMarks ? null : mark,
      };
    });
    return { nodes, edges };
  }

  // --- Building and drawing ------------------------------------------------------------------------

  private invalidate() {
    this.dirty = true;
    this.schedule();
  }

  /** Each element's classes and look now, its geometry, and the paths drawn, when anything changed. */
  private build() {
    if (!this.dirty) return;
    this.dirty = false;
    const named = this.names?.named ?? new Set<string>();
    const hover = this.hoverClasses();
    const drawnNodes: DrawnNode[] = this.nodes.map((n) => {
      const extra = [...(named.has(n.id) ? ["named"] : []), ...(hover ? [hover(n.id)] : [])];
      const now = extra.length ? [...n.classes, ...extra] : n.classes;
      return { ...n, now, look: this.resolver.node({ kind: n.data.kind, classes: now }) };
    });
    const byNode = new Map(drawnNodes.map((n) => [n.id, n]));
    const drawnEdges: DrawnEdge[] = [];
    const lines = new Map<string, Line>();
    for (const e of this.edges) {
      const source = byNode.get(e.data.source);
      const target = byNode.get(e.data.target);
      // A tie is drawn only with both its actors, as in Cytoscape; a loop has no straight line.
      if (!source || !target || source === target) continue;
      const now = hover ? [...e.classes, hover(e.id)] : e.classes;
      const look = this.resolver.edge({ polarity: e.data.polarity, certainty: e.data.certainty, structural: !!e.data.structural, classes: now });
      const at = this.lineOf(e.id, source, target, look, lines);
      drawnEdges.push({ ...e, now, look, source, target, from: at.from, to: at.to, base: at.base, arrow: at.arrow });
    }
    this.lines = lines;
    this.drawnNodes = drawnNodes;
    this.drawnEdges = drawnEdges;
    this.drawnIndex = new Map<string, DrawnNode | DrawnEdge>([...drawnNodes.map((n) => [n.id, n] as const), ...drawnEdges.map((e) => [e.id, e] as const)]);
    this.detailBuilt = detailedAt(this.cy.zoom());
    // An unmarked actor's outline, as the stylesheet has it: far out, only other outlines are drawn.
    const plain = this.resolver.node({ kind: "state", classes: [] });
    this.batches = batchesOf(drawnNodes, drawnEdges, this.detailBuilt, plain);
  }

  /**
   * A tie's line and arrowhead, as at the last build when neither end moved or changed size, shape
   * or outline and its own width is the same: actors keep their places across dates, so most ties
   * of a step keep their lines.
   */
  private lineOf(id: string, source: DrawnNode, target: DrawnNode, look: EdgeLook, into: Map<string, Line>): Line {
    const sr = (source.size + source.look.border) / 2;
    const tr = (target.size + target.look.border) / 2;
    const ss = shapeOf(source);
    const ts = shapeOf(target);
    const old = this.lines.get(id);
    if (
      old &&
      old.sx === source.x && old.sy === source.y && old.sr === sr && old.ss === ss &&
      old.tx === target.x && old.ty === target.y && old.tr === tr && old.ts === ts &&
      old.width === look.width && old.arrowScale === look.arrowScale
    ) {
      into.set(id, old);
      return old;
    }
    const from = outlineExit(source, sr, ss, target);
    const to = outlineExit(target, tr, ts, source);
    const { points, base } = arrowHead(to, from, look.width, look.arrowScale);
    const line: Line = { sx: source.x, sy: source.y, sr, ss, tx: target.x, ty: target.y, tr, ts, width: look.width, arrowScale: look.arrowScale, from, to, base, arrow: points };
    into.set(id, line);
    return line;
  }

  /** The hover class of each element while something is hovered (lib/graph/style.ts), else null. */
  private hoverClasses(): ((id: string) => string) | null {
    const h = this.hovered;
    if (!h) return null;
    const linked = new Set<string>();
    if (h.kind === "actor" && this.nodeIndex.has(h.id)) {
      for (const e of this.edges) {
        if (e.data.source !== h.id && e.data.target !== h.id) continue;
        linked.add(e.id).add(e.data.source).add(e.data.target);
      }
    } else if (h.kind === "relationship") {
      const e = this.edges.find((x) => x.id === h.id);
      if (e) linked.add(e.data.source).add(e.data.target);
      else return null;
    } else return null;
    return (id) => (id === h.id ? "hovered" : linked.has(id) ? "hover-linked" : "hover-faded");
  }

  private render() {
    // Zoomed across the level of detail: the paths are built again for it.
    if (this.detailBuilt !== null && this.detailBuilt !== detailedAt(this.cy.zoom())) this.dirty = true;
    this.build();
    const canvas = this.canvas;
    const dpr = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
    }
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * pan.x, dpr * pan.y);
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    for (const b of this.batches) b.draw(ctx);
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
    this.drawLabels(ctx, zoom, { x1: -pan.x / zoom, y1: -pan.y / zoom, x2: (width - pan.x) / zoom, y2: (height - pan.y) / zoom });
  }

  /** Names, then the labels of ties brought forward, over everything, within the visible part of the model. */
  private drawLabels(ctx: CanvasRenderingContext2D, zoom: number, visible: Box) {
    const near = (x: number, y: number, r: number) => x + r >= visible.x1 && x - r <= visible.x2 && y + r >= visible.y1 && y - r <= visible.y2;
    ctx.textAlign = "center";
    ctx.textBaseline = "bottom";
    const names = this.names;
    const others = LABEL_SIZE * zoom >= NAME_MIN_PX;
    const order = [...this.drawnNodes].sort((a, b) => a.look.z - b.look.z);
    for (const n of order) {
      if (n.look.opacity <= 0 || !n.label) continue;
      const named = names?.candidates.get(n.id);
      if (!named && !others) continue;
      if (!near(n.x, n.y, NAME_WRAP + n.size)) continue;
      ctx.globalAlpha = n.look.opacity;
      if (named) {
        const size = names!.size;
        const bg = nameBackground(named, { size, pad: LABEL_PADDING, measure: measurer(size) });
        ctx.fillStyle = `rgba(255,255,255,${n.look.labelBackground || 0.85})`;
        roundRect(ctx, bg.x1, bg.y1, bg.x2 - bg.x1, bg.y2 - bg.y1, Math.min(4, size / 4));
        ctx.fillStyle = TEXT_COLOUR;
        ctx.font = `normal ${LABEL_WEIGHT} ${size}px ${LABEL_FONT}`;
        ctx.fillText(n.label, named.anchor.x, named.anchor.y + size);
      } else {
        ctx.fillStyle = TEXT_COLOUR;
        ctx.font = `normal ${LABEL_WEIGHT} ${LABEL_SIZE}px ${LABEL_FONT}`;
        const top = n.y + n.size / 2 + LABEL_MARGIN;
        this.wrapped(n.label).forEach((line, i) => ctx.fillText(line, n.x, top + (i + 1) * LABEL_SIZE));
      }
    }
    if (EDGE_LABEL_SIZE * zoom >= EDGE_LABEL_MIN_PX) {
      ctx.font = `normal normal ${EDGE_LABEL_SIZE}px ${LABEL_FONT}`;
      ctx.textBaseline = "middle";
      for (const e of this.drawnEdges) {
        if (!e.look.labelled || e.look.opacity <= 0) continue;
        const m = midpoint(e);
        if (!near(m.x, m.y, 200)) continue;
        let angle = Math.atan2(e.to.y - e.from.y, e.to.x - e.from.x);
        // Upright, as Cytoscape's autorotate.
        if (angle > Math.PI / 2) angle -= Math.PI;
        if (angle < -Math.PI / 2) angle += Math.PI;
        ctx.save();
        ctx.globalAlpha = e.look.opacity;
        ctx.translate(m.x, m.y);
        ctx.rotate(angle);
        ctx.fillStyle = TEXT_COLOUR;
        ctx.fillText(e.data.label, 0, 0);
        ctx.restore();
      }
    }
    ctx.globalAlpha = 1;
  }

  private wrapped(label: string): string[] {
    let lines = this.wraps.get(label);
    if (!lines) this.wraps.set(label, (lines = wrapWords(label, NAME_WRAP, (s) => this.textWidth(s, LABEL_SIZE))));
    return lines;
  }

  private measureCtx: CanvasRenderingContext2D | null = null;

  private textWidth(text: string, size: number): number {
    this.measureCtx ??= document.createElement("canvas").getContext("2d");
    const ctx = this.measureCtx!;
    ctx.font = `normal ${LABEL_WEIGHT} ${size}px ${LABEL_FONT}`;
    return Math.ceil(ctx.measureText(text).width);
  }
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const round = (v: number) => Math.round(v * 100) / 100;
const midpoint = (e: { from: Point; to: Point }) => ({ x: (e.from.x + e.to.x) / 2, y: (e.from.y + e.to.y) / 2 });
const shapeOf = (n: LayerNode) => KIND_STYLES[n.data.kind as ActorKind]?.points ?? null;

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
  ctx.fill();
}

/** An actor's outline as a path. */
function outline(path: Path2D, n: DrawnNode) {
  const half = n.size / 2;
  const points = shapeOf(n);
  if (!points) {
    path.moveTo(n.x + half, n.y);
    path.arc(n.x, n.y, half, 0, 2 * Math.PI);
    return;
  }
  path.moveTo(n.x + points[0]! * half, n.y + points[1]! * half);
  for (let i = 2; i < points.length; i += 2) path.lineTo(n.x + points[i]! * half, n.y + points[i + 1]! * half);
  path.closePath();
}

/**
 * The paths of a drawing, one per look, in Cytoscape's order: every tie under every actor, each by
 * z-index; of a tie its halo, its line, its arrowhead; of an actor its fill, then its outline.
 */
function batchesOf(nodes: readonly DrawnNode[], edges: readonly DrawnEdge[], detailed: boolean, plain: NodeLook): Batch[] {
  const batches = new Map<string, Batch & { path: Path2D }>();
  const get = (key: string, order: [number, number, number], paint: (ctx: CanvasRenderingContext2D, path: Path2D) => void) => {
    let b = batches.get(key);
    if (!b) {
      const path = new Path2D();
      b = { order, path, draw: (ctx) => paint(ctx, path) };
      batches.set(key, b);
    }
    return b.path;
  };
  for (const e of edges) {
    const { look } = e;
    if (look.opacity <= 0) continue;
    const z = look.z;
    if (look.halo && look.halo.opacity > 0) {
      const width = look.width + 2 * look.halo.padding;
      const alpha = look.halo.opacity * look.opacity;
      const path = get(`h|${z}|${look.halo.colour}|${width}|${alpha}`, [0, z, 0], (ctx, p) => {
        ctx.setLineDash([]);
        ctx.globalAlpha = alpha;
        ctx.strokeStyle = look.halo!.colour;
        ctx.lineWidth = width;
        ctx.stroke(p);
      });
      path.moveTo(e.from.x, e.from.y);
      path.lineTo(e.to.x, e.to.y);
    }
    const alpha = look.lineOpacity * look.opacity;
    const dash = look.dash;
    const line = get(`l|${z}|${look.colour}|${look.width}|${dash?.join(",") ?? ""}|${alpha}`, [0, z, 1], (ctx, p) => {
      ctx.setLineDash(dash ?? []);
      ctx.globalAlpha = alpha;
      ctx.strokeStyle = look.colour;
      ctx.lineWidth = look.width;
      ctx.stroke(p);
    });
    line.moveTo(e.from.x, e.from.y);
    if (!detailed) {
      line.lineTo(e.to.x, e.to.y);
      continue;
    }
    line.lineTo(e.base.x, e.base.y);
    const head = get(`a|${z}|${look.colour}|${look.opacity}`, [0, z, 2], (ctx, p) => {
      ctx.globalAlpha = look.opacity;
      ctx.fillStyle = look.colour;
      ctx.fill(p);
    });
    const [a, b, c] = e.arrow;
    head.moveTo(a.x, a.y);
    head.lineTo(b.x, b.y);
    head.lineTo(c.x, c.y);
    head.closePath();
  }
  for (const n of nodes) {
    const { look } = n;
    if (look.opacity <= 0) continue;
    const z = look.z;
    if (!detailed) {
      // A square of about the shape's area; an outline only where it marks something (a choice, a change).
      const side = n.size * 0.8;
      get(`f|${z}|${look.fill}|${look.opacity}`, [1, z, 0], (ctx, p) => {
        ctx.globalAlpha = look.opacity;
        ctx.fillStyle = look.fill;
        ctx.fill(p);
      }).rect(n.x - side / 2, n.y - side / 2, side, side);
      if (look.border > plain.border || look.borderColour !== plain.borderColour) {
        get(`b|${z}|${look.borderColour}|${look.border}|${look.borderDashed}|${look.opacity}`, [1, z, 1], (ctx, p) => {
          ctx.setLineDash(look.borderDashed ? [4, 3] : []);
          ctx.globalAlpha = look.opacity;
          ctx.strokeStyle = look.borderColour;
          ctx.lineWidth = look.border;
          ctx.stroke(p);
        }).rect(n.x - side / 2, n.y - side / 2, side, side);
      }
      continue;
    }
    outline(get(`f|${z}|${look.fill}|${look.opacity}`, [1, z, 0], (ctx, p) => {
      ctx.globalAlpha = look.opacity;
      ctx.fillStyle = look.fill;
      ctx.fill(p);
    }), n);
    if (look.border > 0) {
      outline(get(`b|${z}|${look.borderColour}|${look.border}|${look.borderDashed}|${look.opacity}`, [1, z, 1], (ctx, p) => {
        ctx.setLineDash(look.borderDashed ? [4, 3] : []);
        ctx.globalAlpha = look.opacity;
        ctx.strokeStyle = look.borderColour;
        ctx.lineWidth = look.border;
        ctx.stroke(p);
      }), n);
    }
  }
  return [...batches.values()].sort((x, y) => x.order[0] - y.order[0] || x.order[1] - y.order[1] || x.order[2] - y.order[2]);
}

