/**
 * Reading the exports back with readers nobody here wrote: networkx for GraphML and GEXF, Python's
 * csv module for CSV. Tests call these through a python3 subprocess; a missing python3 or networkx
 * fails the test with what to install (CI installs it), it never skips.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * Debian's own python3 where there is one: that is the interpreter python3-networkx installs into
 * (CI installs it), whereas a python3 earlier on PATH (pyenv and the like) may not see it.
 */
const PYTHON = process.env.PYTHON ?? (existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3");

const INSTALL_HINT = "install python3 and python3-networkx (Debian: apt-get install python3-networkx; elsewhere pip install networkx)";

/** Runs a Python script with `input` on its stdin and returns its stdout parsed as JSON. */
export function runPython(script: string, input = ""): unknown {
  const r = spawnSync(PYTHON, ["-c", script], { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const code = (r.error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") throw new Error(`python3 was not found: ${INSTALL_HINT}`);
  // EPIPE: the script died before reading its input; its stderr says why.
  if (/No module named '?networkx/.test(r.stderr ?? "")) throw new Error(`networkx is missing: ${INSTALL_HINT}\n${r.stderr}`);
  if (r.error && code !== "EPIPE") throw new Error(`python3 failed to start: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`python3 exited with ${r.status ?? r.signal}:\n${r.stderr}`);
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(`python3 did not print JSON:\n${r.stdout}\n${r.stderr}`);
  }
}

/** A graph as networkx read it: node and edge attributes as networkx returns them. */
export interface PyGraph {
  /** "DiGraph", or "MultiDiGraph" when two edges join the same pair in the same direction. */
  class: string;
  directed: boolean;
  graph: Record<string, unknown>;
  nodes: ({ id: string } & Record<string, unknown>)[];
  /** `id` is the file's edge id (networkx keeps it as the key of a multigraph, as the attribute `id` otherwise). */
  edges: ({ source: string; target: string; id: string } & Record<string, unknown>)[];
}

const DUMP_GRAPH = `
def dump(G):
    edges = []
    if G.is_multigraph():
        for u, v, k, d in G.edges(keys=True, data=True):
            edges.append({**d, "source": u, "target": v, "id": d.get("id", k)})
    else:
        for u, v, d in G.edges(data=True):
            edges.append({**d, "source": u, "target": v})
    out = {
        "class": type(G).__name__,
        "directed": G.is_directed(),
        "graph": G.graph,
        "nodes": [{**d, "id": n} for n, d in G.nodes(data=True)],
        "edges": edges,
    }
    print(json.dumps(out, default=repr))
`;

/** Parses GraphML with `networkx.read_graphml`. */
export function readGraphML(xml: string): PyGraph {
  return runPython(
    `import io, json, sys\nimport networkx as nx\n${DUMP_GRAPH}\ndump(nx.read_graphml(io.BytesIO(sys.stdin.buffer.read())))`,
    xml,
  ) as PyGraph;
}

/**
 * Parses GEXF with `networkx.read_gexf` (version 1.2draft). networkx gives a node or edge its
 * `start`/`end` attributes as strings when the file has them and leaves them out otherwise; a
 * dynamic attribute is a list of [value, start, end] with the string "None" for an open side.
 */
export function readGEXF(xml: string): PyGraph {
  return runPython(
    `import io, json, sys\nimport networkx as nx\n${DUMP_GRAPH}\ndump(nx.read_gexf(io.BytesIO(sys.stdin.buffer.read()), version="1.2draft"))`,
    xml,
  ) as PyGraph;
}

/** A CSV as Python's csv module reads it (strict mode): whether it began with a BOM, and its rows. */
export function readCsv(text: string): { bom: boolean; rows: string[][] } {
  return runPython(
    `import csv, io, json, sys
text = sys.stdin.buffer.read().decode("utf-8")
bom = text.startswith("\\ufeff")
if bom:
    text = text[1:]
rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
print(json.dumps({"bom": bom, "rows": rows}))`,
    text,
  ) as { bom: boolean; rows: string[][] };
}
