/**
 * What the graph's stylesheet (lib/graph/style.ts) makes of an element, read from a headless
 * Cytoscape holding that stylesheet: the large-view layer (components/graph/drawing-layer.ts)
 * draws with these looks, so it cannot drift from what the legend and the small views show. An
 * element's look depends only on its kind or line data and its classes, so each combination is
 * resolved once (about a millisecond) and kept.
 */
import cytoscape, { type Core, type StylesheetJson } from "cytoscape";

export interface NodeLook {
  fill: string;
  border: number;
  borderColour: string;
  borderDashed: boolean;
  opacity: number;
  z: number;
  /** The name's background opacity (0: no background). */
  labelBackground: number;
}

export interface EdgeLook {
  colour: string;
  /** Model units, as the stylesheet widens it for the zoom. */
  width: number;
  /** Dash pattern in model units, null for a plain line. */
  dash: number[] | null;
  lineOpacity: number;
  opacity: number;
  arrowScale: number;
  halo: { colour: string; opacity: number; padding: number } | null;
  z: number;
  /** Whether the stylesheet shows the tie's label (highlighted, chosen, hovered). */
  labelled: boolean;
}

export interface NodeKey {
  kind: string;
  classes: readonly string[];
}

export interface EdgeKey {
  polarity: string;
  certainty: string;
  structural: boolean;
  classes: readonly string[];
}

/** A property as Cytoscape parsed it: its value, in pixels where it has a unit, and as text. */
interface Parsed {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a number, a list or a keyword, by property
  value: any;
  pfValue: number;
  strValue: string;
}

/** Cytoscape's parsed style of an element (`pstyle`, public in its source, absent from its types). */
const parsed = (ele: unknown) => {
  const e = ele as { pstyle(name: string): Parsed };
  return (name: string) => e.pstyle(name);
};

export class StyleResolver {
  private readonly cy: Core;
  private readonly nodes = new Map<string, NodeLook>();
  private readonly edges = new Map<string, EdgeLook>();
  private serial = 0;

  constructor(sheet: StylesheetJson) {
    this.cy = cytoscape({ headless: true, styleEnabled: true, style: sheet });
    this.cy.add([
      { group: "nodes", data: { id: "__a", kind: "state", label: "", placed: "" } },
      { group: "nodes", data: { id: "__b", kind: "state", label: "", placed: "" } },
    ]);
  }

  node(key: NodeKey): NodeLook {
    const sig = `${key.kind}|${key.classes.join(" ")}`;
    let look = this.nodes.get(sig);
    if (look) return look;
    const n = this.cy.add({ group: "nodes", data: { id: `n${this.serial++}`, kind: key.kind, label: "x", placed: "x", nameSize: 14, measure: 0.5 }, classes: [...key.classes] });
    const p = parsed(n);
    look = {
      fill: p("background-color").strValue,
      border: p("border-width").pfValue,
      borderColour: p("border-color").strValue,
      borderDashed: p("border-style").value === "dashed",
      opacity: p("opacity").value,
      z: p("z-index").value,
      labelBackground: p("text-background-opacity").value,
    };
    n.remove();
    this.nodes.set(sig, look);
    return look;
  }

  edge(key: EdgeKey): EdgeLook {
    const sig = `${key.polarity}|${key.certainty}|${key.structural ? 1 : 0}|${key.classes.join(" ")}`;
    let look = this.edges.get(sig);
    if (look) return look;
    const e = this.cy.add({
      group: "edges",
      data: { id: `e${this.serial++}`, source: "__a", target: "__b", polarity: key.polarity, certainty: key.certainty, structural: key.structural, label: "x" },
      classes: [...key.classes],
    });
    const p = parsed(e);
    const dashed = p("line-style").value === "dashed";
    const haloOpacity = p("underlay-opacity").value;
    look = {
      colour: p("line-color").strValue,
      width: p("width").pfValue,
      dash: dashed ? [...(p("line-dash-pattern").value as number[])] : null,
      lineOpacity: p("line-opacity").value,
      opacity: p("opacity").value,
      arrowScale: p("arrow-scale").value,
      halo: haloOpacity > 0 ? { colour: p("underlay-color").strValue, opacity: haloOpacity, padding: p("underlay-padding").pfValue } : null,
      z: p("z-index").value,
      labelled: p("label").strValue === "x",
    };
    e.remove();
    this.edges.set(sig, look);
    return look;
  }

  destroy() {
    this.cy.destroy();
  }
}
