/**
 * Which actors of a large view carry their names, read from what Cytoscape holds and applied to it
 * (class `named`, and `nameSize`, the model size that keeps the name legible at the zoom). The
 * choice (lib/graph/level-of-detail.ts) leaves out a name that would cover one kept before it, so
 * it is made again whenever the name size changes (the zoom, in 15% steps) or the drawing does.
 */
import type { Core, NodeSingular } from "cytoscape";
import { legibleNames, namedSize, type NameCandidate } from "@/lib/graph/level-of-detail";
import { LABEL_FONT, LABEL_SIZE, LABEL_WEIGHT } from "@/lib/graph/style";
import { MIN_LABEL_PX } from "./arrange-labels";

/** Scratch key: the name size the named actors were last chosen for. */
const CHOSEN_FOR = "_namedFor";
/** Cytoscape widens a label's box by 2 model units beyond its background padding. */
const MARGIN_OF_ERROR = 2;

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
  // The same for every actor in a large view's style: read once.
  const marginY = first.numericStyle("text-margin-y");
  const pad = first.numericStyle("text-background-padding") + MARGIN_OF_ERROR;
  const candidates: NameCandidate[] = [];
  for (const n of nodes) {
    if (n.hasClass("ghost")) continue;
    const { x, y } = n.position();
    const b = n.boundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false });
    candidates.push({
      id: n.id(),
      degree: degree.get(n.id()) ?? 0,
      text: String(n.data("label") ?? ""),
      anchor: { x, y: y + n.height() / 2 + marginY },
      node: { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 },
    });
  }
  const named = new Set(legibleNames(candidates, { size, pad, measure: measurer(size) }));
  cy.batch(() => {
    for (const n of nodes) {
      const on = named.has(n.id());
      if (on && n.data("nameSize") !== size) n.data("nameSize", size);
      if (on !== n.hasClass("named")) {
        if (on) n.addClass("named");
        else n.removeClass("named");
      }
    }
  });
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
