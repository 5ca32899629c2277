/**
 * Which elements are drawn for one view, and how: present at the date (or in the window, or at
 * either compared date), passing the filters and the focus; ended (up-to mode), dimmed by the
 * triangle or an emphasis, marked by a comparison. Only what is drawn is in the result, so the
 * graph component holds only the view's elements and a step costs what changes. Pure, so every rule
 * is tested without a browser; the graph component only applies the result.
 */
import type { ApiGraph, GraphEdge, GraphNode } from "../api/types";
import type { IsoDay } from "../model/dates";
import { diffGraphs, nodeMarks, type GraphDiff } from "./analysis/compare";
import { isShown, type ViewState } from "../view/state";
import { TRIANGLE_CORNERS, triangleActors } from "./triangle";

/** The triangle's corners; each is drawn with its side (lib/graph/triangle.ts). */
export const TRIANGLE_ACTORS = TRIANGLE_CORNERS;

/** added / removed / changed / was: the comparison's marks ("was" is what a changed pair had before). */
export type ElementClass = "ended" | "dimmed" | "highlighted" | "chosen" | "added" | "removed" | "changed" | "was" | "ghost" | "faded" | "possibly";

export interface ElementView {
  classes: ElementClass[];
}

export interface NodeView extends ElementView {
  /** The name in force at the view's date. */
  label: string;
  data: GraphNode["data"];
  /** The stored layout's position (the same at every date). */
  position: GraphNode["position"];
}

export interface EdgeView extends ElementView {
  data: GraphEdge["data"];
}

export interface GraphView {
  /** What is drawn, and nothing else. */
  nodes: Map<string, NodeView>;
  edges: Map<string, EdgeView>;
  /** Ids of what is drawn, sorted: the figures the page reports and the tests check. */
  shownNodes: string[];
  shownEdges: string[];
  endedEdges: string[];
  /** The focused actor is not in the graph at this date. */
  focusMissing: boolean;
  /** When comparing: what changed between the earlier date and this one, over what passes the filters. */
  diff: GraphDiff | null;
  /**
   * With `stepBefore`: what changed since the previous step, over what passes the filters. What
   * ended is drawn too, marked, as a "ghost" (class `ghost`): it is not in `shownNodes`/`shownEdges`.
   */
  stepDiff: GraphDiff | null;
}

export interface GraphViewInput {
  /** Unused: the view is drawn from the graphs of its dates alone (kept so older callers compile). */
  all?: unknown;
  /** The graph for the view's window, from /api/graph. */
  current: Pick<ApiGraph, "elements">;
  state: Pick<ViewState, "mode" | "filters" | "focus" | "triangle" | "selection">;
  /** Relationships whose latest end is before this day have ended (up-to and window modes). */
  endedBefore: IsoDay;
  /** What a story step or a path query brings forward; the rest is dimmed. Overrides the triangle. */
  emphasis?: { nodes: readonly string[]; edges: readonly string[] } | null;
  /** The graph at an earlier date: drawn together with the current one, with the changes marked. */
  compareWith?: Pick<ApiGraph, "elements"> | null;
  /**
   * The graph at the slider's previous step: marked like a comparison (what appeared, what ended),
   * but what ended is only a mark (`ghost`), not part of what the view shows. Ignored when comparing.
   */
  stepBefore?: Pick<ApiGraph, "elements"> | null;
}

export function computeGraphView({ current, state, endedBefore, emphasis = null, compareWith = null, stepBefore = null }: GraphViewInput): GraphView {
  // Comparing draws both dates at once: what is only at the earlier date is present too, marked.
  // A step's marks are drawn the same way, what is only at the previous step as a ghost.
  const before = compareWith?.elements ?? stepBefore?.elements ?? null;
  const stepping = !compareWith && !!stepBefore;
  const nowNodes = new Set(current.elements.nodes.map((n) => n.data.id));
  const nowEdges = new Set(current.elements.edges.map((e) => e.data.id));
  const presentNodes = new Map([...(before?.nodes ?? []), ...current.elements.nodes].map((n) => [n.data.id, n]));
  const presentEdges = new Map([...(before?.edges ?? []), ...current.elements.edges].map((e) => [e.data.id, e]));
  const { filters } = state;

  const nodePasses = (n: GraphNode) => isShown(filters, "kinds", n.data.kind);
  // Both ends of every relationship are in the same graph answer.
  const kindOf = presentNodes;
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

  let edgeShown = new Set([...presentEdges.values()].filter(edgePasses).map((e) => e.data.id));
  let nodeShown = new Set([...presentNodes.values()].filter(nodePasses).map((n) => n.data.id));

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

  let diff: GraphDiff | null = null;
  const nodeMark = new Map<string, ElementClass>();
  const edgeMark = new Map<string, ElementClass>();
  if (before) {
    const passing = (list: GraphEdge[]) => list.filter((e) => edgeShown.has(e.data.id)).map((e) => e.data);
    diff = diffGraphs(passing(before.edges), passing(current.elements.edges));
    const EDGE_CLASS = { added: "added", removed: "removed", "changed-after": "changed", "changed-before": "was" } as const;
    for (const [id, mark] of diff.marks) if (mark !== "kept") edgeMark.set(id, EDGE_CLASS[mark]);
    const passingNodes = (list: GraphNode[]) => list.map((n) => n.data.id).filter((id) => nodeShown.has(id));
    for (const [id, mark] of nodeMarks(diff, passingNodes(before.nodes), passingNodes(current.elements.nodes))) {
      if (mark !== "kept") nodeMark.set(id, mark);
    }
  }

  // A story step or a path brings its own actors forward; otherwise the triangle may.
  // The triangle's sides come from the belonging ties holding at the date, whatever the filters hide.
  const liveTies = () => [...presentEdges.values()].filter((e) => !showsEnded || e.data.last === null || e.data.last >= endedBefore).map((e) => e.data);
  const triangle = new Set<string>(emphasis ? emphasis.nodes : state.triangle ? triangleActors(liveTies()) : []);
  const emphasisEdges = new Set(emphasis?.edges ?? []);
  const inTriangle = (e: GraphEdge) => (emphasis ? emphasisEdges.has(e.data.id) : triangle.has(e.data.source) && triangle.has(e.data.target));
  const chosen = state.selection;
  // A chosen relationship lights up its two ends too, so it can be found in a dense drawing.
  const chosenEdge = chosen?.kind === "relationship" ? presentEdges.get(chosen.id) : undefined;
  const chosenNodes = new Set<string>(chosen?.kind === "actor" ? [chosen.id] : chosenEdge ? [chosenEdge.data.source, chosenEdge.data.target] : []);
  // What is not tied to the chosen actor or relationship fades, so the choice stands out.
  const chosenDrawn = chosen?.kind === "actor" ? nodeShown.has(chosen.id) : chosen?.kind === "relationship" ? edgeShown.has(chosen.id) : false;
  const linkedEdges = new Set<string>();
  const linkedNodes = new Set<string>(chosenNodes);
  if (chosenDrawn && chosen?.kind === "actor") {
    for (const id of edgeShown) {
      const e = presentEdges.get(id)!;
      if (e.data.source !== chosen.id && e.data.target !== chosen.id) continue;
      linkedEdges.add(id);
      linkedNodes.add(e.data.source).add(e.data.target);
    }
  } else if (chosenDrawn && chosen) linkedEdges.add(chosen.id);

  const nodes = new Map<string, NodeView>();
  for (const id of [...nodeShown].sort()) {
    const n = presentNodes.get(id)!;
    const classes: ElementClass[] = [];
    if (showsEnded && (degree.get(id) ?? 0) > 0 && !liveDegree.get(id)) classes.push("ended");
    if (triangle.size) classes.push(triangle.has(id) ? "highlighted" : "dimmed");
    const mark = nodeMark.get(id);
    if (mark) classes.push(mark);
    if (chosenNodes.has(id)) classes.push("chosen");
    if (chosenDrawn && !linkedNodes.has(id)) classes.push("faded");
    if (stepping && !nowNodes.has(id)) classes.push("ghost");
    nodes.set(id, { classes, label: n.data.label, data: n.data, position: n.position });
  }

  const edges = new Map<string, EdgeView>();
  for (const id of [...edgeShown].sort()) {
    const e = presentEdges.get(id)!;
    const classes: ElementClass[] = [];
    if (ended.has(id)) classes.push("ended");
    // After its last attested date, with an "at least" end: drawn apart from what certainly holds.
    if (e.data.possibly) classes.push("possibly");
    if (triangle.size) classes.push(inTriangle(e) ? "highlighted" : "dimmed");
    const mark = edgeMark.get(id);
    if (mark) classes.push(mark);
    if (chosen?.kind === "relationship" && chosen.id === id) classes.push("chosen");
    if (chosenDrawn && !linkedEdges.has(id)) classes.push("faded");
    if (stepping && !nowEdges.has(id)) classes.push("ghost");
    edges.set(id, { classes, data: e.data });
  }

  const held = <T extends ElementView>(m: Map<string, T>) => [...m].filter(([, v]) => !v.classes.includes("ghost")).map(([id]) => id);
  return {
    nodes,
    edges,
    shownNodes: held(nodes),
    shownEdges: held(edges),
    endedEdges: [...ended].filter((id) => !stepping || nowEdges.has(id)).sort(),
    focusMissing,
    diff: stepping ? null : diff,
    stepDiff: stepping ? diff : null,
  };
}
