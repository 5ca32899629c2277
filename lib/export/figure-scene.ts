/**
 * A panel of small multiples drawn without the page: the view's Cytoscape JSON for one year
 * (/api/export?format=json&at=YEAR, with the view's filters and focus) carries each actor at the
 * stored layout's position (the same in every year), its name at that year, its shape and colour,
 * and each tie with its colour and line. Ties are drawn from outline to outline; ties between the
 * same two actors are bowed apart, as Cytoscape's bezier edges are. Pure.
 */
import { CERTAINTY_LINES, KIND_STYLES } from "../graph/style";
import type { ActorKind, Certainty, Polarity } from "../model/vocabulary";
import type { Scene, SceneEdge, SceneNode } from "./snapshot-svg";

/** The part of a `.cyjs` file a panel is drawn from. */
export interface CyjsElements {
  nodes: { data: { id: string; label: string; kind: ActorKind; colour: string; size: number; ended?: boolean }; position: { x: number; y: number } }[];
  edges: {
    data: { id: string; source: string; target: string; label: string; colour: string; polarity: Polarity; certainty: Certainty; structural: boolean; ended: boolean; sources?: string[] };
  }[];
}

/** Between two ties of the same pair, in model pixels (Cytoscape's control-point-step-size is 40). */
const BOW = 24;

export function sceneFromCytoscapeJson(elements: CyjsElements, highlighted: ReadonlySet<string> = new Set()): Scene {
  const nodes: SceneNode[] = elements.nodes.map((n) => {
    const size = n.data.size || KIND_STYLES[n.data.kind]?.size || 38;
    return {
      id: n.data.id,
      kind: n.data.kind,
      label: n.data.label,
      x: n.position.x,
      y: n.position.y,
      width: size,
      height: size,
      fill: n.data.colour,
      stroke: "#2b2f36",
      strokeWidth: 1.5,
      opacity: n.data.ended ? 0.55 : 1,
    };
  });
  const at = new Map(nodes.map((n) => [n.id, n]));
  const pairs = new Map<string, string[]>();
  for (const e of elements.edges) {
    const key = [e.data.source, e.data.target].sort().join("\u0000");
    pairs.set(key, [...(pairs.get(key) ?? []), e.data.id]);
  }
  const edges: SceneEdge[] = [];
  for (const e of elements.edges) {
    const s = at.get(e.data.source);
    const t = at.get(e.data.target);
    if (!s || !t) continue;
    const dx = t.x - s.x;
    const dy = t.y - s.y;
    const len = Math.hypot(dx, dy) || 1;
    const [ux, uy] = [dx / len, dy / len];
    const same = pairs.get([e.data.source, e.data.target].sort().join("\u0000"))!;
    // The normal of the pair's canonical direction, so two ties of a pair bow to opposite sides whichever way each runs.
    const flip = e.data.source < e.data.target ? 1 : -1;
    const offset = (same.indexOf(e.data.id) - (same.length - 1) / 2) * BOW * flip;
    const controls = offset ? [{ x: (s.x + t.x) / 2 - uy * offset, y: (s.y + t.y) / 2 + ux * offset }] : [];
    const aim = (from: SceneNode, to: { x: number; y: number }) => {
      const ax = to.x - from.x;
      const ay = to.y - from.y;
      const l = Math.hypot(ax, ay) || 1;
      return { x: from.x + (ax / l) * (from.width / 2), y: from.y + (ay / l) * (from.height / 2) };
    };
    const lit = highlighted.has(e.data.id);
    edges.push({
      id: e.data.id,
      source: e.data.source,
      target: e.data.target,
      from: aim(s, controls[0] ?? t),
      controls,
      to: aim(t, controls[0] ?? s),
      colour: e.data.colour,
      width: lit ? 4.5 : e.data.structural ? 1.5 : 2.5,
      dash: CERTAINTY_LINES[e.data.certainty]?.dash ?? null,
      opacity: e.data.ended ? 0.8 : 1,
      arrowScale: 1.1,
      label: lit ? e.data.label : null,
      text: e.data.label,
      highlighted: lit,
      polarity: e.data.polarity,
      certainty: e.data.certainty,
      structural: e.data.structural,
      ended: e.data.ended,
    });
  }
  return { nodes, edges };
}
