/**
 * Which actors of a large view carry their names, read from what Cytoscape holds and applied to it
 * (class `named`, and `nameSize`, the model size that keeps the name legible at the zoom). The
 * choice (lib/graph/level-of-detail.ts) leaves out a name that would cover one kept before it, so
 * it is made again whenever the name size changes (the zoom, in 15% steps) or the drawing does.
 */
import type cytoscape from "cytoscape";
import type { Core, NodeSingular } from "cytoscape";
import { legibleNames, namedSize, type NameCandidate } from "@/lib/graph/level-of-detail";
import { KIND_STYLES, LABEL_FONT, LABEL_SIZE, LABEL_WEIGHT, MEASURE_SIZE } from "@/lib/graph/style";
import type { ActorKind } from "@/lib/model/vocabulary";
import { MIN_LABEL_PX } from "./arrange-labels";

/** Scratch key: the name size the named actors were last chosen for. */
const CHOSEN_FOR = "_namedFor";

/** The drawing changed: the next `nameActors` chooses again, whatever the zoom. */
export function forgetNamed(cy: Core) {
  cy.removeScratch(CHOSEN_FOR);
}

/** Names the actors chosen for the zoom's name size, unless they were chosen for it already. */
export function nameActors(cy: Core) {
  const size = namedSize(cy.zoom(), MIN_LABEL_PX, LABEL_SIZE);
  if (cy.scratch(CHOSEN_FOR) === size) return;
  cy.scratch(CHOSEN_FOR, size);
  const nodes = cy.nodes().toArray() as NodeSingular[];
  const first = nodes[0];
  if (!first) return;
  const degree = new Map<string, number>();
  cy.edges().forEach((e) => {
    if (e.hasClass("ghost")) return;
    for (const end of [e.data("source") as string, e.data("target") as string]) degree.set(end, (degree.get(end) ?? 0) + 1);
  });
  // The same for every actor in a large view's style: read once. Each actor's size comes from its
  // kind or measure as the style gives it, not from Cytoscape: reading its style (or its box) made
  // Cytoscape restyle every actor a step had touched there and then, 100 to 300 ms a step at 10k ties.
  const marginY = first.numericStyle("text-margin-y");
  const pad = first.numericStyle("text-background-padding");
  const border = first.numericStyle("border-width") / 2;
  const candidates: NameCandidate[] = [];
  for (const n of nodes) {
    if (n.hasClass("ghost")) continue;
    const { x, y } = n.position();
    const half = actorSize(n) / 2;
    const out = half + border;
    candidates.push({
      id: n.id(),
      degree: degree.get(n.id()) ?? 0,
      text: String(n.data("label") ?? ""),
      anchor: { x, y: y + half + marginY },
      node: { x1: x - out, y1: y - out, x2: x + out, y2: y + out },
    });
  }
  const named = new Set(legibleNames(candidates, { size, pad, measure: measurer(size) }));
  // One call for each change, as in apply-drawing.ts: each call costs Cytoscape events and a restyle pass.
  const resized = nodes.filter((n) => named.has(n.id()) && n.data("nameSize") !== size);
  const gained = nodes.filter((n) => named.has(n.id()) && !n.hasClass("named"));
  const lost = nodes.filter((n) => !named.has(n.id()) && n.hasClass("named"));
  if (!resized.length && !gained.length && !lost.length) return;
  const all = (list: NodeSingular[]) => cy.collection(list as unknown as cytoscape.CollectionArgument);
  cy.batch(() => {
    if (resized.length) all(resized).data("nameSize", size);
    if (gained.length) all(gained).addClass("named");
    if (lost.length) all(lost).removeClass("named");
  });
}

/** An actor's width and height (every kind is as tall as wide), as lib/graph/style.ts sizes it. */
function actorSize(n: NodeSingular): number {
  if (!n.hasClass("sized")) return KIND_STYLES[n.data("kind") as ActorKind]?.size ?? MEASURE_SIZE.max;
  const m = Math.min(1, Math.max(0, Number(n.data("measure")) || 0));
  return MEASURE_SIZE.min + m * (MEASURE_SIZE.max - MEASURE_SIZE.min);
}

let context: CanvasRenderingContext2D | null = null;
const widths = new Map<string, number>();
let widthsAt = 0;

/** Measures a name as Cytoscape does (calculateLabelDimensions): the widest line rounded up, a font size per line. */
function measurer(size: number) {
  context ??= document.createElement("canvas").getContext("2d");
  const ctx = context!;
  ctx.font = `normal ${LABEL_WEIGHT} ${size}px ${LABEL_FONT}`;
  // Names are measured again only when their size changes.
  if (widthsAt !== size) widths.clear();
  widthsAt = size;
  return (text: string) => {
    const lines = text.split("\n");
    let w = 0;
    for (const line of lines) {
      let lw = widths.get(line);
      if (lw === undefined) widths.set(line, (lw = Math.ceil(ctx.measureText(line).width)));
      w = Math.max(w, lw);
    }
    return { w, h: lines.length * size };
  };
}
