/**
 * Which elements are drawn for one view, and how: present at the date (or in the window, or at
 * either compared date), passing the filters and the focus; ended (up-to mode), dimmed by the
 * triangle or an emphasis, marked by a comparison. Only what is drawn is in the result, so the
 * graph component holds only the view's elements and a step costs what changes. Pure, so every rule
 * is tested without a browser; the graph component only applies the result.
 */
import type { ApiGraph, GraphEdge, GraphNode } from "../api/types";
import type { IsoDay } from "../model/dates";
import { diffGraphs, type GraphDiff } from "./analysis/compare";
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

/**
 * The elements of the earlier graph and the current one, once each by id and sorted by id, the
 * current one's where both hold an id. The server sends each list sorted by id (ORDER BY id), so this
 * is a merge; a list that is not sorted is sorted here, to the same result.
 */
function presentById<T extends { data: { id: string } }>(before: readonly T[] | null, now: readonly T[]): { els: T[]; isNow: boolean[]; wasBefore: boolean[] } {
  const strictlySorted = (list: readonly T[]) => list.every((x, i) => i === 0 || list[i - 1]!.data.id < x.data.id);
  if (strictlySorted(now) && (!before || strictlySorted(before))) {
    if (!before) return { els: [...now], isNow: now.map(() => true), wasBefore: now.map(() => false) };
    const els: T[] = [];
    const isNow: boolean[] = [];
    const wasBefore: boolean[] = [];
    let i = 0;
    let j = 0;
    while (i < before.length || j < now.length) {
      const b = before[i];
      const n = now[j];
      if (n && (!b || n.data.id < b.data.id)) {
        els.push(n), isNow.push(true), wasBefore.push(false), j++;
      } else if (b && (!n || b.data.id < n.data.id)) {
        els.push(b), isNow.push(false), wasBefore.push(true), i++;
      } else {
        els.push(n!), isNow.push(true), wasBefore.push(true), i++, j++;
      }
    }
    return { els, isNow, wasBefore };
  }
  const byId = new Map<string, T>();
  for (const x of before ?? []) byId.set(x.data.id, x);
  for (const x of now) byId.set(x.data.id, x);
  const nowIds = new Set(now.map((x) => x.data.id));
  const beforeIds = new Set((before ?? []).map((x) => x.data.id));
  const ids = [...byId.keys()].sort();
  return { els: ids.map((id) => byId.get(id)!), isNow: ids.map((id) => nowIds.has(id)), wasBefore: ids.map((id) => beforeIds.has(id)) };
}

export function computeGraphView({ current, state, endedBefore, emphasis = null, compareWith = null, stepBefore = null }: GraphViewInput): GraphView {
  // Comparing draws both dates at once: what is only at the earlier date is present too, marked.
  // A step's marks are drawn the same way, what is only at the previous step as a ghost.
  // At 100,000 relationships a view holds tens of thousands of elements: each rule below is one pass
  // over the present elements, in id order, so nothing is sorted or copied into a Set twice.
  const before = compareWith?.elements ?? stepBefore?.elements ?? null;
  const stepping = !compareWith && !!stepBefore;
  const pn = presentById(before?.nodes ?? null, current.elements.nodes);
  const pe = presentById(before?.edges ?? null, current.elements.edges);
  const { filters } = state;

  const nodePasses = (n: GraphNode) => isShown(filters, "kinds", n.data.kind);
  // Both ends of every relationship are in the same graph answer. Their kinds matter only under a kind filter.
  let kindOf: Map<string, GraphNode> | null = null;
  if (filters.kinds !== null) {
    kindOf = new Map();
    for (const n of pn.els) kindOf.set(n.data.id, n);
  }
  const edgePasses = (e: GraphEdge) => {
    if (!(isShown(filters, "types", e.data.type) && isShown(filters, "polarities", e.data.polarity) && isShown(filters, "certainties", e.data.certainty))) return false;
    if (!kindOf) return true;
    const s = kindOf.get(e.data.source);
    const t = kindOf.get(e.data.target);
    return (!s || nodePasses(s)) && (!t || nodePasses(t));
  };

  // Indexes into pn/pe of what passes the filters (and then the focus), in id order.
  let edgeIdx: number[] = [];
  for (let i = 0; i < pe.els.length; i++) if (edgePasses(pe.els[i]!)) edgeIdx.push(i);
  let nodeIdx: number[] = [];
  const nodeShown = new Set<string>();
  for (let i = 0; i < pn.els.length; i++) {
    if (!nodePasses(pn.els[i]!)) continue;
    nodeIdx.push(i);
    nodeShown.add(pn.els[i]!.data.id);
  }

  const focusMissing = state.focus !== null && !nodeShown.has(state.focus);
  if (state.focus !== null && !focusMissing) {
    const focus = state.focus;
    edgeIdx = edgeIdx.filter((i) => pe.els[i]!.data.source === focus || pe.els[i]!.data.target === focus);
    const neighbourhood = new Set<string>([focus]);
    for (const i of edgeIdx) neighbourhood.add(pe.els[i]!.data.source).add(pe.els[i]!.data.target);
    nodeIdx = nodeIdx.filter((i) => neighbourhood.has(pn.els[i]!.data.id));
    nodeShown.clear();
    for (const i of nodeIdx) nodeShown.add(pn.els[i]!.data.id);
  }
  const edgeShown = new Set<string>();
  for (const i of edgeIdx) edgeShown.add(pe.els[i]!.data.id);

  const showsEnded = state.mode !== "at";
  const isEnded = (e: GraphEdge) => showsEnded && e.data.last !== null && e.data.last < endedBefore;

  // A node is greyed when everything drawn around it has ended.
  const liveDegree = new Map<string, number>();
  const degree = new Map<string, number>();
  if (showsEnded) {
    for (const i of edgeIdx) {
      const e = pe.els[i]!;
      const live = !isEnded(e);
      for (const end of [e.data.source, e.data.target]) {
        degree.set(end, (degree.get(end) ?? 0) + 1);
        if (live) liveDegree.set(end, (liveDegree.get(end) ?? 0) + 1);
      }
    }
  }

  let diff: GraphDiff | null = null;
  const edgeMark = new Map<string, ElementClass>();
  if (before) {
    const passing = (list: GraphEdge[]) => list.filter((e) => edgeShown.has(e.data.id)).map((e) => e.data);
    diff = diffGraphs(passing(before.edges), passing(current.elements.edges));
    const EDGE_CLASS = { added: "added", removed: "removed", "changed-after": "changed", "changed-before": "was" } as const;
    for (const [id, mark] of diff.marks) if (mark !== "kept") edgeMark.set(id, EDGE_CLASS[mark]);
  }

  // A story step or a path brings its own actors forward; otherwise the triangle may.
  // The triangle's sides come from the belonging ties holding at the date, whatever the filters hide.
  const liveTies = () => pe.els.filter((e) => !showsEnded || e.data.last === null || e.data.last >= endedBefore).map((e) => e.data);
  const triangle = new Set<string>(emphasis ? emphasis.nodes : state.triangle ? triangleActors(liveTies()) : []);
  const emphasisEdges = new Set(emphasis?.edges ?? []);
  const inTriangle = (e: GraphEdge) => (emphasis ? emphasisEdges.has(e.data.id) : triangle.has(e.data.source) && triangle.has(e.data.target));
  const chosen = state.selection;
  // A chosen relationship lights up its two ends too, so it can be found in a dense drawing.
  const chosenEdge = chosen?.kind === "relationship" ? pe.els.find((e) => e.data.id === chosen.id) : undefined;
  const chosenNodes = new Set<string>(chosen?.kind === "actor" ? [chosen.id] : chosenEdge ? [chosenEdge.data.source, chosenEdge.data.target] : []);
  // What is not tied to the chosen actor or relationship fades, so the choice stands out.
  const chosenDrawn = chosen?.kind === "actor" ? nodeShown.has(chosen.id) : chosen?.kind === "relationship" ? edgeShown.has(chosen.id) : false;
  const linkedEdges = new Set<string>();
  const linkedNodes = new Set<string>(chosenNodes);
  if (chosenDrawn && chosen?.kind === "actor") {
    for (const i of edgeIdx) {
      const e = pe.els[i]!;
      if (e.data.source !== chosen.id && e.data.target !== chosen.id) continue;
      linkedEdges.add(e.data.id);
      linkedNodes.add(e.data.source).add(e.data.target);
    }
  } else if (chosenDrawn && chosen) linkedEdges.add(chosen.id);

  const nodes = new Map<string, NodeView>();
  const shownNodes: string[] = [];
  for (const i of nodeIdx) {
    const n = pn.els[i]!;
    const id = n.data.id;
    const classes: ElementClass[] = [];
    if (showsEnded && (degree.get(id) ?? 0) > 0 && !liveDegree.get(id)) classes.push("ended");
    if (triangle.size) classes.push(triangle.has(id) ? "highlighted" : "dimmed");
    // Came or went between the two dates (what both hold is kept, and unmarked).
    if (before && pn.isNow[i] !== pn.wasBefore[i]) classes.push(pn.isNow[i] ? "added" : "removed");
    if (chosenNodes.has(id)) classes.push("chosen");
    if (chosenDrawn && !linkedNodes.has(id)) classes.push("faded");
    const ghost = stepping && !pn.isNow[i];
    if (ghost) classes.push("ghost");
    else shownNodes.push(id);
    nodes.set(id, { classes, label: n.data.label, data: n.data, position: n.position });
  }

  const edges = new Map<string, EdgeView>();
  const shownEdges: string[] = [];
  const endedEdges: string[] = [];
  for (const i of edgeIdx) {
    const e = pe.els[i]!;
    const id = e.data.id;
    const classes: ElementClass[] = [];
    const ended = isEnded(e);
    if (ended) classes.push("ended");
    // After its last attested date, with an "at least" end: drawn apart from what certainly holds.
    if (e.data.possibly) classes.push("possibly");
    if (triangle.size) classes.push(inTriangle(e) ? "highlighted" : "dimmed");
    const mark = edgeMark.get(id);
    if (mark) classes.push(mark);
    if (chosen?.kind === "relationship" && chosen.id === id) classes.push("chosen");
    if (chosenDrawn && !linkedEdges.has(id)) classes.push("faded");
    const ghost = stepping && !pe.isNow[i];
    if (ghost) classes.push("ghost");
    else shownEdges.push(id);
    if (ended && !ghost) endedEdges.push(id);
    edges.set(id, { classes, data: e.data });
  }

  return {
    nodes,
    edges,
    shownNodes,
    shownEdges,
    endedEdges,
    focusMissing,
    diff: stepping ? null : diff,
    stepDiff: stepping ? diff : null,
  };
}
