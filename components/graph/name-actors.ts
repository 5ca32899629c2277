/**
 * Which actors of a large view carry their names (lib/graph/level-of-detail.ts), from what the page
 * draws of it (components/graph/drawing-layer.ts), and at what model size, so that the names stay
 * legible at the zoom. The choice leaves out a name that would cover one kept before it, so it is
 * made again whenever the name size changes (the zoom, in 15% steps) or the drawing does. Measures
 * text on a canvas: browser only.
 */
import { legibleNames, namedSize, type NameCandidate } from "@/lib/graph/level-of-detail";
import { KIND_STYLES, LABEL_FONT, LABEL_MARGIN, LABEL_PADDING, LABEL_SIZE, LABEL_WEIGHT, MEASURE_SIZE, NODE_BORDER } from "@/lib/graph/style";
import type { ActorKind } from "@/lib/model/vocabulary";
import { MIN_LABEL_PX } from "./arrange-labels";

export interface NameableActor {
  id: string;
  x: number;
  y: number;
  /** Width and height as drawn, without the border. */
  size: number;
  label: string;
  /** A step's ghost (ended since the previous step): never named. */
  ghost: boolean;
}

export interface NameableTie {
  source: string;
  target: string;
  ghost: boolean;
}

export interface Names {
  /** The names' model size. */
  size: number;
  named: ReadonlySet<string>;
  /** Each named actor's name as placed (for its box). */
  candidates: ReadonlyMap<string, NameCandidate>;
}

/** The model size names are chosen at for `zoom`: the choice needs making again only when this changes. */
export const nameSizeAt = (zoom: number) => namedSize(zoom, MIN_LABEL_PX, LABEL_SIZE);

/** The actors named at `zoom`: the most connected whose names fit apart. */
export function chooseNames(actors: readonly NameableActor[], ties: readonly NameableTie[], zoom: number): Names {
  const size = nameSizeAt(zoom);
  const degree = new Map<string, number>();
  for (const t of ties) {
    if (t.ghost) continue;
    degree.set(t.source, (degree.get(t.source) ?? 0) + 1);
    degree.set(t.target, (degree.get(t.target) ?? 0) + 1);
  }
  const border = NODE_BORDER / 2;
  const candidates: NameCandidate[] = [];
  for (const a of actors) {
    if (a.ghost) continue;
    const half = a.size / 2;
    const out = half + border;
    candidates.push({
      id: a.id,
      degree: degree.get(a.id) ?? 0,
      text: a.label,
      anchor: { x: a.x, y: a.y + half + LABEL_MARGIN },
      node: { x1: a.x - out, y1: a.y - out, x2: a.x + out, y2: a.y + out },
    });
  }
  const named = new Set(legibleNames(candidates, { size, pad: LABEL_PADDING, measure: measurer(size) }));
  return { size, named, candidates: new Map(candidates.filter((c) => named.has(c.id)).map((c) => [c.id, c])) };
}

/** An actor's width and height (every kind is as tall as wide), as lib/graph/style.ts sizes it. */
export function actorSize(kind: string, measure: number | undefined): number {
  if (measure === undefined) return KIND_STYLES[kind as ActorKind]?.size ?? MEASURE_SIZE.max;
  const m = Math.min(1, Math.max(0, Number(measure) || 0));
  return MEASURE_SIZE.min + m * (MEASURE_SIZE.max - MEASURE_SIZE.min);
}

let context: CanvasRenderingContext2D | null = null;
const widths = new Map<string, number>();
let widthsAt = 0;

/** Measures a name as Cytoscape does (calculateLabelDimensions): the widest line rounded up, a font size per line. */
export function measurer(size: number) {
  context ??= document.createElement("canvas").getContext("2d");
  const ctx = context!;
  // Names are measured again only when their size changes.
  if (widthsAt !== size) widths.clear();
  widthsAt = size;
  return (text: string) => {
    ctx.font = `normal ${LABEL_WEIGHT} ${size}px ${LABEL_FONT}`;
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
