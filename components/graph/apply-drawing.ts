/**
 * Makes Cytoscape hold what the drawing plan chose of a view (lib/graph/draw-budget.ts), in one
 * batch: what left is removed, what arrived is added at its stored position, what stayed only
 * changes class, label or measure. Used at each step and after the reader pans or zooms a view
 * larger than the budget, so either costs what changes, not the whole view.
 */
import type cytoscape from "cytoscape";
import type { Core } from "cytoscape";
import type { DrawPlan } from "@/lib/graph/draw-budget";
import type { GraphView } from "@/lib/graph/view";

export interface DrawingExtras {
  /** Actors drawn larger by a network measure (0..1). */
  sizes: ReadonlyMap<string, number> | null;
  /** Where each actor was first placed: kept for "reset" after dragging. */
  home: Map<string, { x: number; y: number }>;
}

export function applyDrawing(cy: Core, view: GraphView, plan: Pick<DrawPlan, "nodes" | "edges">, { sizes, home }: DrawingExtras) {
  cy.batch(() => {
    // One call for all that left, and one per list of classes for what stayed and changed class:
    // each call on an element costs Cytoscape events and a restyle pass of its own.
    const gone = cy.elements().filter((e) => !(e.isEdge() ? plan.edges.has(e.id()) : plan.nodes.has(e.id())));
    if (gone.nonempty()) cy.remove(gone);
    // Grouped by the classes to take off and put on: `classes(list)` on many elements at once would
    // give them all one shared set of classes in Cytoscape, so a later addClass on one reaches all.
    const reclassed = new Map<string, { off: string[]; on: string[]; eles: cytoscape.SingularElementArgument[] }>();
    const setClasses = (ele: cytoscape.SingularElementArgument, classes: string[]) => {
      const now = ele.classes();
      const off = now.filter((c) => !classes.includes(c));
      const on = classes.filter((c) => !ele.hasClass(c));
      if (!off.length && !on.length) return;
      const key = `${off.join(" ")}|${on.join(" ")}`;
      const group = reclassed.get(key);
      if (group) group.eles.push(ele);
      else reclassed.set(key, { off, on, eles: [ele] });
    };
    const addNodes: cytoscape.ElementDefinition[] = [];
    // In the view's order (by id), as when everything is drawn: the same drawing order either way.
    for (const [id, v] of view.nodes) {
      if (!plan.nodes.has(id)) continue;
      const measure = sizes?.get(id);
      const classes = measure !== undefined ? [...v.classes, "sized"] : v.classes;
      const n = cy.getElementById(id);
      if (n.empty()) {
        const position = v.position ?? home.get(id) ?? { x: 0, y: 0 };
        home.set(id, position);
        addNodes.push({ group: "nodes", data: { ...v.data, label: v.label, placed: "", ...(measure !== undefined ? { measure } : {}) }, position: { ...position }, classes });
        continue;
      }
      if (n.data("label") !== v.label) n.data("label", v.label);
      if (measure !== undefined && n.data("measure") !== measure) n.data("measure", measure);
      setClasses(n, classes);
    }
    if (addNodes.length) cy.add(addNodes);
    const addEdges: cytoscape.ElementDefinition[] = [];
    for (const [id, v] of view.edges) {
      if (!plan.edges.has(id)) continue;
      const e = cy.getElementById(id);
      if (e.empty()) addEdges.push({ group: "edges", data: { ...v.data }, classes: v.classes });
      else setClasses(e, v.classes);
    }
    if (addEdges.length) cy.add(addEdges);
    for (const { off, on, eles } of reclassed.values()) {
      const group = cy.collection(eles as unknown as cytoscape.CollectionArgument);
      if (off.length) group.removeClass(off);
      if (on.length) group.addClass(on);
    }
  });
}
