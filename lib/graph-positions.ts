/**
 * The explorer's layout computed without a page: the same Cytoscape stylesheet (node sizes matter to
 * cola's overlap avoidance), the same start positions and cola options as NetworkGraph, on a
 * headless instance. The Cytoscape JSON export and the benchmark use it; a browser test checks that
 * it places every actor where the page does.
 */
import cytoscape from "cytoscape";
import cola from "cytoscape-cola";
import type { GraphEdge, GraphNode } from "./api-types";
import { COLA_OPTIONS, edgeLength, startPositions } from "./graph-layout";
import { graphStylesheet } from "./graph-style";

let colaRegistered = false;

/** Registers cytoscape-cola once per process (Cytoscape warns when an extension is added twice). */
export function registerCola(): void {
  if (colaRegistered) return;
  cytoscape.use(cola);
  colaRegistered = true;
}

export function layoutPositions(all: { nodes: GraphNode[]; edges: GraphEdge[] }): Map<string, { x: number; y: number }> {
  registerCola();
  const start = startPositions(all.nodes);
  const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStylesheet({ fadeMs: 0 }) });
  try {
    cy.add(all.nodes.map((n) => ({ group: "nodes" as const, data: { ...n.data }, position: { ...start.get(n.data.id)! } })));
    cy.add(all.edges.map((e) => ({ group: "edges" as const, data: { ...e.data } })));
    cy.layout({ ...COLA_OPTIONS, edgeLength } as cytoscape.LayoutOptions).run();
    return new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
  } finally {
    cy.destroy();
  }
}
