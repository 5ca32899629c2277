"use client";

/** The graph (or, as a table, what it draws) with its legend. */
import { useEffect, useRef, type RefObject } from "react";
import { GraphLegend } from "@/components/graph/GraphLegend";
import { NetworkGraph, type NetworkGraphHandle } from "@/components/graph/NetworkGraph";
import { TableView } from "@/components/tables/TableView";
import type { ApiRelationship } from "@/lib/api/types";
import { MEASURES } from "@/lib/graph/analysis/measures";
import type { GraphView } from "@/lib/graph/view";
import type { relationshipMarks } from "@/lib/view/reading-words";
import type { Selection, ViewState } from "@/lib/view/state";
import styles from "./Explorer.module.css";
import { NARROW } from "./narrow";

interface Props {
  graph: RefObject<NetworkGraphHandle | null>;
  eff: ViewState;
  display: ViewState["display"];
  view: GraphView | null;
  sizes: ReadonlyMap<string, number> | null;
  /** The date whose graph is drawn. */
  drawnDate: string;
  busy: boolean;
  heading: string;
  description: string;
  /** Every relationship with its citations, once read (the table needs them). */
  relationships: ReadonlyMap<string, ApiRelationship> | null;
  marks: ReturnType<typeof relationshipMarks>;
  /** The previous step's date when the step's changes are marked ("Since 2010" in the legend). */
  changesSince?: string | null;
  hovered?: Selection | null;
  onHover?(hovered: Selection | null): void;
  /** A relationship's end named while it held. */
  endName(span: ApiRelationship["span"], id: string): string;
  onSelect(selection: Selection | null): void;
}

export function GraphArea({ graph, eff, display, view, sizes, drawnDate, busy, heading, description, relationships, marks, changesSince = null, hovered = null, onHover, endName, onSelect }: Props) {
  const legend = useRef<HTMLDetailsElement>(null);
  // On a phone the legend starts folded (it would push the graph's controls off the screen).
  useEffect(() => {
    if (window.matchMedia(NARROW).matches && legend.current) legend.current.open = false;
  }, []);
  const table = display === "table";
  return (
    <div className={styles.canvas}>
      <div className={styles.stage}>
        <div className={table ? styles.hiddenGraph : styles.graphBox}>
          <NetworkGraph ref={graph} view={view} sizes={sizes} dateKey={drawnDate} busy={busy} description={description} focus={eff.focus} onSelect={onSelect} hovered={hovered} onHover={onHover} />
        </div>
        {table && view && relationships ? (
          <TableView
            heading={heading}
            actors={view.shownNodes.map((id) => ({
              id,
              label: view.nodes.get(id)?.label ?? id,
              kind: view.nodes.get(id)?.data.kind ?? "network",
              relationships: view.shownEdges.filter((e) => {
                const r = relationships.get(e);
                return r && (r.from.id === id || r.to.id === id);
              }).length,
            }))}
            relationships={view.shownEdges.map((id) => relationships.get(id)).filter((r): r is ApiRelationship => !!r)}
            ended={new Set(view.endedEdges)}
            marks={marks}
            endName={endName}
            onSelect={onSelect}
          />
        ) : null}
        {!view || (table && !relationships) ? <p className={styles.loading}>Loading the network…</p> : null}
      </div>
      <details className={styles.legend} open ref={legend}>
        <summary>Legend</summary>
        <GraphLegend
          showEnded={eff.mode !== "at"}
          showChanges={eff.tool === "compare" || !!changesSince}
          showPossibly={eff.possibly}
          changesTitle={changesSince && eff.tool !== "compare" ? `Since ${changesSince}` : undefined}
          sizedBy={eff.size ? MEASURES[eff.size].label : null} />
      </details>
    </div>
  );
}
