/**
 * Cytoscape JSON (`.cyjs`): the exported elements with their laid-out positions and the data the
 * drawing is styled by, plus the explorer's own stylesheet. Cytoscape.js loads it with
 * `cytoscape({ elements, style })`; Cytoscape desktop imports it with File › Import › Network from
 * File. Desktop wants flat columns (strings, numbers, booleans, lists of strings), so evidence is
 * given as lists of strings next to the structured fields a script would use.
 */
import { formatCitation } from "../model/citations";
import { CERTAINTY_LINES, ENDED_COLOUR, KIND_STYLES, POLARITY_COLOURS, STRUCTURAL_COLOUR, graphStylesheet } from "../graph/style";
import { edgeFields } from "./flat-fields";
import type { ExportEdge, ExportNetwork, ExportNode } from "./network";

export const CYJS_FORMAT_VERSION = "1.0";
export const CYJS_GENERATOR = "actor-network-explorer";

/** Positions are written to the hundredth of a pixel; the explorer rounds dragged positions the same way. */
export const roundPosition = (n: number) => Math.round(n * 100) / 100;

/** Cytoscape desktop makes a column of every data key; a key with no value is left out rather than written null. */
function present<T extends Record<string, unknown>>(data: T): T {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null)) as T;
}

type Positions = ReadonlyMap<string, { x: number; y: number }>;

function header(net: ExportNetwork) {
  const { context } = net;
  return {
    format_version: CYJS_FORMAT_VERSION,
    generated_by: CYJS_GENERATOR,
    target_cytoscapejs_version: "~3.34",
    data: present({
      name: `${context.title}: ${context.period}`,
      title: context.title,
      period: context.period,
      window_first: context.window.first,
      window_last: context.window.last,
      filters: context.filters,
      focus: context.focus,
      works_cited: context.worksCited,
      /** Open `/?` + this in the explorer to see the same view. */
      explorer_query: context.explorerQuery,
      datasetVersion: context.datasetVersion ?? null,
    }),
  };
}

function nodeElement(n: ExportNode, positions: Positions) {
  const style = KIND_STYLES[n.kind];
  const p = positions.get(n.id) ?? { x: 0, y: 0 };
  return {
    data: present({
      id: n.id,
      // Cytoscape desktop shows `name`; the explorer's stylesheet draws `label`. Both are the name in force.
      name: n.label,
      label: n.label,
      full_name: n.name,
      kind: n.kind,
      kind_label: n.kindLabel,
      description: n.description,
      names: n.names.map((x) => `${x.short ?? x.name} (${x.dateLabel})`),
      ended: n.ended,
      shape: style.points ? "polygon" : "ellipse",
      shape_points: style.points ? style.points.join(" ") : null,
      colour: style.colour,
      size: style.size,
    }),
    position: { x: roundPosition(p.x), y: roundPosition(p.y) },
    classes: n.ended ? "ended" : "",
  };
}

function edgeElement(e: ExportEdge) {
  return {
    data: present({
      id: e.id,
      source: e.source,
      target: e.target,
      name: `${e.sourceLabel} (${e.type}) ${e.targetLabel}`,
      interaction: e.type,
      label: e.label,
      ...edgeFields(e),
      citations: e.citations.map((c) => formatCitation({ pages: c.pages, source: c }) + `: ${c.note}`),
      sources: e.citations.map((c) => c.source),
      colour: e.ended ? ENDED_COLOUR : e.structural ? STRUCTURAL_COLOUR : POLARITY_COLOURS[e.polarity],
      line_style: CERTAINTY_LINES[e.certainty].style,
    }),
    classes: e.ended ? "ended" : "",
  };
}

export function toCytoscapeJson(net: ExportNetwork, positions: Positions) {
  return {
    ...header(net),
    elements: {
      nodes: net.nodes.map((n) => nodeElement(n, positions)),
      edges: Array.from(net.edges, edgeElement),
    },
    style: graphStylesheet({ fadeMs: 0 }),
  };
}

/** `JSON.stringify(value, null, 2)` written at `depth` levels of indentation inside a larger document. */
const indented = (value: unknown, depth: number) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${"  ".repeat(depth)}`);

/** A JSON array of two-space indented items at `depth`, written item by item; `[]` when empty, as JSON.stringify writes it. */
function* arrayChunks<T>(items: Iterable<T>, depth: number, item: (x: T) => unknown): Generator<string> {
  const pad = "  ".repeat(depth + 1);
  let first = true;
  for (const x of items) {
    yield `${first ? "[\n" : ",\n"}${pad}${indented(item(x), depth + 1)}`;
    first = false;
  }
  yield first ? "[]" : `\n${"  ".repeat(depth)}]`;
}

/**
 * The file in pieces (one per element), so a server can stream it: the same bytes as
 * `JSON.stringify(toCytoscapeJson(net, positions), null, 2)` and a final line end, without the
 * whole document (128 MiB at 100,000 relationships) built as one object and one string.
 */
export function* cytoscapeJsonChunks(net: ExportNetwork, positions: Positions): Generator<string> {
  const head = indented(header(net), 0);
  // The header's closing brace is replaced by the elements and the style, written after it.
  yield `${head.slice(0, -2)},\n  "elements": {\n    "nodes": `;
  yield* arrayChunks(net.nodes, 2, (n) => nodeElement(n, positions));
  yield `,\n    "edges": `;
  yield* arrayChunks(net.edges, 2, edgeElement);
  yield `\n  },\n  "style": ${indented(graphStylesheet({ fadeMs: 0 }), 1)}\n}\n`;
}

export type CytoscapeJson = ReturnType<typeof toCytoscapeJson>;
