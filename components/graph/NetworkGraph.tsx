"use client";

/**
 * The one owner of the Cytoscape instance: created with the first view, then changed by diffing
 * the view by id in one batch per step (what left is removed, what arrived is added at its stored
 * position, what stayed only changes class or label), and destroyed on unmount. It never lays
 * anything out: positions come with the graph (lib/server/store/layout.ts). Everything it draws is decided
 * in lib/graph/view.ts; of a view larger than the drawing budget, it holds what lib/graph/draw-budget.ts
 * chooses for the viewport, chosen again once the reader's pan or zoom settles, and says so in words.
 * A large view (from LARGE_MIN_ELEMENTS) is not put in Cytoscape at all: the page draws it
 * (drawing-layer.ts) and Cytoscape only pans and zooms, far cheaper a step than its per-element styling.
 */
import cytoscape, { type Core, type EventObject } from "cytoscape";
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from "react";
import type { Scene, SceneEdge, SceneNode } from "@/lib/export/snapshot-svg";
import { lineScale } from "@/lib/graph/level-of-detail";
import { CERTAINTY_LINES, CHANGE_MARKS, EDGE_WIDTH, KIND_STYLES, LABEL_SIZE, MEASURE_SIZE, dashDetail, graphStylesheet, type ChangeMark } from "@/lib/graph/style";
import { fitViewport } from "@/lib/graph/viewport-fit";
import { DRAW_BUDGET, budgetStatus, planDrawing, sampleSize, type DrawPlan, type ModelBox } from "@/lib/graph/draw-budget";
import type { ActorKind } from "@/lib/model/vocabulary";
import type { GraphView } from "@/lib/graph/view";
import type { GraphEdge, GraphNode } from "@/lib/api/types";
import { edgeTooltip, nodeTooltip, type Tooltip } from "@/lib/graph/tooltip";
import type { Selection } from "@/lib/view/state";
import { arrangeLabels, fitDrawn, labelSizeAt, viewportBox, type Viewport } from "./arrange-labels";
import { applyDrawing } from "./apply-drawing";
import { DrawingLayer, type LayerTip } from "./drawing-layer";
import styles from "./NetworkGraph.module.css";
import { isTouch, touchPick } from "./touch-pick";

export interface NetworkGraphHandle {
  zoomBy(factor: number): void;
  /** Fit what is drawn now. */
  fit(): void;
  /** Back to the stored positions (after dragging) and everything drawn in view. */
  reset(): void;
  /** Bring an actor to the middle of the view. */
  center(actorId: string): void;
  /** Zoom to a few elements (the triangle), if they are drawn. */
  fitTo(ids: readonly string[]): void;
  /** What is drawn, as plain shapes and curves, for the picture exports. */
  scene(): DrawnScene | null;
}

/** A picture of what is drawn; `note` says what of the view it leaves out, when it does. */
export type DrawnScene = Scene & { note?: string };

interface Props {
  view: GraphView | null;
  /** Actors drawn larger by a network measure: each actor's share of the largest value (0..1). */
  sizes: ReadonlyMap<string, number> | null;
  /** The date the view shows, written on the container once it is drawn (`data-graph-date`). */
  dateKey: string;
  /** A newer view is being fetched: the drawing is about to change. */
  busy: boolean;
  /** What the graph shows, in words, for screen readers. */
  description: string;
  /** The focused actor: drawn whatever the drawing budget leaves out. */
  focus?: string | null;
  onSelect(selection: Selection | null): void;
  /** What the pointer or the keyboard is on, here or in the panel's list: brought forward, with a tooltip. */
  hovered?: Selection | null;
  onHover?(hovered: Selection | null): void;
  ref?: Ref<NetworkGraphHandle>;
}

/**
 * Read by the browser tests: what is drawn and where, from Cytoscape or (a large view) the page's
 * own layer, in id order. Only what the view draws is there; `shown` is false only for a step's ghosts (what ended since
 * the previous step, drawn as a mark, not as part of the network at the date).
 */
export interface GraphProbe {
  nodes(): { id: string; label: string; shown: boolean; x: number; y: number; width: number; classes: string[] }[];
  edges(): { id: string; shown: boolean; classes: string[] }[];
  /** Where on the page to click an element (client pixels). */
  clientPoint(id: string): { x: number; y: number } | null;
  /** Who draws: Cytoscape ("canvas"), or the page itself for a large view ("layer"). */
  renderer(): "canvas" | "layer";
  /** Each shown label's box in page pixels, as Cytoscape bounds it (text, background and its margin). */
  labelBoxes(): PageBox[];
  /** Each actor's drawn box (shape and border) in page pixels. */
  nodeBoxes(): PageBox[];
  /** The model font size of actors' names and the zoom: their size on screen is the product. */
  labelScale(): { fontSize: number; zoom: number };
  /** The zoom, pan and canvas size: where a model position is on the canvas, drawn or not. */
  viewport(): { zoom: number; pan: { x: number; y: number }; width: number; height: number };
  /** Each tie's line as Cytoscape draws it: its style, width in model units and line opacity. */
  edgeLines(): { id: string; certainty: string; possibly: boolean; structural: boolean; classes: string[]; lineStyle: string; width: number; lineOpacity: number }[];
}

export interface PageBox {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

declare global {
  interface Window {
    __graphProbe?: GraphProbe;
  }
}

/** The closest fitTo zooms in (1 = the laid-out size). */
const FIT_ZOOM_CAP = 1.4;

/**
 * From this many elements the page draws the view itself (components/graph/drawing-layer.ts), styled
 * for speed (graphStylesheet's `large`: no fades, straight edges), and Cytoscape only pans and zooms.
 */
const LARGE_MIN_ELEMENTS = 600;

/**
 * How many elements a view may have in Cytoscape before only part of it is drawn:
 * `localStorage["graph-budget"]` (a positive whole number) overrides the default, so a browser
 * test on the seed and scripts/bench-browser.ts --budget can choose it.
 */
function drawBudget(): number {
  try {
    const forced = Number(window.localStorage.getItem("graph-budget") ?? "");
    if (Number.isInteger(forced) && forced > 0) return forced;
  } catch {
    // Storage refused: the default.
  }
  return DRAW_BUDGET;
}

/** The model coordinates a viewport shows on a canvas of the instance's size. */
function modelBox(cy: Core, v: Viewport): ModelBox {
  return { x1: -v.pan.x / v.zoom, y1: -v.pan.y / v.zoom, x2: (cy.width() - v.pan.x) / v.zoom, y2: (cy.height() - v.pan.y) / v.zoom };
}

const sameBox = (a: ModelBox | null, b: ModelBox) => !!a && [a.x1 - b.x1, a.y1 - b.y1, a.x2 - b.x2, a.y2 - b.y2].every((d) => Math.abs(d) < 1e-6 * (Math.abs(b.x2 - b.x1) + 1));

/** After a pan or zoom, how long the viewport must rest before what is drawn is chosen again for it. */
const REPLAN_MS = 200;

const byId = (a: { id(): string }, b: { id(): string }) => (a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0);

const fadeMs = () => (typeof window !== "undefined" && window.matchMedia("(prefers-reduced-motion: reduce)").matches ? 0 : 350);

export function NetworkGraph({ view, sizes, dateKey, busy, description, focus = null, onSelect, hovered = null, onHover, ref }: Props) {
  const container = useRef<HTMLDivElement>(null);
  // What the page and the tests read (state, date, description, the pointer's cursor) lives on this
  // frame, not on Cytoscape's container: Cytoscape redraws every element on any change to its
  // container's attributes (a MutationObserver it keeps to notice style changes), which made each
  // step and each hover cost a second full drawing.
  const frame = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  // Where each actor drawn so far was placed by the stored layout: "reset" returns dragged actors there.
  const home = useRef(new Map<string, { x: number; y: number }>());
  const fitted = useRef(false);
  // Until the reader zooms or pans, the drawing keeps fitting the canvas as it changes size.
  const autoFit = useRef(true);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const onHoverRef = useRef(onHover);
  onHoverRef.current = onHover;
  const hoveredRef = useRef(hovered);
  hoveredRef.current = hovered;
  const [tip, setTip] = useState<(Tooltip & { x: number; y: number; id: string }) | null>(null);
  // Names are placed to avoid each other (arrange-labels.ts) except in large views, at this model size.
  const placed = useRef(false);
  const labelSize = useRef(0);
  // A large view's lines as its stylesheet draws them: how much wider (lineScale) and which dash
  // patterns as dashes (dashDetail); null for a small view's.
  const lines = useRef<{ scale: number; dashes: string } | null>(null);
  // A large view is drawn by the page itself on this canvas, over Cytoscape's (which then holds nothing).
  const layerCanvas = useRef<HTMLCanvasElement>(null);
  const layer = useRef<DrawingLayer | null>(null);
  // The view last applied to Cytoscape: "ready" is only claimed once the drawing matches it.
  const [drawn, setDrawn] = useState<GraphView | null>(null);
  const drawnRef = useRef<GraphView | null>(null);
  drawnRef.current = drawn;
  // The view being drawn, and what of it Cytoscape holds: part of it when it exceeds the budget.
  const viewRef = useRef<GraphView | null>(null);
  const sizesRef = useRef(sizes);
  sizesRef.current = sizes;
  const focusRef = useRef(focus);
  focusRef.current = focus;
  const plan = useRef<(DrawPlan & { box: ModelBox | null; budget: number; sample: number }) | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  // Whether the drawing's style has been chosen for the size of a view (the first one).
  const sized = useRef(false);
  // The container's size Cytoscape last drew at.
  const drawnSize = useRef({ width: 0, height: 0 });

  /** The instance, made on mount, empty (see the mount effect). */
  const create = (): Core => {
    placed.current = true;
    const cy = cytoscape({
      container: container.current,
      style: stylesheet(false, 1),
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: "single",
    } as cytoscape.CytoscapeOptions);
    // Selection lives in the URL-backed view state, not in Cytoscape's own selection.
    cy.autounselectify(true);
    // Cytoscape watches its container itself (a ResizeObserver, and a MutationObserver on its
    // attributes) and redraws every element 100 ms after either reports, including the observer's
    // first report, which comes with the first frame: a second full drawing of the first view
    // (seconds at 100,000 ties). The page's own observer below tells it of real size changes.
    const watchers = (cy as unknown as { renderer(): { resizeObserver?: ResizeObserver; styleObserver?: MutationObserver; invalidateContainerClientCoordsCache?(): void } }).renderer();
    watchers.resizeObserver?.disconnect();
    watchers.styleObserver?.disconnect();
    // Their reports also told Cytoscape where its container is on the page, which it keeps to map a
    // pointer to the drawing: the page above the graph can move it without resizing it (the phone
    // layout's bars), so it is told again as each pointer or touch begins.
    const whereIsIt = () => watchers.invalidateContainerClientCoordsCache?.();
    for (const type of ["mousedown", "mousemove", "touchstart", "wheel"]) frame.current?.addEventListener(type, whereIsIt, { capture: true, passive: true });
    drawnSize.current = { width: container.current?.clientWidth ?? 0, height: container.current?.clientHeight ?? 0 };
    cy.on("tap", (e: EventObject) => {
      // A large view is drawn by the page, and answers the pointer itself.
      if (layer.current) return onSelectRef.current(layer.current.pickAt(e.renderedPosition, isTouch(e)));
      // A finger is wider than an edge: on touch, an edge near the tap wins over a node beside it.
      if (isTouch(e)) return onSelectRef.current(touchPick(cy, e));
      if (e.target === cy) return onSelectRef.current(null);
      const ele = e.target;
      onSelectRef.current({ kind: ele.isNode() ? "actor" : "relationship", id: ele.id() });
    });
    cy.on("mouseover", "node, edge", (e: EventObject) => {
      frame.current?.classList.add(styles.pointing!);
      onHoverRef.current?.({ kind: e.target.isNode() ? "actor" : "relationship", id: e.target.id() });
    });
    cy.on("mouseout", "node, edge", () => {
      frame.current?.classList.remove(styles.pointing!);
      onHoverRef.current?.(null);
    });
    // A large view's actors are dragged as Cytoscape's are: pressed on, Cytoscape stops panning until let go.
    let dragging: { id: string; dx: number; dy: number } | null = null;
    cy.on("tapstart", (e: EventObject) => {
      const found = layer.current?.pickAt(e.renderedPosition, isTouch(e));
      if (found?.kind !== "actor") return;
      const at = layer.current!.position(found.id)!;
      dragging = { id: found.id, dx: at.x - e.position.x, dy: at.y - e.position.y };
      cy.userPanningEnabled(false);
    });
    cy.on("tapdrag", (e: EventObject) => {
      if (!dragging || !layer.current) return;
      layer.current.moveActor(dragging.id, { x: e.position.x + dragging.dx, y: e.position.y + dragging.dy });
      setTip(null);
    });
    cy.on("tapend", () => {
      if (!dragging) return;
      dragging = null;
      cy.userPanningEnabled(true);
      layer.current?.renameNow();
    });
    // A large view's elements are not Cytoscape's: what the pointer is on is asked of the layer, once a frame.
    let pointing = 0;
    let pointer: { x: number; y: number } | null = null;
    let over: string | null = null;
    cy.on("mousemove", (e: EventObject) => {
      if (!layer.current) return;
      pointer = e.renderedPosition;
      if (pointing) return;
      pointing = requestAnimationFrame(() => {
        pointing = 0;
        const found = pointer && layer.current ? layer.current.pickAt(pointer, false) : null;
        const key = found ? `${found.kind} ${found.id}` : null;
        if (key === over) return;
        over = key;
        frame.current?.classList.toggle(styles.pointing!, !!found);
        onHoverRef.current?.(found);
      });
    });
    cy.on("viewport", () => setTip(null));
    // Once a pan or zoom settles (not at every frame), a view larger than the budget is drawn for the new viewport.
    let replanning: ReturnType<typeof setTimeout> | undefined;
    cy.on("viewport", () => {
      if (!plan.current?.box) return;
      clearTimeout(replanning);
      replanning = setTimeout(() => {
        if (cyRef.current === cy) redraw(cy);
      }, REPLAN_MS);
    });
    // A large view's named actors keep a legible size as the reader zooms (once per frame at most).
    let sizing = 0;
    cy.on("zoom", () => {
      if (placed.current || sizing) return;
      sizing = requestAnimationFrame(() => {
        sizing = 0;
        layer.current?.rename();
      });
    });
    // Once a zoom settles, a large view's lines are drawn for it (during the zoom they scale with it).
    let relining: ReturnType<typeof setTimeout> | undefined;
    cy.on("zoom", () => {
      if (placed.current) return;
      clearTimeout(relining);
      relining = setTimeout(() => {
        if (cyRef.current === cy) showLines(cy);
      }, REPLAN_MS);
    });
    // Leaving the canvas quickly from an element may not reach Cytoscape as a mouseout.
    container.current?.addEventListener("mouseleave", () => {
      pointer = null;
      over = null;
      frame.current?.classList.remove(styles.pointing!);
      onHoverRef.current?.(null);
    });
    cy.on("scrollzoom pinchzoom dragpan", () => {
      autoFit.current = false;
    });
    const round = (v: number) => Math.round(v * 100) / 100;
    const toPage = (id: string, b: { x1: number; y1: number; x2: number; y2: number }): PageBox => {
      const box = container.current!.getBoundingClientRect();
      const z = cy.zoom();
      const pan = cy.pan();
      const x = box.left + window.scrollX + pan.x;
      const y = box.top + window.scrollY + pan.y;
      return { id, x1: round(x + b.x1 * z), y1: round(y + b.y1 * z), x2: round(x + b.x2 * z), y2: round(y + b.y2 * z) };
    };
    // A large view: what the page draws itself (components/graph/drawing-layer.ts), read the same way.
    const L = () => layer.current;
    const pageBoxes = (boxes: { id: string; x1: number; y1: number; x2: number; y2: number }[]) => boxes.map((b) => toPage(b.id, b));
    window.__graphProbe = {
      nodes: () =>
        L()?.probeNodes() ?? (cy.nodes().sort(byId) as cytoscape.NodeCollection).map((n) => ({
          id: n.id(),
          label: String(n.data("label")),
          shown: !n.hasClass("ghost"),
          x: round(n.position("x")),
          y: round(n.position("y")),
          width: round(n.width()),
          classes: n.classes(),
        })),
      edges: () => L()?.probeEdges() ?? cy.edges().sort(byId).map((e) => ({ id: e.id(), shown: !e.hasClass("ghost"), classes: e.classes() })),
      clientPoint: (id) => {
        if (L()) {
          const p = L()!.renderedPoint(id);
          const box = container.current?.getBoundingClientRect();
          return p && box ? { x: box.left + p.x, y: box.top + p.y } : null;
        }
        const ele = cy.getElementById(id);
        if (ele.empty() || !container.current) return null;
        const p = ele.isNode() ? ele.renderedPosition() : (ele as unknown as cytoscape.EdgeSingular).renderedMidpoint();
        const box = container.current.getBoundingClientRect();
        return { x: box.left + p.x, y: box.top + p.y };
      },
      renderer: () => (L() ? "layer" : "canvas"),
      labelBoxes: () =>
        L()
          ? pageBoxes(L()!.labelBoxes())
          : cy
          .elements()
          .sort(byId)
          .filter((e) => !!e.style("label") && Number.parseFloat(e.style("opacity")) > 0)
          .map((e) => toPage(e.id(), e.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeMainLabels: true, includeSourceLabels: false, includeTargetLabels: false, includeOverlays: false, includeUnderlays: false }))),
      nodeBoxes: () => (L() ? pageBoxes(L()!.nodeBoxes()) : cy.nodes().sort(byId).map((n) => toPage(n.id(), n.boundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false })))),
      labelScale: () => (L() ? { fontSize: LABEL_SIZE, zoom: cy.zoom() } : { fontSize: Number.parseFloat(cy.nodes().first().style("font-size")) || 0, zoom: cy.zoom() }),
      viewport: () => ({ zoom: cy.zoom(), pan: { ...cy.pan() }, width: cy.width(), height: cy.height() }),
      edgeLines: () =>
        L()?.edgeLines() ??
        cy
          .edges()
          .sort(byId)
          .map((e) => ({
            id: e.id(),
            certainty: String(e.data("certainty")),
            possibly: !!e.data("possibly"),
            structural: !!e.data("structural"),
            classes: e.classes(),
            lineStyle: String(e.style("line-style")),
            width: Number.parseFloat(e.style("width")),
            lineOpacity: Number(e.style("line-opacity")),
          })),
    };
    cyRef.current = cy;
    return cy;
  };

  /** The stylesheet for a view's size, with a large view's lines drawn for `zoom`. */
  const stylesheet = (large: boolean, zoom: number) => {
    if (!large) {
      lines.current = null;
      return graphStylesheet({ fadeMs: fadeMs(), placedLabels: true });
    }
    lines.current = { scale: lineScale(zoom, EDGE_WIDTH, lines.current?.scale ?? null), dashes: dashDetail(zoom) };
    return graphStylesheet({ fadeMs: fadeMs(), large, dashZoom: zoom, lineScale: lines.current.scale });
  };

  /**
   * A large view's lines, wide enough and dashed where legible at the zoom: restyled (every element
   * drawn) only when the zoom halves or doubles or crosses a pattern's threshold, not at each step.
   */
  const showLines = (cy: Core) => {
    const now = lines.current;
    if (placed.current || !now) return;
    const zoom = cy.zoom();
    if (now.dashes === dashDetail(zoom) && now.scale === lineScale(zoom, EDGE_WIDTH, now.scale)) return;
    layer.current?.setSheet(stylesheet(true, zoom));
  };

  /**
   * Fit what is drawn (when `refit`), with names large enough to read at that zoom, then place the
   * names for the drawing as it is. Positions never change; only the zoom, pan and names do.
   */
  const arrange = (cy: Core, refit: boolean, animate = false, target: Viewport | null = null) => {
    if (!placed.current) {
      // The caller's viewport, or the fit of the whole view (what the budget leaves out too) from the stored positions alone.
      const v = target ?? (refit && viewRef.current ? viewFit(cy, viewRef.current) : null);
      if (!v) return;
      // Zooming to some actors glides there; a step's fit is at once (a large view has no fades).
      if (animate && !refit && fadeMs() > 0) cy.animate({ zoom: v.zoom, pan: v.pan }, { duration: fadeMs() });
      else cy.viewport(v);
      return;
    }
    // `target`: a viewport chosen by the caller (zooming to some actors), sized and named like a fit.
    const v = target ?? (refit ? (wholeFit(cy) ?? fitDrawn(cy)) : null);
    if (v) {
      const size = labelSizeAt(v.zoom);
      if (size !== labelSize.current) {
        labelSize.current = size;
        cy.style().fromJson(graphStylesheet({ fadeMs: fadeMs(), placedLabels: true, labelSize: size })).update();
      }
    }
    arrangeLabels(cy, labelSize.current || labelSizeAt(cy.zoom()), v ? viewportBox(cy, v) : null);
    if (!v) return;
    if (animate && fadeMs() > 0) cy.animate({ zoom: v.zoom, pan: v.pan }, { duration: fadeMs() });
    else cy.viewport(v);
  };

  /**
   * The fit of the whole view when it exceeds the budget (fitting what is drawn would zoom into
   * part of it), from the stored positions alone; null when it is drawn whole (the fit measures it).
   */
  const wholeFit = (cy: Core): Viewport | null => {
    const view = viewRef.current;
    if (!view || view.nodes.size + view.edges.size <= drawBudget()) return null;
    return viewFit(cy, view);
  };

  /** The fit of every actor of `view`, drawn or not. */
  const viewFit = (cy: Core, view: GraphView): Viewport | null => {
    const items = [...view.nodes.values()].map((n) => ({ x: n.position?.x ?? 0, y: n.position?.y ?? 0, size: KIND_STYLES[n.data.kind as ActorKind]?.size ?? MEASURE_SIZE.max }));
    const pad = placed.current ? { x: 48, y: 28 } : { x: 30, y: 30 };
    return fitViewport(items, { width: cy.width(), height: cy.height(), pad, minZoom: cy.minZoom(), maxZoom: placed.current ? 1.6 : cy.maxZoom() });
  };

  /**
   * Chooses what of the view Cytoscape holds for the viewport `v` (the current one by default) and
   * applies the difference. Returns whether anything was chosen anew.
   */
  const redraw = (cy: Core, v: Viewport = { zoom: cy.zoom(), pan: cy.pan() }, force = false): boolean => {
    const view = viewRef.current;
    if (!view) return false;
    const budget = drawBudget();
    // Beyond the budget, a sample as dense as the canvas can show (a new size chooses it anew).
    const sample = sampleSize(budget, cy.width(), cy.height());
    const over = view.nodes.size + view.edges.size > budget;
    const box = over ? modelBox(cy, v) : null;
    const same = plan.current && plan.current.budget === budget && (over ? plan.current.sample === sample && sameBox(plan.current.box, box!) : plan.current.complete);
    if (!force && same) return false;
    const next = { ...planDrawing(view, box, budget, { focus: focusRef.current, sample }), box, budget, sample };
    plan.current = next;
    if (layer.current) layer.current.setDrawing(view, next, sizesRef.current, home.current);
    else applyDrawing(cy, view, next, { sizes: sizesRef.current, home: home.current });
    setStatus(budgetStatus(next));
    if (!force) {
      // After a pan or zoom: the names of what arrived, placed like the rest.
      if (placed.current) arrange(cy, false);
      setTip(hoverTip(cy, hoveredRef.current, layer.current));
    }
    return true;
  };

  useEffect(() => {
    // Made now, empty: Cytoscape redraws everything when its own ResizeObserver first reports on the
    // container, which made with the first view was a second full drawing of it.
    create();
    // The canvas changes size with the window, the legend and the phone layout; Cytoscape must be told.
    const resize = new ResizeObserver(() => {
      const cy = cyRef.current;
      if (!cy) return;
      // Its first report, and any that does not change the size, would only redraw everything.
      const width = container.current?.clientWidth ?? 0;
      const height = container.current?.clientHeight ?? 0;
      if (width === drawnSize.current.width && height === drawnSize.current.height) return;
      drawnSize.current = { width, height };
      cy.resize();
      layer.current?.schedule();
      if (autoFit.current && fitted.current) arrange(cy, true);
      else if (fitted.current) redraw(cy);
    });
    resize.observe(container.current!);
    return () => {
      resize.disconnect();
      delete window.__graphProbe;
      layer.current?.destroy();
      layer.current = null;
      cyRef.current?.destroy();
      cyRef.current = null;
      sized.current = false;
    };
  }, []);

  // Each view: one batch that removes what left, adds what arrived and restyles what changed.
  useEffect(() => {
    if (!view) return;
    const started = performance.now();
    const elements = view.nodes.size + view.edges.size;
    const large = elements >= LARGE_MIN_ELEMENTS;
    const cy = cyRef.current ?? create();
    if (!sized.current && large && !layer.current && layerCanvas.current) {
      // Made on mount for a small view; the first view is large: the page draws it, its lines drawn
      // for the zoom the view is about to be fitted at (else restyled again after the fit).
      placed.current = false;
      const zoom = autoFit.current ? (viewFit(cy, view)?.zoom ?? cy.zoom()) : cy.zoom();
      layer.current = new DrawingLayer(cy, layerCanvas.current, stylesheet(true, zoom));
    }
    sized.current = true;
    viewRef.current = view;
    // A view larger than the budget is chosen for the viewport it will be shown at: the fit of the
    // whole view at a step that refits, else where the reader is.
    const target = autoFit.current ? wholeFit(cy) : null;
    redraw(cy, target ?? undefined, true);
    // Each step fits what is drawn (until the reader zooms or pans) and places the names anew.
    arrange(cy, autoFit.current, fitted.current, target);
    if (layer.current) {
      showLines(cy);
      layer.current.rename();
    }
    fitted.current = true;
    // Read by scripts/bench-browser.ts: the step's work in script, apart from drawing the frame.
    performance.measure("graph-step", { start: started });
    setDrawn(view);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, sizes]);

  // What is hovered (here or in the list) comes forward, after every step too: the step resets classes.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    setTip(hoverTip(cy, hovered, layer.current));
  }, [hovered, drawn]);

  useImperativeHandle(ref, () => ({
    zoomBy(factor) {
      const cy = cyRef.current;
      if (!cy) return;
      autoFit.current = false;
      cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    },
    fit() {
      if (cyRef.current) arrange(cyRef.current, true);
      autoFit.current = true;
    },
    reset() {
      const cy = cyRef.current;
      if (!cy) return;
      if (layer.current) {
        layer.current.resetPositions(home.current);
        arrange(cy, true);
        autoFit.current = true;
        return;
      }
      cy.nodes().positions((n) => ({ ...(home.current.get(n.id()) ?? n.position()) }));
      arrange(cy, true);
      autoFit.current = true;
    },
    center(actorId) {
      const cy = cyRef.current;
      const n = cy?.getElementById(actorId);
      if (!cy || !n) return;
      // An actor of the view not drawn (beyond the budget) is centred by its stored position; once
      // selected it is always drawn, and the viewport settling there draws what is around it.
      const at = n.nonempty() ? n.position() : (viewRef.current?.nodes.get(actorId)?.position ?? home.current.get(actorId));
      if (!at) return;
      autoFit.current = false;
      const zoom = Math.max(cy.zoom(), 1);
      cy.animate({ zoom, pan: { x: cy.width() / 2 - zoom * at.x, y: cy.height() / 2 - zoom * at.y } }, { duration: fadeMs() });
    },
    fitTo(ids) {
      const cy = cyRef.current;
      if (!cy) return;
      const eles = cy.nodes().filter((n) => ids.includes(n.id()));
      const boxes = layer.current ? layer.current.nodeBoxes().filter((b) => ids.includes(b.id)) : [];
      if (eles.empty() && !boxes.length) return;
      autoFit.current = false;
      // Fit, but not closer than a comfortable reading zoom: two actors alone would fill the screen.
      // Actors only: the names are placed anew for the drawing and would otherwise push the zoom out.
      const bb = boxes.length ? unionBox(boxes) : eles.boundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false });
      const pad = 60;
      // The cap never zooms out past the fit of what is drawn (a year's network may already be closer).
      const cap = Math.max(FIT_ZOOM_CAP, fitDrawn(cy)?.zoom ?? 0);
      const zoom = Math.max(cy.minZoom(), Math.min(cap, (cy.width() - 2 * pad) / Math.max(bb.w, 1), (cy.height() - 2 * pad) / Math.max(bb.h, 1)));
      const pan = { x: cy.width() / 2 - zoom * (bb.x1 + bb.w / 2), y: cy.height() / 2 - zoom * (bb.y1 + bb.h / 2) };
      // Names are sized and placed for the zoom arrived at, as after a fit (else they grow with the zoom).
      arrange(cy, false, true, { zoom, pan });
    },
    scene() {
      const cy = cyRef.current;
      // A step's marks (what appeared or ended since the previous step) are a screen aid, not part of a figure.
      if (!cy) return null;
      const stepMarks = !!drawnRef.current?.stepDiff;
      const drawnScene: DrawnScene = layer.current ? layer.current.scene(stepMarks) : readScene(cy, stepMarks);
      const p = plan.current;
      if (p && !p.complete) {
        const n = (x: number) => x.toLocaleString("en-US");
        drawnScene.note = `Drawn: the ${n(p.actors.drawn)} most connected of ${n(p.actors.total)} actors and ${n(p.ties.drawn)} of ${n(p.ties.total)} ties here; the data exports hold them all`;
      }
      return drawnScene;
    },
  }));

  const ready = !busy && view !== null && drawn === view;
  return (
    <>
      <div
        ref={frame}
        className={styles.graph}
        role="img"
        aria-label={description}
        data-testid="network-graph"
        data-graph-state={ready ? "ready" : "loading"}
        data-graph-date={ready ? dateKey : undefined}
      >
        <div ref={container} className={styles.host} />
        <canvas ref={layerCanvas} className={styles.layer} aria-hidden="true" data-testid="graph-layer" />
      </div>
      {status ? (
        <p className={styles.budget} role="status" data-testid="draw-budget">
          {status}
        </p>
      ) : null}
      {tip ? (
        <div className={styles.tooltip} role="tooltip" data-testid="graph-tooltip" data-for={tip.id} style={{ left: tip.x, top: tip.y }}>
          <strong>{tip.title}</strong>
          {tip.lines.map((l) => (
            <span key={l}>{l}</span>
          ))}
        </div>
      ) : null}
    </>
  );
}

/** The hovered element comes forward, drawn by Cytoscape or by the page (large views); its tooltip. */
function hoverTip(cy: Core, hovered: Selection | null, layer: DrawingLayer | null = null) {
  if (!layer) return applyHover(cy, hovered);
  const tip: LayerTip | null = layer.setHover(hovered);
  if (!tip) return null;
  if (tip.kind === "actor") return { ...nodeTooltip(tip.node.data), id: tip.node.id, x: tip.x, y: tip.y };
  const data = tip.edge.data;
  const after = data.possibly && data.last ? data.last.slice(0, 4) : null;
  return { ...edgeTooltip(data, (id) => layer.label(id) ?? id, after), id: tip.edge.id, x: tip.x, y: tip.y };
}

const unionBox = (boxes: { x1: number; y1: number; x2: number; y2: number }[]) => {
  const x1 = Math.min(...boxes.map((b) => b.x1));
  const y1 = Math.min(...boxes.map((b) => b.y1));
  const x2 = Math.max(...boxes.map((b) => b.x2));
  const y2 = Math.max(...boxes.map((b) => b.y2));
  return { x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 };
};

const HOVER_CLASSES = "hovered hover-linked hover-faded";
const HOVER_SELECTOR = ".hovered, .hover-linked, .hover-faded";

/**
 * Brings the hovered element forward: it and what it touches stay, the rest fades (classes
 * `hovered`, `hover-linked`, `hover-faded` in lib/graph/style.ts). Returns its tooltip, placed by
 * the element on the canvas, or null.
 */
function applyHover(cy: Core, hovered: Selection | null): (Tooltip & { x: number; y: number; id: string }) | null {
  const found = hovered?.kind === "actor" ? cy.nodes().getElementById(hovered.id) : hovered?.kind === "relationship" ? cy.edges().getElementById(hovered.id) : null;
  const shown = found && !found.empty() ? found : null;
  cy.batch(() => {
    // Only from what has them: Cytoscape's removeClass restyles every element it is given, had it
    // the class or not, and this runs after every step (every element of a large view, each time).
    cy.elements(HOVER_SELECTOR).removeClass(HOVER_CLASSES);
    if (!shown) return;
    const linked = hovered!.kind === "actor" ? (shown as cytoscape.NodeSingular).closedNeighborhood() : shown.union((shown as cytoscape.EdgeSingular).connectedNodes());
    shown.addClass("hovered");
    linked.not(shown).addClass("hover-linked");
    cy.elements().not(linked).addClass("hover-faded");
  });
  if (!shown) return null;
  const nameOf = (id: string) => String(cy.getElementById(id).data("label") ?? id);
  if (hovered!.kind === "actor") {
    const node = shown as unknown as cytoscape.NodeSingular;
    const p = node.renderedPosition();
    return { ...nodeTooltip(node.data() as GraphNode["data"]), id: node.id(), x: Math.round(p.x), y: Math.round(p.y + node.renderedOuterHeight() / 2 + 6) };
  }
  const edge = shown as unknown as cytoscape.EdgeSingular;
  const p = edge.renderedMidpoint();
  const data = edge.data() as GraphEdge["data"];
  const after = data.possibly && data.last ? data.last.slice(0, 4) : null;
  return { ...edgeTooltip(data, nameOf, after), id: edge.id(), x: Math.round(p.x), y: Math.round(p.y + 10) };
}

/**
 * The drawing as Cytoscape has it now (positions after any dragging, computed colours and fades,
 * edge curves), in model coordinates.
 */
function readScene(cy: Core, stepMarks: boolean): Scene {
  const num = (v: unknown) => Number.parseFloat(String(v)) || 0;
  const hasMark = (e: { hasClass(c: string): boolean }) => (Object.keys(CHANGE_MARKS) as ChangeMark[]).some((m) => e.hasClass(m));
  // A comparison's marks are what the figure shows; a step's are not.
  const marked = (e: { hasClass(c: string): boolean }) => !stepMarks && hasMark(e);
  const drawnHere = (e: { hasClass(c: string): boolean }) => !(stepMarks && e.hasClass("ghost"));
  const nodes: SceneNode[] = ((cy.nodes().filter(drawnHere).sort(byId) as cytoscape.NodeCollection).toArray() as cytoscape.NodeSingular[]).map((n) => ({
      id: n.id(),
      kind: n.data("kind"),
      label: String(n.data("label") ?? ""),
      ...n.position(),
      width: n.width(),
      height: n.height(),
      fill: n.style("background-color"),
      stroke: n.style("border-color"),
      strokeWidth: num(n.style("border-width")),
      opacity: num(n.style("opacity")),
    }));
  const edges: SceneEdge[] = ((cy.edges().filter(drawnHere).sort(byId) as cytoscape.EdgeCollection).toArray() as cytoscape.EdgeSingular[]).map((e) => {
      const label = e.style("label");
      return {
        id: e.id(),
        from: e.sourceEndpoint(),
        controls: e.controlPoints() ?? [],
        to: e.targetEndpoint(),
        colour: e.style("line-color"),
        width: num(e.style("width")),
        dash: CERTAINTY_LINES[e.data("certainty") as keyof typeof CERTAINTY_LINES]?.dash ?? null,
        opacity: num(e.style("opacity")),
        arrowScale: num(e.style("arrow-scale")) || 1,
        label: label ? String(e.data("label")) : null,
        source: e.data("source"),
        target: e.data("target"),
        text: String(e.data("label") ?? ""),
        // What the view brings forward: a story step's or a chain's tie, the triangle's, the selection, a comparison's mark.
        highlighted: e.hasClass("highlighted") || e.hasClass("chosen") || marked(e),
        polarity: e.data("polarity"),
        certainty: e.data("certainty"),
        structural: !!e.data("structural"),
        ended: e.hasClass("ended"),
        halo: num(e.style("underlay-opacity")) > 0 && !(stepMarks && hasMark(e))
          ? { colour: e.style("underlay-color"), opacity: num(e.style("underlay-opacity")), padding: num(e.style("underlay-padding")) }
          : null,
        mark: stepMarks ? null : ((Object.keys(CHANGE_MARKS) as ChangeMark[]).find((m) => e.hasClass(m)) ?? null),
      };
    });
  return { nodes, edges };
}
