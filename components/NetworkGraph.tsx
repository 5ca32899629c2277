"use client";

/**
 * The one owner of the Cytoscape instance: created once on mount, laid out once over the whole
 * dataset, then only restyled as the view changes (classes and labels, diffed by id in one batch),
 * and destroyed on unmount. Everything it draws is decided in lib/graph-view.ts.
 */
import cytoscape, { type Core, type EventObject } from "cytoscape";
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from "react";
import type { GraphEdge, GraphNode } from "@/lib/api-types";
import { COLA_OPTIONS, edgeLength, startPositions } from "@/lib/graph-layout";
import { registerCola } from "@/lib/graph-positions";
import type { Scene, SceneEdge, SceneNode } from "@/lib/export/snapshot-svg";
import { CERTAINTY_LINES, CHANGE_MARKS, graphStylesheet, type ChangeMark } from "@/lib/graph-style";
import type { GraphView } from "@/lib/graph-view";
import type { Selection } from "@/lib/view-state";
import styles from "./NetworkGraph.module.css";

export interface NetworkGraphHandle {
  zoomBy(factor: number): void;
  /** Fit what is drawn now. */
  fit(): void;
  /** Back to the laid-out positions (after dragging) and the whole network in view. */
  reset(): void;
  /** Bring an actor to the middle of the view. */
  center(actorId: string): void;
  /** Zoom to a few elements (the triangle), if they are drawn. */
  fitTo(ids: readonly string[]): void;
  /** What is drawn, as plain shapes and curves, for the picture exports. */
  scene(): Scene | null;
}

interface Props {
  all: { nodes: GraphNode[]; edges: GraphEdge[] } | null;
  view: GraphView | null;
  /** Actors drawn larger by a network measure: each actor's share of the largest value (0..1). */
  sizes: ReadonlyMap<string, number> | null;
  /** The date the view shows, written on the container once it is drawn (`data-graph-date`). */
  dateKey: string;
  /** A newer view is being fetched: the drawing is about to change. */
  busy: boolean;
  /** What the graph shows, in words, for screen readers. */
  description: string;
  onSelect(selection: Selection | null): void;
  ref?: Ref<NetworkGraphHandle>;
}

/** Read by the browser tests: what is drawn and where, straight from Cytoscape. */
export interface GraphProbe {
  nodes(): { id: string; label: string; shown: boolean; x: number; y: number; width: number; classes: string[] }[];
  edges(): { id: string; shown: boolean; classes: string[] }[];
  /** Where on the page to click an element (client pixels). */
  clientPoint(id: string): { x: number; y: number } | null;
}

declare global {
  interface Window {
    __graphProbe?: GraphProbe;
  }
}

/** The closest fitTo zooms in (1 = the laid-out size). */
const FIT_ZOOM_CAP = 1.4;

const fadeMs = () => (typeof window !== "undefined" && window.matchMedia("(prefers-reduced-motion: reduce)").matches ? 0 : 350);

export function NetworkGraph({ all, view, sizes, dateKey, busy, description, onSelect, ref }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const laidOut = useRef<Map<string, { x: number; y: number }> | null>(null);
  const fitted = useRef(false);
  // Until the reader zooms or pans, the drawing keeps fitting the canvas as it changes size.
  const autoFit = useRef(true);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  // The view last applied to Cytoscape: "ready" is only claimed once the drawing matches it.
  const [drawn, setDrawn] = useState<GraphView | null>(null);

  useEffect(() => {
    registerCola();
    const cy = cytoscape({
      container: container.current,
      style: graphStylesheet({ fadeMs: fadeMs() }),
      minZoom: 0.15,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: "single",
    });
    // Selection lives in the URL-backed view state, not in Cytoscape's own selection.
    cy.autounselectify(true);
    cy.on("tap", (e: EventObject) => {
      if (e.target === cy) return onSelectRef.current(null);
      const ele = e.target;
      onSelectRef.current({ kind: ele.isNode() ? "actor" : "relationship", id: ele.id() });
    });
    cy.on("mouseover", "node, edge", () => container.current?.classList.add(styles.pointing!));
    cy.on("mouseout", "node, edge", () => container.current?.classList.remove(styles.pointing!));
    cyRef.current = cy;
    // The canvas changes size with the window, the legend and the phone layout; Cytoscape must be told.
    const resize = new ResizeObserver(() => {
      cy.resize();
      if (autoFit.current && fitted.current) fitShown(cy);
    });
    cy.on("scrollzoom pinchzoom dragpan", () => {
      autoFit.current = false;
    });
    resize.observe(container.current!);

    window.__graphProbe = {
      nodes: () =>
        cy.nodes().map((n) => ({
          id: n.id(),
          label: String(n.data("label")),
          shown: !n.hasClass("absent"),
          x: Math.round(n.position("x") * 100) / 100,
          y: Math.round(n.position("y") * 100) / 100,
          width: Math.round(n.width() * 100) / 100,
          classes: n.classes(),
        })),
      edges: () => cy.edges().map((e) => ({ id: e.id(), shown: !e.hasClass("absent"), classes: e.classes() })),
      clientPoint: (id) => {
        const ele = cy.getElementById(id);
        if (ele.empty() || !container.current) return null;
        const p = ele.isNode() ? ele.renderedPosition() : (ele as unknown as cytoscape.EdgeSingular).renderedMidpoint();
        const box = container.current.getBoundingClientRect();
        return { x: box.left + p.x, y: box.top + p.y };
      },
    };
    return () => {
      resize.disconnect();
      delete window.__graphProbe;
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  // The whole network arrives once: add it and settle the layout over all of it.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !all || laidOut.current) return;
    const start = startPositions(all.nodes);
    cy.batch(() => {
      cy.add(all.nodes.map((n) => ({ group: "nodes" as const, data: { ...n.data }, position: { ...start.get(n.data.id)! }, classes: "absent" })));
      cy.add(all.edges.map((e) => ({ group: "edges" as const, data: { ...e.data }, classes: "absent" })));
    });
    cy.layout({ ...COLA_OPTIONS, edgeLength } as cytoscape.LayoutOptions).run();
    laidOut.current = new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
  }, [all]);

  // Each view: relabel and reclass in one batch; positions never change here.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !view || !laidOut.current) return;
    cy.batch(() => {
      for (const [id, v] of view.nodes) {
        const n = cy.getElementById(id);
        if (n.empty()) continue;
        if (n.data("label") !== v.label) n.data("label", v.label);
        const measure = sizes?.get(id);
        if (measure !== undefined) {
          if (n.data("measure") !== measure) n.data("measure", measure);
          setClasses(n, [...v.classes, "sized"]);
        } else setClasses(n, v.classes);
      }
      for (const [id, v] of view.edges) {
        const e = cy.getElementById(id);
        if (!e.empty()) setClasses(e, v.classes);
      }
    });
    if (!fitted.current) {
      fitShown(cy);
      fitted.current = true;
    }
    setDrawn(view);
  }, [view, sizes]);

  useImperativeHandle(ref, () => ({
    zoomBy(factor) {
      const cy = cyRef.current;
      if (!cy) return;
      autoFit.current = false;
      cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    },
    fit() {
      if (cyRef.current) fitShown(cyRef.current);
      autoFit.current = true;
    },
    reset() {
      const cy = cyRef.current;
      if (!cy || !laidOut.current) return;
      const home = laidOut.current;
      cy.nodes().positions((n) => ({ ...(home.get(n.id()) ?? n.position()) }));
      cy.fit(cy.nodes(), 30);
      autoFit.current = true;
    },
    center(actorId) {
      const cy = cyRef.current;
      const n = cy?.getElementById(actorId);
      if (!cy || !n || n.empty()) return;
      autoFit.current = false;
      cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1) }, { duration: fadeMs() });
    },
    fitTo(ids) {
      const cy = cyRef.current;
      if (!cy) return;
      const eles = cy.nodes().filter((n) => ids.includes(n.id()) && !n.hasClass("absent"));
      if (eles.empty()) return;
      autoFit.current = false;
      // Fit, but not closer than a comfortable reading zoom: two actors alone would fill the screen.
      const bb = eles.boundingBox({});
      const pad = 60;
      const zoom = Math.min(FIT_ZOOM_CAP, (cy.width() - 2 * pad) / Math.max(bb.w, 1), (cy.height() - 2 * pad) / Math.max(bb.h, 1));
      cy.animate({ zoom: Math.max(cy.minZoom(), zoom), center: { eles } }, { duration: fadeMs() });
    },
    scene() {
      const cy = cyRef.current;
      return cy && laidOut.current ? readScene(cy) : null;
    },
  }));

  const ready = !busy && view !== null && drawn === view;
  return (
    <div
      ref={container}
      className={styles.graph}
      role="img"
      aria-label={description}
      data-testid="network-graph"
      data-graph-state={ready ? "ready" : "loading"}
      data-graph-date={ready ? dateKey : undefined}
    />
  );
}

function setClasses(ele: cytoscape.SingularElementArgument, classes: string[]) {
  const now = ele.classes();
  if (now.length !== classes.length || now.some((c, i) => c !== classes[i])) ele.classes(classes);
}

/**
 * The drawing as Cytoscape has it now (positions after any dragging, computed colours and fades,
 * edge curves), in model coordinates; absent elements are left out.
 */
function readScene(cy: Core): Scene {
  const num = (v: unknown) => Number.parseFloat(String(v)) || 0;
  const nodes: SceneNode[] = (cy.nodes().filter((n) => !n.hasClass("absent")).toArray() as cytoscape.NodeSingular[]).map((n) => ({
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
  const edges: SceneEdge[] = (cy.edges().filter((e) => !e.hasClass("absent")).toArray() as cytoscape.EdgeSingular[]).map((e) => {
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
        polarity: e.data("polarity"),
        certainty: e.data("certainty"),
        structural: !!e.data("structural"),
        ended: e.hasClass("ended"),
        halo: num(e.style("underlay-opacity")) > 0
          ? { colour: e.style("underlay-color"), opacity: num(e.style("underlay-opacity")), padding: num(e.style("underlay-padding")) }
          : null,
        mark: (Object.keys(CHANGE_MARKS) as ChangeMark[]).find((m) => e.hasClass(m)) ?? null,
      };
    });
  return { nodes, edges };
}

function fitShown(cy: Core) {
  const shown = cy.elements().not(".absent");
  cy.fit(shown.nonempty() ? shown : cy.elements(), 30);
}
