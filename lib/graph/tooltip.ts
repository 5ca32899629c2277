/**
 * The words a tooltip shows for an element of the graph: for a relationship, who acted on whom,
 * its type, dates and certainty; for an actor, its name at the view's date and its kind (and its
 * name in the data, when the date's name differs). Pure, so the graph only places the box.
 */
import type { GraphEdge, GraphNode } from "../api/types";
import { ACTOR_KINDS, CERTAINTY_LABELS, RELATIONSHIP_TYPES } from "../model/vocabulary";

export interface Tooltip {
  title: string;
  lines: string[];
}

export function edgeTooltip(edge: GraphEdge["data"], nameOf: (id: string) => string, possiblyAfter?: string | null): Tooltip {
  const lines = [`${RELATIONSHIP_TYPES[edge.type].label} · ${edge.dateLabel || "undated"}`, `${CERTAINTY_LABELS[edge.certainty]}`];
  if (possiblyAfter) lines.push(`Possibly still holding after ${possiblyAfter}`);
  return { title: `${nameOf(edge.source)} → ${nameOf(edge.target)}`, lines };
}

export function nodeTooltip(node: GraphNode["data"]): Tooltip {
  const lines: string[] = [ACTOR_KINDS[node.kind]];
  if (node.name !== node.label) lines.push(`Known in the data as ${node.name}`);
  return { title: node.label, lines };
}
