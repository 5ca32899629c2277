/**
 * Which elements of the whole network are drawn for one view, and how: present or absent at the
 * date, ended (up-to mode), filtered out, outside the focus, dimmed by the triangle highlight.
 * Pure, so every rule is tested without a browser; the graph component only applies the result.
 */
import type { ApiGraph, GraphEdge, GraphNode } from "./api-types";
import type { IsoDay } from "./dates";
import { isShown, type ViewState } from "./view-state";

/** The Assad government, the Iraqi Baathists and the jihadist lineage (one actor, AQI to IS). */
export const TRIANGLE_ACTORS = ["assad-government", "iraqi-baathists", "islamic-state"] as const;

export type ElementClass = "absent" | "ended" | "dimmed" | "highlighted" | "chosen";

export interface ElementView {
  classes: ElementClass[];
  /** Drawn: present at the date and passing the filters and the focus. */
  shown: boolean;
}

export interface GraphView {
  nodes: Map<string, ElementView & { label: string }>;
  edges: Map<string, ElementView>;
  /** Ids of what is drawn, sorted: the figures the page reports and the tests check. */
  shownNodes: string[];
  shownEdges: string[];
  endedEdges: string[];
  /** The focused actor is not in the graph at this date. */
  focusMissing: boolean;
}

export interface GraphViewInput {
  /** Every actor and relationship of the dataset: the fixed canvas. */
  all: { nodes: GraphNode[]; edges: GraphEdge[] };
  /** The graph for the view's window, from /api/graph. */
  current: Pick<ApiGraph, "elements">;
  state: Pick<ViewState, "mode" | "filters" | "focus" | "triangle" | "selection">;
  /** Relationships whose latest end is before this day have ended (up-to and window modes). */
  endedBefore: IsoDay;
}

export function computeGraphView({ all, current, state, endedBefore }: GraphViewInput): GraphView {
  const presentNodes = new Map(current.elements.nodes.map((n) => [n.data.id, n]));
  const presentEdges = new Map(current.elements.edges.map((e) => [e.data.id, e]));
  const { filters } = state;

  const nodePasses = (n: GraphNode) => isShown(filters, "kinds", n.data.kind);
  const kindOf = new Map(all.nodes.map((n) => [n.data.id, n]));
  const edgePasses = (e: GraphEdge) => {
    const s = kindOf.get(e.data.source);
    const t = kindOf.get(e.data.target);
    return (
      isShown(filters, "types", e.data.type) &&
      isShown(filters, "polarities", e.data.polarity) &&
      isShown(filters, "certainties", e.data.certainty) &&
      (!s || nodePasses(s)) &&
      (!t || nodePasses(t))
    );
  };

  let edgeShown = new Set(current.elements.edges.filter(edgePasses).map((e) => e.data.id));
  let nodeShown = new Set(current.elements.nodes.filter(nodePasses).map((n) => n.data.id));

  const focusMissing = state.focus !== null && !nodeShown.has(state.focus);
  if (state.focus !== null && !focusMissing) {
    const focus = state.focus;
    edgeShown = new Set([...edgeShown].filter((id) => {
      const e = presentEdges.get(id)!;
      return e.data.source === focus || e.data.target === focus;
    }));
    const neighbourhood = new Set<string>([focus]);
    for (const id of edgeShown) {
      const e = presentEdges.get(id)!;
      neighbourhood.add(e.data.source).add(e.data.target);
    }
    nodeShown = new Set([...nodeShown].filter((id) => neighbourhood.has(id)));
  }

  const showsEnded = state.mode !== "at";
  const ended = new Set(
    showsEnded ? [...edgeShown].filter((id) => { const last = presentEdges.get(id)!.data.last; return last !== null && last < endedBefore; }) : [],
  );

  // A node is greyed when everything drawn around it has ended.
  const liveDegree = new Map<string, number>();
  const degree = new Map<string, number>();
  for (const id of edgeShown) {
    const e = presentEdges.get(id)!;
    for (const end of [e.data.source, e.data.target]) {
      degree.set(end, (degree.get(end) ?? 0) + 1);
      if (!ended.has(id)) liveDegree.set(end, (liveDegree.get(end) ?? 0) + 1);
    }
  }

  const triangle = new Set<string>(state.triangle ? TRIANGLE_ACTORS : []);
  const inTriangle = (e: GraphEdge) => triangle.has(e.data.source) && triangle.has(e.data.target);
  const chosen = state.selection;
  // A chosen relationship lights up its two ends too, so it can be found in a dense drawing.
  const chosenEdge = chosen?.kind === "relationship" ? all.edges.find((e) => e.data.id === chosen.id) : undefined;
  const chosenNodes = new Set<string>(chosen?.kind === "actor" ? [chosen.id] : chosenEdge ? [chosenEdge.data.source, chosenEdge.data.target] : []);

  const nodes = new Map<string, ElementView & { label: string }>();
  for (const n of all.nodes) {
    const id = n.data.id;
    const shown = nodeShown.has(id);
    const classes: ElementClass[] = [];
    if (!shown) classes.push("absent");
    else {
      if (showsEnded && (degree.get(id) ?? 0) > 0 && !liveDegree.get(id)) classes.push("ended");
      if (triangle.size) classes.push(triangle.has(id) ? "highlighted" : "dimmed");
    }
    if (chosenNodes.has(id)) classes.push("chosen");
    nodes.set(id, { shown, classes, label: presentNodes.get(id)?.data.label ?? n.data.label });
  }

  const edges = new Map<string, ElementView>();
  for (const e of all.edges) {
    const id = e.data.id;
    const shown = edgeShown.has(id);
    const classes: ElementClass[] = [];
    if (!shown) classes.push("absent");
    else {
      if (ended.has(id)) classes.push("ended");
      if (triangle.size) classes.push(inTriangle(e) ? "highlighted" : "dimmed");
    }
    if (chosen?.kind === "relationship" && chosen.id === id) classes.push("chosen");
    edges.set(id, { shown, classes });
  }

  return {
    nodes,
    edges,
    shownNodes: [...nodeShown].sort(),
    shownEdges: [...edgeShown].sort(),
    endedEdges: [...ended].sort(),
    focusMissing,
  };
}
