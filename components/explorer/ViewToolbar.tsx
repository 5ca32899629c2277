"use client";

/**
 * The bar above the graph: how the date is read, graph or table, filters, the focus, the graph's own
 * controls and the exports.
 */
import type { RefObject } from "react";
import { ExportMenu } from "@/components/graph/ExportMenu";
import { FilterPanel } from "@/components/graph/FilterPanel";
import { GraphToolbar } from "@/components/graph/GraphToolbar";
import type { NetworkGraphHandle } from "@/components/graph/NetworkGraph";
import type { SavedView } from "@/lib/export/saved-view";
import { TRIANGLE_ACTORS } from "@/lib/graph/view";
import { atPrecision } from "@/lib/model/dates";
import type { pictureNotes } from "@/lib/view/reading-words";
import { encodeViewState, exportQuery, sliderDates, windowStart, type DateBounds, type FilterName, type ViewState } from "@/lib/view/state";
import { DisplaySwitch } from "./DisplaySwitch";
import styles from "./Explorer.module.css";
import { ViewModeSwitch } from "./ViewModeSwitch";

interface Props {
  state: ViewState;
  /** The view as seen (the story's step applied). */
  eff: ViewState;
  bounds: DateBounds | null;
  counts: Record<FilterName, Map<string, number>>;
  focusName: string | null;
  triangleAvailable: boolean;
  reading: ReturnType<typeof pictureNotes>;
  graph: RefObject<NetworkGraphHandle | null>;
  /** A change of what is drawn: in the story, it leaves the story first. */
  onChange(edit: (s: ViewState) => Partial<ViewState>): void;
  onDisplay(display: ViewState["display"]): void;
  onClearFocus(): void;
  onOpenSaved(view: SavedView, fileName: string): void;
}

export function ViewToolbar({ state, eff, bounds, counts, focusName, triangleAvailable, reading, graph, onChange, onDisplay, onClearFocus, onOpenSaved }: Props) {
  return (
    <div className={styles.toolbar}>
      {bounds ? (
        <ViewModeSwitch
          mode={eff.mode}
          from={atPrecision(windowStart(eff, bounds), "year")}
          years={sliderDates(bounds, "year")}
          onMode={(mode) => onChange((s) => ({ mode, from: mode === "window" ? windowStart(s, bounds) : s.from, tool: s.tool === "compare" ? null : s.tool }))}
          onFrom={(from) => onChange(() => ({ from }))}
        />
      ) : null}
      <DisplaySwitch display={state.display} onDisplay={onDisplay} />
      <FilterPanel filters={eff.filters} counts={counts} onChange={(filters) => onChange(() => ({ filters }))} />
      {focusName !== null ? (
        <span className={styles.chip}>
          Focus: {focusName}
          <button type="button" aria-label="Clear focus" onClick={onClearFocus}>
            ×
          </button>
        </span>
      ) : null}
      <GraphToolbar
        triangle={eff.triangle}
        triangleAvailable={triangleAvailable}
        onTriangle={(triangle) => {
          onChange(() => ({ triangle }));
          if (triangle) graph.current?.fitTo(TRIANGLE_ACTORS);
          else graph.current?.fit();
        }}
        onZoom={(f) => graph.current?.zoomBy(f)}
        onFit={() => graph.current?.fit()}
        onReset={() => graph.current?.reset()}
      />
      <ExportMenu
        query={bounds ? exportQuery(eff, bounds) : null}
        viewLink={encodeViewState(state)}
        scene={() => graph.current?.scene() ?? null}
        reading={reading}
        onOpenSaved={onOpenSaved}
      />
    </div>
  );
}
