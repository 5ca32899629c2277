/**
 * The zoom and pan that fit actors in a canvas, from their positions and sizes alone: plain
 * arithmetic, so a large view refits at each step without Cytoscape measuring every element and
 * every label (`cy.fit` takes each element's bounding box, which at 10,000 relationships cost about
 * a third of a step). The stored positions never move, so this is all a fit needs.
 */

export interface FitItem {
  x: number;
  y: number;
  /** The drawn size (width = height for the actors' shapes), border included or not: a margin. */
  size: number;
}

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

export interface FitOptions {
  width: number;
  height: number;
  /** Room kept around what is fitted, in screen pixels. */
  pad: { x: number; y: number };
  minZoom: number;
  maxZoom: number;
}

/** null when there is nothing to fit. */
export function fitViewport(items: Iterable<FitItem>, { width, height, pad, minZoom, maxZoom }: FitOptions): Viewport | null {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const { x, y, size } of items) {
    const r = size / 2;
    if (x - r < x1) x1 = x - r;
    if (y - r < y1) y1 = y - r;
    if (x + r > x2) x2 = x + r;
    if (y + r > y2) y2 = y + r;
  }
  if (x1 === Infinity) return null;
  const w = Math.max(x2 - x1, 1);
  const h = Math.max(y2 - y1, 1);
  const zoom = Math.max(minZoom, Math.min(maxZoom, (width - 2 * pad.x) / w, (height - 2 * pad.y) / h));
  return { zoom, pan: { x: width / 2 - zoom * (x1 + w / 2), y: height / 2 - zoom * (y1 + h / 2) } };
}
