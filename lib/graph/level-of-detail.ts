/**
 * Names in a large view, by level of detail: at the zoom that fits thousands of actors no name is
 * legible, so only the most connected actors drawn carry theirs (class `named`, at a size legible
 * at the zoom), and every other name appears as the reader zooms in (min-zoomed-font-size). Pure,
 * over the view the graph component draws, so the choice is tested without a browser.
 */
import type { GraphView } from "./view";

/** How many actors of a large view are named at any zoom. */
export const NAMED_ACTORS = 30;

/**
 * The `count` most connected actors among those the view shows (a step's ghosts neither count nor
 * are named), ties broken by id so the choice is stable from one step to the next.
 */
export function mostConnected(view: Pick<GraphView, "nodes" | "edges">, count = NAMED_ACTORS): Set<string> {
  const degree = new Map<string, number>();
  for (const e of view.edges.values()) {
    if (e.classes.includes("ghost")) continue;
    degree.set(e.data.source, (degree.get(e.data.source) ?? 0) + 1);
    degree.set(e.data.target, (degree.get(e.data.target) ?? 0) + 1);
  }
  const ids = [...view.nodes].filter(([, n]) => !n.classes.includes("ghost")).map(([id]) => id);
  ids.sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  return new Set(ids.slice(0, count));
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
