import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { readCsv, readGEXF, readGraphML, type PyGraph } from "@/test/setup/python";
import { csvField, EDGE_COLUMNS, edgesCsv, NODE_COLUMNS, nodesCsv } from "./csv";
import { cytoscapeJsonChunks, toCytoscapeJson } from "./cytoscape-json";
import { nodeSpan, toGEXF } from "./gexf";
import { toGraphML } from "./graphml";
import type { ExportCitation, ExportNetwork } from "./network";
import { escapeAttr, escapeText } from "./xml";

const neumann: ExportCitation = {
  source: "neumann-2014",
  citedAs: "Neumann 2014",
  authors: ["Neumann, Peter"],
  date: "2014",
  title: "The New Jihadism",
  outlet: "ICSR",
  pages: "20",
  note: "Says so.",
};
const weiss: ExportCitation = {
  source: "weiss-hassan-2015",
  citedAs: "Weiss & Hassan 2015",
  authors: ["Weiss, Michael", "Hassan, Hassan"],
  date: "2015-02",
  title: "ISIS: Inside the Army of Terror",
  outlet: null,
  pages: "150-151",
  note: "",
};

const SPECIAL = 'Fighters, "foreign" ones;\nvia Aleppo & Damascus <route> – Abū';
const CRLF_NOTE = "line one\r\nline two";

const net = {
  context: {
    title: "Assad, the Baathists & the <jihadists>",
    period: "Up to 2009",
    window: { at: null, from: null, to: "2009", first: null, last: "2009-12-31" },
    filters: ["Certainty: documented, reported", "Kind: state"],
    focus: null,
    worksCited: ["Neumann 2014", "Weiss & Hassan 2015"],
    explorerQuery: "date=2009&mode=upto&certainty=documented,reported",
    fileStem: "assad-baathist-jihadist-upto-2009",
    counts: { actors: 4, relationships: 4 },
  },
  nodes: [
    {
      id: "syrian-government",
      label: "Assad government",
      name: "Government of Syria",
      kind: "government",
      kindLabel: "Government",
      description: "Rules Syria.\u0001",
      names: [],
      ended: false,
    },
    {
      id: "aqi",
      label: "ISI",
      name: "al-Qaeda in Iraq",
      kind: "militant-organisation",
      kindLabel: "Militant organisation",
      description: "Jihadist group.",
      names: [
        { name: "al-Qaeda in Iraq", short: "AQI", first: "2004-10-01", last: "2006-10-31", dateLabel: "October 2004 – October 2006" },
        { name: "Islamic State of Iraq", short: "ISI", first: "2006-10-01", last: "2013-04-30", dateLabel: "October 2006 – April 2013" },
      ],
      ended: false,
    },
    {
      id: "abu-al-qaqa",
      label: "Abu al-Qaqa",
      name: "Mahmud Gul Aghasi",
      kind: "person",
      kindLabel: "Person",
      description: "=Preacher in Aleppo",
      names: [],
      ended: true,
    },
    {
      id: "usa",
      label: "United States",
      name: "United States of America",
      kind: "state",
      kindLabel: "State",
      description: "-a state",
      names: [],
      ended: false,
    },
  ],
  edges: [
    {
      id: "syria-supports-aqi",
      source: "syrian-government",
      target: "aqi",
      sourceLabel: "Assad government",
      targetLabel: "ISI",
      type: "support",
      typeLabel: "Support",
      polarity: "cooperative",
      certainty: "reported",
      structural: false,
      label: "Support (2005 – at least 2006)",
      start: { date: "2005", precision: "year", qualifier: "exact", label: "2005" },
      end: { date: "2006", precision: "year", qualifier: "at-least", label: "at least 2006" },
      dateLabel: "2005 – at least 2006",
      first: "2005-01-01",
      last: "2006-12-31",
      summary: "Syria let the group's fighters through.",
      dateNote: null,
      note: null,
      ended: true,
      citations: [neumann, weiss],
    },
    {
      id: "syria-fights-aqi",
      source: "syrian-government",
      target: "aqi",
      sourceLabel: "Assad government",
      targetLabel: "ISI",
      type: "hostility",
      typeLabel: "Hostility or attack",
      polarity: "hostile",
      certainty: "documented",
      structural: false,
      label: "Hostility or attack (by 2007 – open)",
      start: { date: "2007", precision: "year", qualifier: "by", label: "by 2007" },
      end: null,
      dateLabel: "by 2007 – open",
      first: "2007-01-01",
      last: null,
      summary: "@raids",
      dateNote: "-ish",
      note: null,
      ended: false,
      citations: [neumann],
    },
    {
      id: "qaqa-facilitates-aqi",
      source: "abu-al-qaqa",
      target: "aqi",
      sourceLabel: "Abu al-Qaqa",
      targetLabel: "ISI",
      type: "facilitation",
      typeLabel: "Facilitation of fighters",
      polarity: "cooperative",
      certainty: "alleged",
      structural: false,
      label: "Facilitation of fighters (2005 – 28 September 2007)",
      start: { date: "2005", precision: "year", qualifier: "exact", label: "2005" },
      end: { date: "2007-09-28", precision: "day", qualifier: "exact", label: "28 September 2007" },
      dateLabel: "2005 – 28 September 2007",
      first: "2005-01-01",
      last: "2007-09-28",
      summary: SPECIAL,
      dateNote: "He was shot in Aleppo.",
      note: CRLF_NOTE,
      ended: true,
      citations: [weiss],
    },
    {
      id: "usa-pressures-syria",
      source: "usa",
      target: "syrian-government",
      sourceLabel: "United States",
      targetLabel: "Assad government",
      type: "pressure",
      typeLabel: "Pressure",
      polarity: "hostile",
      certainty: "documented",
      structural: false,
      label: "Pressure (until 2008)",
      start: null,
      end: { date: "2008", precision: "year", qualifier: "exact", label: "2008" },
      dateLabel: "until 2008",
      first: null,
      last: "2008-12-31",
      summary: "+demands",
      dateNote: null,
      note: null,
      ended: false,
      citations: [],
    },
  ],
} satisfies ExportNetwork;

const node = (g: PyGraph, id: string) => {
  const n = g.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
};
const edge = (g: PyGraph, id: string) => {
  const e = g.edges.find((x) => x.id === id);
  if (!e) throw new Error(`no edge ${id}`);
  return e;
};

describe("xml escaping", () => {
  it("escapes markup and keeps line ends through a parser", () => {
    expect(escapeText("a & b < c > d\r\n")).toBe("a &amp; b &lt; c &gt; d&#13;\n");
    expect(escapeAttr(`"x" 'y'\n\t<&>`)).toBe("&quot;x&quot; &apos;y&apos;&#10;&#9;&lt;&amp;&gt;");
  });
  it("drops characters XML 1.0 forbids and keeps the rest", () => {
    expect(escapeText("a\u0000b\u0008c\uFFFEd\uD800e😀f")).toBe("abcde😀f");
  });
});

describe("GraphML", () => {
  const xml = toGraphML(net);
  let g: PyGraph;
  beforeAll(() => {
    g = readGraphML(xml);
  });

  it("is a directed graph with every node and edge, each with its id", () => {
    expect(g.directed).toBe(true);
    // Two edges join the Assad government to AQI, so networkx makes it a multigraph keyed by edge id.
    expect(g.class).toBe("MultiDiGraph");
    expect(g.nodes.map((n) => n.id)).toEqual(net.nodes.map((n) => n.id));
    expect(g.edges.map((e) => e.id).sort()).toEqual(net.edges.map((e) => e.id).sort());
    expect(xml).toContain('<graph id="assad-baathist-jihadist-upto-2009" edgedefault="directed">');
  });

  it("keeps the context as graph data, leaving out what is null", () => {
    expect(g.graph).toMatchObject({
      title: "Assad, the Baathists & the <jihadists>",
      period: "Up to 2009",
      filters: "Certainty: documented, reported; Kind: state",
      works_cited: "Neumann 2014; Weiss & Hassan 2015",
      explorer_query: "date=2009&mode=upto&certainty=documented,reported",
    });
    expect(g.graph).not.toHaveProperty("focus");
    expect(xml).not.toContain("null");
  });

  it("types node attributes", () => {
    expect(node(g, "aqi")).toEqual({
      id: "aqi",
      label: "ISI",
      name: "al-Qaeda in Iraq",
      kind: "militant-organisation",
      kind_label: "Militant organisation",
      description: "Jihadist group.",
      ended: false,
      names: "AQI (2004-10-01 – 2006-10-31); ISI (2006-10-01 – 2013-04-30)",
    });
    expect(node(g, "abu-al-qaqa").ended).toBe(true);
    expect(node(g, "syrian-government")).not.toHaveProperty("names");
    expect(node(g, "syrian-government").description).toBe("Rules Syria.");
  });

  it("types edge attributes and keeps the direction", () => {
    expect(edge(g, "syria-supports-aqi")).toEqual({
      id: "syria-supports-aqi",
      source: "syrian-government",
      target: "aqi",
      label: "Support (2005 – at least 2006)",
      type: "support",
      type_label: "Support",
      polarity: "cooperative",
      certainty: "reported",
      structural: false,
      start: "2005",
      start_qualifier: "exact",
      end: "2006",
      end_qualifier: "at-least",
      date_label: "2005 – at least 2006",
      first: "2005-01-01",
      last: "2006-12-31",
      summary: "Syria let the group's fighters through.",
      ended: true,
      citations: "Neumann 2014, p. 20; Weiss & Hassan 2015, pp. 150-151",
      citation_count: 2,
    });
    const open = edge(g, "syria-fights-aqi");
    expect(open).not.toHaveProperty("end");
    expect(open).not.toHaveProperty("last");
    expect(open.start_qualifier).toBe("by");
    // An empty string reads back as "" (networkx 3) or not at all (networkx 2.8, Debian 12's).
    expect(edge(g, "usa-pressures-syria")).toMatchObject({ source: "usa", target: "syrian-government", citation_count: 0 });
    expect(edge(g, "usa-pressures-syria").citations ?? "").toBe("");
  });

  it("keeps special characters and line ends", () => {
    const e = edge(g, "qaqa-facilitates-aqi");
    expect(e.summary).toBe(SPECIAL);
    expect(e.note).toBe(CRLF_NOTE);
  });
});

describe("GEXF", () => {
  const xml = toGEXF(net);
  let g: PyGraph;
  beforeAll(() => {
    g = readGEXF(xml);
  });

  it("is a dynamic directed graph with every node and edge", () => {
    expect(g.directed).toBe(true);
    expect(g.graph.mode).toBe("dynamic");
    expect(g.nodes.map((n) => n.id)).toEqual(net.nodes.map((n) => n.id));
    expect(g.edges.map((e) => e.id).sort()).toEqual(net.edges.map((e) => e.id).sort());
    expect(xml).toContain('<graph mode="dynamic" defaultedgetype="directed" timeformat="date">');
    expect(xml).toContain("<creator>Actor network explorer</creator>");
    expect(xml).toContain(
      "<description>Assad, the Baathists &amp; the &lt;jihadists&gt;. Up to 2009. Works cited: Neumann 2014; Weiss &amp; Hassan 2015.</description>",
    );
    expect(xml).not.toContain("lastmodifieddate");
  });

  it("gives each edge its first and last day as start and end, none where open", () => {
    for (const e of net.edges) {
      const read = edge(g, e.id);
      expect(read.source).toBe(e.source);
      expect(read.target).toBe(e.target);
      expect(read.label).toBe(e.label);
      if (e.first) expect(read.start).toBe(e.first);
      else expect(read).not.toHaveProperty("start");
      if (e.last) expect(read.end).toBe(e.last);
      else expect(read).not.toHaveProperty("end");
    }
    expect(edge(g, "syria-fights-aqi")).not.toHaveProperty("end");
  });

  it("gives each node the span of its edges and names", () => {
    // AQI: first name from 2004-10-01, an edge open at the end.
    expect(node(g, "aqi").start).toBe("2004-10-01");
    expect(node(g, "aqi")).not.toHaveProperty("end");
    expect(node(g, "abu-al-qaqa")).toMatchObject({ start: "2005-01-01", end: "2007-09-28" });
    // An edge open at each side.
    expect(node(g, "syrian-government")).not.toHaveProperty("start");
    expect(node(g, "syrian-government")).not.toHaveProperty("end");
    expect(node(g, "usa")).not.toHaveProperty("start");
    expect(node(g, "usa").end).toBe("2008-12-31");
    expect(nodeSpan({ ...net.nodes[3]!, id: "alone" }, net.edges)).toEqual({ start: null, end: null });
  });

  it("carries dated names as a dynamic attribute, cut so they do not overlap", () => {
    // AQI's period ends 2006-10-31 but ISI's starts 2006-10-01: AQI's value stops the day before.
    expect(node(g, "aqi").name).toEqual([
      ["AQI", "2004-10-01", "2006-09-30"],
      ["ISI", "2006-10-01", "2013-04-30"],
    ]);
    expect(node(g, "aqi").label).toBe("ISI");
    expect(node(g, "syrian-government")).not.toHaveProperty("name");
  });

  it("types static attributes", () => {
    expect(node(g, "aqi")).toMatchObject({ kind: "militant-organisation", kind_label: "Militant organisation", description: "Jihadist group." });
    expect(edge(g, "syria-supports-aqi")).toMatchObject({
      type: "support",
      type_label: "Support",
      polarity: "cooperative",
      certainty: "reported",
      structural: false,
      date_label: "2005 – at least 2006",
      summary: "Syria let the group's fighters through.",
      citations: "Neumann 2014, p. 20; Weiss & Hassan 2015, pp. 150-151",
      citation_count: 2,
    });
    expect(edge(g, "syria-supports-aqi")).not.toHaveProperty("note");
    const special = edge(g, "qaqa-facilitates-aqi");
    expect(special.summary).toBe(SPECIAL);
    expect(special.note).toBe(CRLF_NOTE);
  });
});

describe("CSV", () => {
  const nodes = nodesCsv(net);
  const edges = edgesCsv(net);
  let readNodes: ReturnType<typeof readCsv>;
  let readEdges: ReturnType<typeof readCsv>;
  beforeAll(() => {
    readNodes = readCsv(nodes);
    readEdges = readCsv(edges);
  });
  /** Outside quoted fields every line ends with CRLF. */
  const outsideQuotes = (text: string) => text.split('"').filter((_, i) => i % 2 === 0).join("");

  it("starts with a BOM, ends lines with CRLF, and has the documented columns", () => {
    expect(nodes.startsWith("\uFEFFid,label,")).toBe(true);
    expect(readNodes.bom).toBe(true);
    expect(readEdges.bom).toBe(true);
    for (const text of [nodes, edges]) {
      expect(text.endsWith("\r\n")).toBe(true);
      expect(outsideQuotes(text)).not.toMatch(/[^\r]\n|\r[^\n]/);
    }
    expect(readNodes.rows[0]).toEqual([...NODE_COLUMNS]);
    expect(readEdges.rows[0]).toEqual([...EDGE_COLUMNS]);
    expect(readNodes.rows).toHaveLength(1 + net.nodes.length);
    expect(readEdges.rows).toHaveLength(1 + net.edges.length);
  });

  const rowsOf = (read: { rows: string[][] }, columns: readonly string[]) =>
    read.rows.slice(1).map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])) as Record<string, string>);

  it("writes every edge column", () => {
    const rows = rowsOf(readEdges, EDGE_COLUMNS);
    expect(rows[0]).toEqual({
      id: "syria-supports-aqi",
      source: "syrian-government",
      source_label: "Assad government",
      target: "aqi",
      target_label: "ISI",
      type: "support",
      type_label: "Support",
      polarity: "cooperative",
      certainty: "reported",
      structural: "false",
      start: "2005",
      start_qualifier: "exact",
      end: "2006",
      end_qualifier: "at-least",
      date_label: "2005 – at least 2006",
      first: "2005-01-01",
      last: "2006-12-31",
      ended: "true",
      summary: "Syria let the group's fighters through.",
      date_note: "",
      note: "",
      citation_count: "2",
      citations: "Neumann 2014, p. 20; Weiss & Hassan 2015, pp. 150-151",
      works: "Neumann, Peter (2014). The New Jihadism. ICSR, p. 20 | Weiss, Michael and Hassan, Hassan (February 2015). ISIS: Inside the Army of Terror, pp. 150-151",
    });
    expect(rows[1]).toMatchObject({ end: "", end_qualifier: "", last: "" });
    expect(rows[2]).toMatchObject({ summary: SPECIAL, note: CRLF_NOTE });
  });

  it("writes every node column", () => {
    const rows = rowsOf(readNodes, NODE_COLUMNS);
    expect(rows[1]).toEqual({
      id: "aqi",
      label: "ISI",
      name: "al-Qaeda in Iraq",
      kind: "militant-organisation",
      kind_label: "Militant organisation",
      names: "AQI (2004-10-01 – 2006-10-31); ISI (2006-10-01 – 2013-04-30)",
      ended: "false",
      description: "Jihadist group.",
    });
    expect(rows[0]?.names).toBe("");
  });

  it("guards fields a spreadsheet would run as formulas", () => {
    const nodeRows = rowsOf(readNodes, NODE_COLUMNS);
    const edgeRows = rowsOf(readEdges, EDGE_COLUMNS);
    expect(nodeRows[2]?.description).toBe("'=Preacher in Aleppo");
    expect(nodeRows[3]?.description).toBe("'-a state");
    expect(edgeRows[1]).toMatchObject({ summary: "'@raids", date_note: "'-ish" });
    expect(edgeRows[3]?.summary).toBe("'+demands");
    expect(csvField("-12")).toBe("-12");
    expect(csvField("-0.5")).toBe("-0.5");
    expect(csvField("-2+3")).toBe("'-2+3");
    expect(csvField("=1,2")).toBe("\"'=1,2\"");
    expect(csvField(null)).toBe("");
    expect(csvField(true)).toBe("true");
  });
});

describe("determinism", () => {
  it("writes the same bytes for the same network", () => {
    const copy = structuredClone(net);
    expect(toGraphML(copy)).toBe(toGraphML(net));
    expect(toGEXF(copy)).toBe(toGEXF(net));
    expect(nodesCsv(copy)).toBe(nodesCsv(net));
    expect(edgesCsv(copy)).toBe(edgesCsv(net));
  });
});

describe("the bytes written before the XML writers were written by hand", () => {
  // GEXF and GraphML once built each element with element() and openTag(); they now write openings
  // built once and one string per element, for speed. These are the files the earlier writers wrote
  // of this network: a change here changes what every reader of an export gets.
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
  it("are the same, special characters, open sides, dated names and all", () => {
    expect(sha256(toGEXF(net))).toBe("45080c8fc30f56de611d994e5dd52e44ce5b2e9c56db443ca7e7862b090443eb");
    expect(sha256(toGraphML(net))).toBe("d79c40225df364bb56a8001dfe881ca8176d11201b126068d5e8f9a2cc7e2b92");
    expect(sha256(toGEXF({ ...net, edges: [], spans: [] }))).toBe("1881afe1b622b2df005396d04c3a6368d3f0f7c22dd647cfec62f90db7daccce");
  });
});

describe("Cytoscape JSON, streamed", () => {
  const positions = new Map([["assad-government", { x: 1.234, y: -5 }]]);
  const streamed = (n: ExportNetwork) => [...cytoscapeJsonChunks(n, positions)].join("");

  it("is, piece by piece, the same bytes as the whole document stringified", () => {
    expect(streamed(net)).toBe(`${JSON.stringify(toCytoscapeJson(net, positions), null, 2)}\n`);
    // Text with line ends, quotes and backslashes is escaped inside strings, never re-indented.
    expect(JSON.parse(streamed(net)).elements.edges.map((e: { data: { id: string } }) => e.data.id)).toEqual(net.edges.map((e) => e.id));
  });

  it("writes empty lists as JSON.stringify does", () => {
    for (const n of [{ ...net, edges: [] }, { ...net, nodes: [], edges: [] }, { ...net, edges: new Set(net.edges) }]) {
      expect(streamed(n)).toBe(`${JSON.stringify(toCytoscapeJson(n, positions), null, 2)}\n`);
    }
  });
});
