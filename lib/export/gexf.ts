/**
 * GEXF 1.2draft (https://gexf.net/) of an export network, as a dynamic graph so Gephi's timeline
 * replays the years:
 * - an edge lives from its `first` to its `last` ISO day (a side left out is open);
 * - a node lives over the hull of its edges and dated names, open on a side where any of them is;
 * - the dynamic node attribute `name` carries the actor's dated names (AQI, ISI, ISIS, IS).
 * No modification date is written, so the same view gives the same bytes.
 */
import type { IsoDay } from "../model/dates";
import type { ExportEdge, ExportEdgeSpan, ExportName, ExportNetwork, ExportNode } from "./network";
import { citationsText } from "./text";
import { attrBytes, fromUtf8Bytes, utf8Bytes } from "./utf8-bytes";
import { element, openTag, XML_DECLARATION } from "./xml";

type AttrType = "string" | "boolean" | "integer";
type Value = string | number | boolean | null;

interface AttrDef<T> {
  title: string;
  type: AttrType;
  value: (x: T) => Value;
}

const NODE_ATTRS: AttrDef<ExportNode>[] = [
  { title: "kind", type: "string", value: (n) => n.kind },
  { title: "kind_label", type: "string", value: (n) => n.kindLabel },
  { title: "description", type: "string", value: (n) => n.description },
];

const EDGE_ATTRS: AttrDef<ExportEdge>[] = [
  { title: "type", type: "string", value: (e) => e.type },
  { title: "type_label", type: "string", value: (e) => e.typeLabel },
  { title: "polarity", type: "string", value: (e) => e.polarity },
  { title: "certainty", type: "string", value: (e) => e.certainty },
  { title: "structural", type: "boolean", value: (e) => e.structural },
  { title: "date_label", type: "string", value: (e) => e.dateLabel },
  { title: "summary", type: "string", value: (e) => e.summary },
  { title: "date_note", type: "string", value: (e) => e.dateNote },
  { title: "note", type: "string", value: (e) => e.note },
  { title: "citations", type: "string", value: (e) => citationsText(e.citations) },
  { title: "citation_count", type: "integer", value: (e) => e.citations.length },
];

/**
 * Attribute ids are prefixed ("n_kind", "e_type") so they cannot clash with the columns Gephi
 * reserves (id, label, weight, type, timeset); readers show the title.
 */
const attrId = (prefix: "n" | "e", title: string) => `${prefix}_${title}`;
const NAME_ATTR = attrId("n", "name");

function declarations(cls: "node" | "edge", mode: "static" | "dynamic", attrs: { title: string; type: AttrType }[]): string[] {
  const prefix = cls === "node" ? "n" : "e";
  return [
    `    ${openTag("attributes", { class: cls, mode })}`,
    ...attrs.map((a) => `      ${element("attribute", { id: attrId(prefix, a.title), title: a.title, type: a.type })}`),
    "    </attributes>",
  ];
}

/**
 * Each attribute's value lines, the `<attvalue for="…" value="` opening built once: the exports write
 * one per value (a million at 100,000 relationships). Text is escaped; a boolean or a count is
 * written as it is.
 */
function valueWriter<T>(prefix: "n" | "e", attrs: AttrDef<T>[]): (x: T) => string {
  const compiled = attrs.map((a) => ({ value: a.value, open: `          <attvalue for="${attrBytes(attrId(prefix, a.title))}" value="` }));
  return (x) => {
    let out = "";
    for (const a of compiled) {
      const v = a.value(x);
      if (v === null) continue;
      // What element("attvalue", { for, value }) writes, one line each.
      out += `${a.open}${typeof v === "string" ? attrBytes(v) : String(v)}"/>\n`;
    }
    return out;
  };
}

const nodeValues = valueWriter("n", NODE_ATTRS);
const edgeValues = valueWriter("e", EDGE_ATTRS);

/** ` name="value"`, or nothing for an open side: what openTag writes of one attribute. */
const optional = (name: string, value: string | null) => (value === null ? "" : ` ${name}="${attrBytes(value)}"`);

/** The day before an ISO day. */
function dayBefore(day: IsoDay): IsoDay {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * One value of the dynamic `name` per dated name. Successive names in the data share their boundary
 * period (AQI until October 2006, ISI from October 2006); Gephi rejects a dynamic attribute whose
 * intervals overlap, so where a name's end reaches the next name's start it is cut to the day
 * before. The node's own span (below) uses the names' dates as they are.
 */
function nameValues(names: readonly ExportName[]): string[] {
  return names.map((n, i) => {
    const next = names[i + 1];
    let end = n.last;
    if (next?.first) {
      const cut = dayBefore(next.first);
      if ((end === null || end > cut) && (n.first === null || n.first <= cut)) end = cut;
    }
    return utf8Bytes(element("attvalue", { for: NAME_ATTR, value: n.short ?? n.name, start: n.first, end }));
  });
}

type Spanned = { first: IsoDay | null; last: IsoDay | null };

/** A hull being gathered: the earliest first and latest last seen so far, and whether a side was open. */
interface Hull {
  any: boolean;
  start: IsoDay | null;
  end: IsoDay | null;
  openStart: boolean;
  openEnd: boolean;
}

const emptyHull = (): Hull => ({ any: false, start: null, end: null, openStart: false, openEnd: false });

function widen(h: Hull, s: Spanned): void {
  h.any = true;
  if (s.first === null) h.openStart = true;
  else if (h.start === null || s.first < h.start) h.start = s.first;
  if (s.last === null) h.openEnd = true;
  else if (h.end === null || s.last > h.end) h.end = s.last;
}

/**
 * Each node's hull over its edges, gathered in one pass over the edges (scanning them per node made
 * the export quadratic), without keeping a list of edges per node.
 */
function edgeHulls(edges: Iterable<ExportEdgeSpan>): Map<string, Hull> {
  const by = new Map<string, Hull>();
  const add = (id: string, e: ExportEdgeSpan) => {
    let h = by.get(id);
    if (!h) by.set(id, (h = emptyHull()));
    widen(h, e);
  };
  for (const e of edges) {
    add(e.source, e);
    if (e.target !== e.source) add(e.target, e);
  }
  return by;
}

/** Earliest first and latest last over a node's edges and dated names; null where any is open, or nothing is dated. */
function nodeHull(node: ExportNode, hulls: ReadonlyMap<string, Hull>): { start: IsoDay | null; end: IsoDay | null } {
  const h = { ...(hulls.get(node.id) ?? emptyHull()) };
  for (const name of node.names) widen(h, name);
  if (!h.any) return { start: null, end: null };
  return { start: h.openStart ? null : h.start, end: h.openEnd ? null : h.end };
}

export function nodeSpan(node: ExportNode, edges: Iterable<ExportEdgeSpan>): { start: IsoDay | null; end: IsoDay | null } {
  return nodeHull(node, edgeHulls(edges));
}

function description(net: ExportNetwork): string {
  const c = net.context;
  const works = c.worksCited.length ? ` Works cited: ${c.worksCited.join("; ")}.` : "";
  return `${c.title}. ${c.period}.${works}`;
}

/**
 * The file in pieces (one per node or edge), so a server can stream it; linear in the network. The
 * pieces are UTF-8 bytes, one character each (utf8-bytes.ts): a server sends them as they are.
 */
export function* gexfChunks(net: ExportNetwork): Generator<string> {
  yield utf8Bytes([
    XML_DECLARATION,
    openTag("gexf", {
      xmlns: "http://www.gexf.net/1.2draft",
      "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      "xsi:schemaLocation": "http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd",
      version: "1.2",
    }),
    "  <meta>",
    `    ${element("creator", {}, "Actor network explorer")}`,
    `    ${element("description", {}, description(net))}`,
    // GEXF's <meta> keeps the date of last modification; its "lastmodifieddate" would be a moment, so the version goes in <keywords>.
    ...(net.context.datasetVersion === undefined ? [] : [`    ${element("keywords", {}, `dataset version ${net.context.datasetVersion}`)}`]),
    "  </meta>",
    `  ${openTag("graph", { mode: "dynamic", defaultedgetype: "directed", timeformat: "date" })}`,
    ...declarations("node", "static", NODE_ATTRS),
    ...declarations("node", "dynamic", [{ title: "name", type: "string" }]),
    ...declarations("edge", "static", EDGE_ATTRS),
    "    <nodes>",
    "",
  ].join("\n"));
  const hulls = edgeHulls(net.spans ?? net.edges);
  for (const n of net.nodes) {
    const span = nodeHull(n, hulls);
    const names = n.names.length ? nameValues(n.names).map((v) => `          ${v}\n`).join("") : "";
    yield (
      `      <node id="${attrBytes(n.id)}" label="${attrBytes(n.label)}"${optional("start", span.start)}${optional("end", span.end)}>\n` +
      `        <attvalues>\n${nodeValues(n)}${names}        </attvalues>\n      </node>\n`
    );
  }
  yield "    </nodes>\n    <edges>\n";
  // Written as openTag would, without an object of attributes per element.
  for (const e of net.edges) {
    yield (
      `      <edge id="${attrBytes(e.id)}" source="${attrBytes(e.source)}" target="${attrBytes(e.target)}" label="${attrBytes(e.label)}"` +
      `${optional("start", e.first)}${optional("end", e.last)}>\n        <attvalues>\n${edgeValues(e)}        </attvalues>\n      </edge>\n`
    );
  }
  yield "    </edges>\n  </graph>\n</gexf>\n";
}

/** The whole file as text. */
export function toGEXF(net: ExportNetwork): string {
  return fromUtf8Bytes([...gexfChunks(net)].join(""));
}
