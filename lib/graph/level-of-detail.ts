/**
 * Names in a large view, by level of detail: at the zoom that fits thousands of actors no name is
 * legible, so only some of the most connected actors drawn carry theirs (class `named`, at a size
 * legible at the zoom), chosen so that no two of those names cover each other, and every other name
 * appears as the reader zooms in (min-zoomed-font-size). Lines likewise: a dash pattern finer than
 * the eye can follow at the zoom is drawn as a plain line as light as its dashes. Pure, over what
 * the graph component reads of its drawing, so the choice is tested without a browser.
 */
import { RectGrid, overlaps, type Rect } from "./label-placement";

/** How many actors of a large view are named at any zoom. */
export const NAMED_ACTORS = 30;

/** An actor that may be named, as drawn: its name goes below it, centred, as Cytoscape draws a `named` actor's. */
export interface NameCandidate {
  id: string;
  /** Ties drawn to it, a step's ghosts left out. */
  degree: number;
  /** The name as drawn (one line: `named` names do not wrap). */
  text: string;
  /** Where Cytoscape puts the name's text: centred on `x`, its top at `y` (the actor's bottom plus the text margin). */
  anchor: { x: number; y: number };
  /** The actor's own box as drawn. */
  node: Rect;
}

export interface NameChoice {
  /** The names' model size at the zoom chosen for (`namedSize`): the choice depends on the zoom only through it. */
  size: number;
  /** The name's background padding (`text-background-padding`). */
  pad: number;
  /** The text's width and height at a model size, as Cytoscape measures it. */
  measure(text: string, size: number): { w: number; h: number };
  /** At most this many names. */
  count?: number;
}

/** Air kept between two names, as a share of their size (about 2 px on screen at 12 px). */
const GAP = 0.15;
/** Cytoscape bounds a label 2 model units beyond its background. */
export const LABEL_BOX_MARGIN = 2;

const byConnection = (a: NameCandidate, b: NameCandidate) => b.degree - a.degree || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The box of a candidate's name at `size`, as Cytoscape bounds it (`boundingBox({ includeLabels: true })`). */
export function nameBox(c: NameCandidate, choice: Pick<NameChoice, "size" | "pad" | "measure">): Rect {
  return grow(nameBackground(c, choice), LABEL_BOX_MARGIN);
}

/** The name's background as drawn: its text and padding. */
export function nameBackground(c: NameCandidate, { size, pad, measure }: Pick<NameChoice, "size" | "pad" | "measure">): Rect {
  const { w, h } = measure(c.text, size);
  return { x1: c.anchor.x - w / 2 - pad, y1: c.anchor.y - pad, x2: c.anchor.x + w / 2 + pad, y2: c.anchor.y + h + pad };
}

const grow = (r: Rect, d: number): Rect => ({ x1: r.x1 - d, y1: r.y1 - d, x2: r.x2 + d, y2: r.y2 + d });

/**
 * The actors to name: walked by degree, ties by id (so the choice is the same from one step to the
 * next where nothing moved), each kept when its name covers no name kept before it nor the actor of
 * anyone walked before it (a more connected actor, or as connected with a smaller id), until `count`.
 * In the order chosen.
 */
export function legibleNames(candidates: readonly NameCandidate[], choice: NameChoice): string[] {
  const { size, count = NAMED_ACTORS } = choice;
  const air = (size * GAP) / 2;
  const kept: Rect[] = [];
  const named: string[] = [];
  const nodes = new RectGrid(size * 4);
  for (const c of [...candidates].sort(byConnection)) {
    if (named.length >= count) break;
    const drawn = nameBackground(c, choice);
    // Names apart by their whole boxes, as a test reads them from Cytoscape, and some air; a name off
    // an actor by what is drawn (a name's box reaches 2 units into the actor beside it, on its row).
    const box = grow(drawn, LABEL_BOX_MARGIN + air);
    if (!kept.some((k) => overlaps(k, box)) && !nodes.hits(drawn)) {
      kept.push(box);
      named.push(c.id);
    }
    nodes.add(c.node);
  }
  return named;
}

/**
 * The model size that draws a name at least `minPx` on screen at `zoom`, never below `base`, in
 * steps of 15%: a step whose fit zooms a little does not restyle the named actors.
 */
export function namedSize(zoom: number, minPx: number, base: number): number {
  const wanted = minPx / zoom;
  if (wanted <= base) return base;
  // Rounded up, not to the nearest: rounding down drew names up to 0.05 model units short (11.987 px at zoom 0.322).
  return Math.ceil(base * 1.15 ** Math.ceil(Math.log(wanted / base) / Math.log(1.15)) * 10 - 1e-9) / 10;
}

/**
 * A dash pattern is drawn as dashes from the zoom at which one period of it (a dash and a gap) is this
 * many pixels on screen. Below, its dashes and gaps are under a pixel or two: what the canvas drew
 * was a lighter line, at a high price on a canvas without a GPU (Skia cuts every dash out as a shape
 * of its own; at 100,000 relationships a step spent about a quarter of its time there).
 */
export const DASH_MIN_PX = 3;

/** Whether a dash pattern (in model units, dash and gap in turn) reads as dashes at `zoom`. */
export function dashLegible(pattern: readonly number[], zoom: number): boolean {
  return pattern.reduce((sum, d) => sum + d, 0) * zoom >= DASH_MIN_PX;
}

/**
 * The share of a line's length that a dash pattern inks, its round caps included (each dash reaches
 * half the line's width beyond either end): the opacity of the plain line drawn for the pattern
 * where it is not legible, so that the line looks as light as its dashes did.
 */
export function dashInk(pattern: readonly number[], width: number): number {
  let period = 0;
  let inked = 0;
  pattern.forEach((d, i) => {
    period += d;
    if (i % 2 === 0) inked += d + width;
  });
  return period > 0 ? Math.round(Math.min(1, inked / period) * 100) / 100 : 1;
}

/**
 * A large view's ordinary line is drawn about this wide on screen, however far out: its colour reads,
 * and thousands of them with their halos still leave the actors and names visible (1 px buried them).
 */
export const MIN_LINE_PX = 0.5;

/** Beyond its own range, how far the zoom may go before the scale drawn is changed. */
const LINE_SCALE_SLACK = 1.25;

/**
 * How many times its model width a large view draws its lines at `zoom`, so that a line `width`
 * units wide is about MIN_LINE_PX on screen (within a factor of √2) where it would be thinner: a
 * 2.5-unit line at a 10k store's fit (zoom 0.06) would be 0.15 px, its colour lost. A power of two,
 * so that the stylesheet changes only as the zoom halves or doubles; `current`, the scale drawn now,
 * is kept until the zoom is a quarter beyond its range, so that fits hovering about a boundary do not
 * restyle every element at each step.
 */
export function lineScale(zoom: number, width: number, current: number | null = null): number {
  const wanted = MIN_LINE_PX / (width * zoom);
  const nearest = wanted <= 1 ? 1 : 2 ** Math.round(Math.log2(wanted));
  if (current === null || current === nearest) return nearest;
  const ratio = wanted / current;
  const keep = ratio <= Math.SQRT2 * LINE_SCALE_SLACK && (current === 1 || ratio > 1 / (Math.SQRT2 * LINE_SCALE_SLACK));
  return keep ? current : nearest;
}
