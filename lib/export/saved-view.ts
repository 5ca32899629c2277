/**
 * Opening a Cytoscape JSON export back in the explorer: the file names the view it came from
 * (`data.explorer_query`) and lists its elements, so the explorer can show that view again and say
 * whether the store still draws exactly what the file holds.
 */
import { z } from "zod";
import { CYJS_GENERATOR } from "./cytoscape-json";

const savedViewSchema = z.object({
  generated_by: z.literal(CYJS_GENERATOR, { message: `expected a file exported by this explorer (generated_by "${CYJS_GENERATOR}")` }),
  data: z.object({
    explorer_query: z.string({ message: "expected data.explorer_query, the view the file was exported from" }),
    period: z.string(),
  }),
  elements: z.object({
    nodes: z.array(z.object({ data: z.object({ id: z.string() }) })),
    edges: z.array(z.object({ data: z.object({ id: z.string() }) })),
  }),
});

export interface SavedView {
  query: string;
  period: string;
  nodes: string[];
  edges: string[];
}

export function readSavedView(text: string): { view: SavedView } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: "the file is not JSON" };
  }
  const parsed = savedViewSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { error: `${issue.path.join(".") || "the file"}: ${issue.message}` };
  }
  const { data, elements } = parsed.data;
  return {
    view: {
      query: data.explorer_query,
      period: data.period,
      nodes: elements.nodes.map((n) => n.data.id).sort(),
      edges: elements.edges.map((e) => e.data.id).sort(),
    },
  };
}

export interface SavedViewComparison {
  same: boolean;
  /** In the file, not drawn now. */
  missing: string[];
  /** Drawn now, not in the file. */
  added: string[];
}

export function compareSavedView(saved: Pick<SavedView, "nodes" | "edges">, shown: { nodes: string[]; edges: string[] }): SavedViewComparison {
  const fileIds = new Set([...saved.nodes, ...saved.edges]);
  const shownIds = new Set([...shown.nodes, ...shown.edges]);
  const missing = [...fileIds].filter((id) => !shownIds.has(id)).sort();
  const added = [...shownIds].filter((id) => !fileIds.has(id)).sort();
  return { same: missing.length === 0 && added.length === 0, missing, added };
}
