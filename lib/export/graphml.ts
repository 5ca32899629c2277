/**
 * GraphML (http://graphml.graphdrawing.org/) of an export network: one directed graph, every
 * attribute declared with a <key> and its type, so yEd, Gephi, Cytoscape and networkx read the
 * booleans and counts as such. A null value has no <data> element (readers then show it empty);
 * nothing is written as "null".
 */
import type { ExportEdge, ExportNetwork, ExportNode } from "./network";
import { citationsText, namesText } from "./text";
import { attrBytes, fromUtf8Bytes, textBytes, utf8Bytes } from "./utf8-bytes";
import { element, openTag, XML_DECLARATION } from "./xml";

type KeyType = "string" | "boolean" | "int";
type Value = string | number | boolean | null;

interface KeyDef<T> {
  name: string;
  type: KeyType;
  value: (x: T) => Value;
}

const GRAPH_KEYS: KeyDef<ExportNetwork["context"]>[] = [
  { name: "title", type: "string", value: (c) => c.title },
  { name: "period", type: "string", value: (c) => c.period },
  { name: "filters", type: "string", value: (c) => (c.filters.length ? c.filters.join("; ") : null) },
  { name: "focus", type: "string", value: (c) => c.focus },
  { name: "works_cited", type: "string", value: (c) => (c.worksCited.length ? c.worksCited.join("; ") : null) },
  { name: "explorer_query", type: "string", value: (c) => c.explorerQuery },
  { name: "dataset_version", type: "int", value: (c) => c.datasetVersion ?? null },
];

const NODE_KEYS: KeyDef<ExportNode>[] = [
  { name: "label", type: "string", value: (n) => n.label },
  { name: "name", type: "string", value: (n) => n.name },
  { name: "kind", type: "string", value: (n) => n.kind },
  { name: "kind_label", type: "string", value: (n) => n.kindLabel },
  { name: "description", type: "string", value: (n) => n.description },
  { name: "ended", type: "boolean", value: (n) => n.ended },
  { name: "names", type: "string", value: (n) => (n.names.length ? namesText(n.names) : null) },
];

const EDGE_KEYS: KeyDef<ExportEdge>[] = [
  { name: "label", type: "string", value: (e) => e.label },
  { name: "type", type: "string", value: (e) => e.type },
  { name: "type_label", type: "string", value: (e) => e.typeLabel },
  { name: "polarity", type: "string", value: (e) => e.polarity },
  { name: "certainty", type: "string", value: (e) => e.certainty },
  { name: "structural", type: "boolean", value: (e) => e.structural },
  { name: "start", type: "string", value: (e) => e.start?.date ?? null },
  { name: "start_qualifier", type: "string", value: (e) => e.start?.qualifier ?? null },
  { name: "end", type: "string", value: (e) => e.end?.date ?? null },
  { name: "end_qualifier", type: "string", value: (e) => e.end?.qualifier ?? null },
  { name: "date_label", type: "string", value: (e) => e.dateLabel },
  { name: "first", type: "string", value: (e) => e.first },
  { name: "last", type: "string", value: (e) => e.last },
  { name: "summary", type: "string", value: (e) => e.summary },
  { name: "date_note", type: "string", value: (e) => e.dateNote },
  { name: "note", type: "string", value: (e) => e.note },
  { name: "ended", type: "boolean", value: (e) => e.ended },
  { name: "citations", type: "string", value: (e) => citationsText(e.citations) },
  { name: "citation_count", type: "int", value: (e) => e.citations.length },
];

/** Key ids are prefixed by what they describe, so node "label" and edge "label" stay two keys. */
const keyId = (prefix: "g" | "n" | "e", name: string) => `${prefix}_${name}`;

function keyLines<T>(prefix: "g" | "n" | "e", target: "graph" | "node" | "edge", keys: KeyDef<T>[]): string[] {
  return keys.map((k) => `  ${element("key", { id: keyId(prefix, k.name), for: target, "attr.name": k.name, "attr.type": k.type })}`);
}

/**
 * Each key's data lines for one indent, the `<data key="…">` opening built once: the exports write
 * one per value (two million at 100,000 relationships), and the key ids need no escaping. Text is
 * escaped; a boolean or a count is written as it is.
 */
function dataWriter<T>(prefix: "g" | "n" | "e", keys: KeyDef<T>[], indent: string): (x: T) => string {
  const compiled = keys.map((k) => ({ value: k.value, open: `${indent}<data key="${attrBytes(keyId(prefix, k.name))}">` }));
  return (x) => {
    let out = "";
    for (const k of compiled) {
      const v = k.value(x);
      if (v === null) continue;
      // What element("data", { key }, text) writes, one line each.
      out += `${k.open}${typeof v === "string" ? textBytes(v) : String(v)}</data>\n`;
    }
    return out;
  };
}

const graphData = dataWriter("g", GRAPH_KEYS, "    ");
const nodeData = dataWriter("n", NODE_KEYS, "      ");
const edgeData = dataWriter("e", EDGE_KEYS, "      ");

/**
 * The file in pieces (one per node or edge), so a server can stream it; linear in the network. The
 * pieces are UTF-8 bytes, one character each (utf8-bytes.ts): a server sends them as they are.
 */
export function* graphmlChunks(net: ExportNetwork): Generator<string> {
  yield utf8Bytes([
    XML_DECLARATION,
    openTag("graphml", {
      xmlns: "http://graphml.graphdrawing.org/xmlns",
      "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      "xsi:schemaLocation": "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
    }),
    ...keyLines("g", "graph", GRAPH_KEYS),
    ...keyLines("n", "node", NODE_KEYS),
    ...keyLines("e", "edge", EDGE_KEYS),
    `  ${openTag("graph", { id: net.context.fileStem, edgedefault: "directed" })}`,
    "",
  ].join("\n")) + graphData(net.context);
  // Written as openTag would, without an object of attributes per element (ids are never null).
  for (const n of net.nodes) {
    yield `    <node id="${attrBytes(n.id)}">\n${nodeData(n)}    </node>\n`;
  }
  for (const e of net.edges) {
    yield `    <edge id="${attrBytes(e.id)}" source="${attrBytes(e.source)}" target="${attrBytes(e.target)}">\n${edgeData(e)}    </edge>\n`;
  }
  yield "  </graph>\n</graphml>\n";
}

/** The whole file as text. */
export function toGraphML(net: ExportNetwork): string {
  return fromUtf8Bytes([...graphmlChunks(net)].join(""));
}
