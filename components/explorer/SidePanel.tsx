"use client";

/**
 * The column beside the graph: the evidence of what is selected, or else the reading tools (the
 * date's overview, the story, the comparison, paths, brokers).
 */
import { memo, useMemo, type RefObject } from "react";
import type { NetworkGraphHandle } from "@/components/graph/NetworkGraph";
import { DetailPanel } from "@/components/panels/DetailPanel";
import { ComparePanel } from "@/components/reading/ComparePanel";
import { MeasuresPanel } from "@/components/reading/MeasuresPanel";
import { PathPanel } from "@/components/reading/PathPanel";
import { StoryPanel } from "@/components/reading/StoryPanel";
import { ToolTabs } from "@/components/reading/ToolTabs";
import { DateOverview } from "@/components/timeline/DateOverview";
import type { ApiGraph, ApiRelationship, ApiStoryStep } from "@/lib/api/types";
import type { ActorMeasure } from "@/lib/graph/analysis/measures";
import type { CooperativeChains } from "@/lib/graph/analysis/cooperative-chains";
import type { PathResult } from "@/lib/graph/analysis/paths";
import type { ApiWindow } from "@/lib/api/types";
import type { ActorNaming } from "@/lib/view/actor-naming";
import type { GraphView } from "@/lib/graph/view";
import type { StepChanges } from "@/lib/graph/step-changes";
import { sliderDates, type DateBounds, type Selection, type Tool, type ViewState } from "@/lib/view/state";
import styles from "./Explorer.module.css";
import type { Navigate } from "./use-url-view";

interface Props {
  /** What is chosen and the open tool, as the page has them now (the detail panel opens at once). */
  selection: Selection | null;
  tool: Tool | null;
  /** From the view as seen (a story step's): the focus, the path query, the sizing. */
  focus: string | null;
  path: ViewState["path"];
  size: ViewState["size"];
  bounds: DateBounds | null;
  date: string | null;
  heading: string;
  graph: RefObject<NetworkGraphHandle | null>;
  /** The view's graph as read (null while the first one loads). */
  currentGraph: ApiGraph | null;
  view: GraphView | null;
  steps: ApiStoryStep[];
  step: ApiStoryStep | null;
  baseDate: string | null;
  compared: boolean;
  relationships: ReadonlyMap<string, ApiRelationship> | null;
  pathActors: string[];
  pathResult: PathResult | null;
  /** How the chains were found ("only cooperative": what was left out). */
  chains: CooperativeChains | null;
  /** Names at the view's date, and a tie's ends while it held. */
  naming: ActorNaming;
  viewWindow: ApiWindow | null;
  measures: ActorMeasure[] | null;
  actorName(id: string): string;
  relationshipLabel(id: string): string;
  navigate: Navigate;
  free(s: ViewState): ViewState;
  onSelect(selection: Selection | null): void;
  onTool(tool: Tool | null): void;
  onChange(edit: (s: ViewState) => Partial<ViewState>): void;
  onDate(date: string): void;
  onExploreStep(): void;
  /** What changed since the previous step, and the step in words, for the overview. */
  changes?: StepChanges | null;
  changeLine?: string | null;
  hovered?: Selection | null;
  onHover?(hovered: Selection | null): void;
}

/**
 * Memoised: the explorer hands it the date and the view a beat after the slider and the graph
 * (useDeferredValue), with stable callbacks and only the parts of the view state it reads, so the
 * render in the key's event and the one that carries a new view to the graph leave these lists alone.
 */
export const SidePanel = memo(function SidePanel(p: Props) {
  const { selection, tool, focus, bounds, date, heading, graph, currentGraph, view, relationships, navigate, onSelect } = p;
  const presentIds = useMemo(() => new Set(currentGraph?.elements.edges.map((e) => e.data.id) ?? []), [currentGraph]);
  if (selection) {
    return (
      <DetailPanel
        key={`${selection.kind}:${selection.id}`}
        selection={selection}
        presentRelationshipIds={presentIds}
        dateLabel={heading}
        viewWindow={p.viewWindow}
        focusedActorId={focus}
        onSelect={(sel) => {
          onSelect(sel);
          if (sel.kind === "actor") graph.current?.center(sel.id);
        }}
        onFocus={(focus) => p.onChange(() => ({ focus }))}
        onChains={(id) => navigate((s) => ({ ...p.free(s), tool: "paths", step: null, path: { ...s.path, from: id, to: s.path.to === id ? null : s.path.to }, selection: null }))}
        onJumpTo={(d) => p.onDate(d)}
        onClose={() => onSelect(null)}
      />
    );
  }
  if (!view || !currentGraph || !bounds || !date) return null;
  return (
    <>
      <ToolTabs tool={tool} onTool={p.onTool} />
      <div id="reading-tool" role="tabpanel">
        {tool !== null && !relationships ? (
          <p className={styles.pending}>Reading the relationships and their sources…</p>
        ) : tool === "story" ? (
          p.step ? (
            <StoryPanel
              steps={p.steps}
              step={p.step}
              actorName={p.actorName}
              relationshipLabel={p.relationshipLabel}
              onStep={(id) => navigate((s) => ({ ...s, step: id, selection: null }))}
              onSelect={onSelect}
              onExplore={p.onExploreStep}
            />
          ) : (
            <p>This dataset has no guided story.</p>
          )
        ) : tool === "compare" ? (
          <ComparePanel
            base={p.baseDate ?? date}
            date={date}
            years={sliderDates(bounds, "year")}
            diff={p.compared ? view.diff : null}
            relationships={relationships ?? new Map()}
            actorName={p.actorName}
            nameIn={p.naming.actorName}
            onBase={(base) => navigate((s) => ({ ...s, base }))}
            onDate={(d) => p.onDate(d)}
            onSelect={onSelect}
          />
        ) : tool === "paths" ? (
          <PathPanel
            heading={heading}
            query={p.path}
            actors={p.pathActors.map((id) => ({ id, label: p.actorName(id) }))}
            result={p.pathResult}
            cooperative={p.chains && p.path.cooperative ? p.chains : null}
            relationships={relationships ?? new Map()}
            actorName={p.actorName}
            onQuery={(path) => navigate((s) => ({ ...s, path }))}
            onSelect={onSelect}
          />
        ) : tool === "brokers" ? (
          <MeasuresPanel
            heading={heading}
            rows={(p.measures ?? []).map((m) => ({ ...m, label: p.actorName(m.id) }))}
            sizeBy={p.size}
            onSizeBy={(size) => navigate((s) => ({ ...s, size }))}
            onSelect={onSelect}
          />
        ) : (
          <DateOverview
            heading={heading}
            graph={currentGraph}
            view={view}
            focusName={focus ? p.actorName(focus) : null}
            changes={p.changes ?? null}
            changeLine={p.changeLine ?? null}
            hovered={p.hovered ?? null}
            onHover={p.onHover}
            onSelect={onSelect}
            onClearFocus={() => p.onChange(() => ({ focus: null }))}
            endName={p.naming.tieEndName}
          />
        )}
      </div>
    </>
  );
});
