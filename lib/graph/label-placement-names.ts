/**
 * Where each actor's name goes so that no name covers another name or an actor: every actor is
 * tried, most connected first, at eight places around it (below, above, right, left, then the
 * corners), with its name on one, two or three lines; the first place that is free and inside the
 * canvas is taken. An actor whose name fits nowhere is drawn without it; its name shows when the
 * reader points at it, focuses it or selects it (lib/graph/style.ts, `.hovered` and `.chosen`).
 *
 * Pure and in model coordinates (the layout's units), so the placement holds at any zoom; the
 * graph component measures the text and applies the result as classes. Only the candidates are
 * said here: the placing is lib/graph/label-placement.ts's, as for the figures.
 */
import { placeLabels, type Rect } from "./label-placement";

export type Box = Rect;

export type LabelSide = "b" | "t" | "r" | "l" | "br" | "bl" | "tr" | "tl";

/** Below first (the usual place for a name), then above, beside, then the corners. */
export const LABEL_SIDES: readonly LabelSide[] = ["b", "t", "r", "l", "br", "bl", "tr", "tl"];

export interface LabelNode {
  id: string;
  /** The actor's drawn box (its shape with its border). */
  box: Box;
  /** Where the actor is (a centred name is centred here; a polygon's box need not be). */
  at?: { x: number; y: number };
  /** The name as drawn: lines are split at spaces where it helps. */
  text: string;
  /** Higher is placed first. */
  priority: number;
}

export interface LabelPlacement {
  id: string;
  /** The text with "\n" between its lines. */
  text: string;
  side: LabelSide;
  /** The label's box as Cytoscape will report it (text, background padding and its margin of error). */
  box: Box;
}

export interface PlacementOptions {
  /** The text's size: width of the widest line and total height, in model units. */
  measure(text: string): { w: number; h: number };
  /** Space between an actor and its name (Cytoscape's text-margin). */
  gap: number;
  /** Added on every side of the text's box (text-background-padding plus Cytoscape's 2-unit margin of error). */
  pad: number;
  /** Kept free between two names, so that rounding never makes them touch. */
  clearance: number;
  /** Names stay inside this box (the canvas at the default zoom), when given. */
  bounds?: Box | null;
}

/** The text on one, two and three lines, breaking at spaces into lines of even length. */
export function lineVariants(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out = [words.join(" ")];
  for (const lines of [2, 3]) {
    if (words.length < lines) break;
    const v = balancedLines(words, lines);
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** Splits words into `lines` lines whose longest is as short as possible (few words: try every split). */
function balancedLines(words: string[], lines: number): string {
  let best: string[][] = [words];
  let bestWidth = Infinity;
  const n = words.length;
  const tryCuts = (cuts: number[]) => {
    const parts: string[][] = [];
    let from = 0;
    for (const c of [...cuts, n]) {
      parts.push(words.slice(from, c));
      from = c;
    }
    const width = Math.max(...parts.map((p) => p.join(" ").length));
    if (width < bestWidth) {
      bestWidth = width;
      best = parts;
    }
  };
  if (lines === 2) for (let a = 1; a < n; a++) tryCuts([a]);
  else for (let a = 1; a < n; a++) for (let b = a + 1; b < n; b++) tryCuts([a, b]);
  return best.map((p) => p.join(" ")).join("\n");
}

/** Where the text's box lies for a side, before padding: Cytoscape's label anchors (text-halign/valign) plus the gap. */
export function textBox(node: Box, side: LabelSide, w: number, h: number, gap: number, at?: { x: number; y: number }): Box {
  const cx = at?.x ?? (node.x1 + node.x2) / 2;
  const cy = at?.y ?? (node.y1 + node.y2) / 2;
  const v = side[0] === "b" ? "b" : side[0] === "t" ? "t" : "c";
  const hz = side.endsWith("r") ? "r" : side.endsWith("l") ? "l" : "c";
  const x1 = hz === "c" ? cx - w / 2 : hz === "r" ? node.x2 + gap : node.x1 - gap - w;
  const y1 = v === "c" ? cy - h / 2 : v === "b" ? node.y2 + gap : node.y1 - gap - h;
  return { x1, y1, x2: x1 + w, y2: y1 + h };
}

/** A placement for every name that fits; those left out are drawn without their name. */
export function placeActorNames(nodes: readonly LabelNode[], opts: PlacementOptions): Map<string, LabelPlacement> {
  const { measure, gap, pad, clearance, bounds = null } = opts;
  const order = [...nodes].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Fewest lines first at each side: a one-line name below reads best, then the same place wrapped.
  const offers = order.map((node) => {
    const variants = lineVariants(node.text).map((text) => ({ text, size: measure(text) }));
    return LABEL_SIDES.flatMap((side) =>
      variants.map(({ text, size }) => {
        const t = textBox(node.box, side, size.w, size.h, gap, node.at);
        return { text, side, box: { x1: t.x1 - pad, y1: t.y1 - pad, x2: t.x2 + pad, y2: t.y2 + pad } };
      }),
    );
  });
  const { placed } = placeLabels(
    order.map((node, i) => ({ id: node.id, candidates: offers[i]!.map((o) => o.box) })),
    nodes.map((n) => n.box),
    { bounds, gap: clearance, obstacleGap: 0 },
  );
  const index = new Map(order.map((node, i) => [node.id, i]));
  const result = new Map<string, LabelPlacement>();
  for (const p of placed) {
    const { text, side, box } = offers[index.get(p.id)!]![p.candidate]!;
    result.set(p.id, { id: p.id, text, side, box });
  }
  return result;
}
