"use client";

/**
 * What is drawn: the date, filters and focus decide (lib/graph/view.ts); the story step or a found
 * path then brings some of it forward; the analyses run on what is drawn.
 */
import { useMemo, useRef } from "react";
import type { ApiGraph, ApiStoryStep, GraphEdge } from "@/lib/api/types";
import { actorMeasures, measureScale } from "@/lib/graph/analysis/measures";
import { cooperativeChains, type CooperativeChains } from "@/lib/graph/analysis/cooperative-chains";
import { shortestPaths } from "@/lib/graph/analysis/paths";
import { computeGraphView } from "@/lib/graph/view";
import { endedBefore, type DateBounds, type ViewState } from "@/lib/view/state";
import type { ViewGraphs } from "./use-view-graphs";

/**
 * `complete`: every graph the view is drawn from is here (its own, the previous step's for the
 * marks, the comparison's). Until then what is drawn stays as it is: each view is drawn once, not
 * once more as each of its graphs arrives (a whole restyle of thousands of elements each time).
 */
export function useDrawnView(eff: ViewState, bounds: DateBounds | null, graphs: ViewGraphs, step: ApiStoryStep | null, stepBefore: ApiGraph | null, complete: boolean) {
  const { current, compareWith } = graphs;
  const held = useRef<Parameters<typeof computeGraphView>[0] | null>(null);
  const viewInput = useMemo(() => {
    if (!complete) return held.current;
    if (!current || !bounds) return null;
    held.current = { current: current.graph, state: eff, endedBefore: endedBefore({ ...eff, date: current.date }, bounds), compareWith, stepBefore };
    return held.current;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [complete, bounds, current, eff.mode, eff.filters, eff.focus, eff.triangle, eff.selection, compareWith, stepBefore]);
  const drawn = useMemo(() => (viewInput ? computeGraphView(viewInput) : null), [viewInput]);

  /**
   * The drawn relationships' data, for the analyses (at the slider's date only when comparing): only
   * while a tool or the sizing reads it, since at 100,000 relationships it is thousands of elements
   * filtered again at every step.
   */
  const analysed = eff.tool === "paths" || eff.tool === "brokers" || !!eff.size;
  const analysisGraph = useMemo(() => {
    if (!analysed || !drawn || !current) return null;
    const shown = new Set(drawn.shownEdges);
    const edges: GraphEdge["data"][] = current.graph.elements.edges.filter((e) => shown.has(e.data.id)).map((e) => e.data);
    const here = new Set(current.graph.elements.nodes.map((n) => n.data.id));
    return { nodes: drawn.shownNodes.filter((id) => here.has(id)), edges };
  }, [analysed, drawn, current]);

  // "Only cooperative" says what it left out and, where cooperation alone links nothing, goes through belonging ties.
  const chains = useMemo((): CooperativeChains | null => {
    const { from, to, cooperative, directed } = eff.path;
    if (eff.tool !== "paths" || !analysisGraph || !from || !to) return null;
    if (cooperative) return cooperativeChains(analysisGraph, from, to, directed);
    return { result: shortestPaths(analysisGraph, from, to, { cooperativeOnly: false, directed }), throughBelonging: false, belongingLeftOut: 0 };
  }, [eff.tool, eff.path, analysisGraph]);
  const pathResult = chains?.result ?? null;

  const measures = useMemo(
    () => ((eff.tool === "brokers" || eff.size) && analysisGraph ? actorMeasures(analysisGraph) : null),
    [eff.tool, eff.size, analysisGraph],
  );
  const sizes = useMemo(() => (eff.size && measures ? measureScale(measures, eff.size) : null), [eff.size, measures]);

  const emphasis = useMemo(
    () =>
      step
        ? { nodes: step.actors, edges: step.relationships }
        : pathResult && pathResult.hops !== null
          ? { nodes: pathResult.nodes, edges: pathResult.edges }
          : null,
    [step, pathResult],
  );
  const view = useMemo(() => (viewInput && emphasis ? computeGraphView({ ...viewInput, emphasis }) : drawn), [viewInput, emphasis, drawn]);
  return { view, analysisGraph, chains, pathResult, measures, sizes, emphasis };
}

/** How many relationships (and actors) of each filter value the view's window holds. */
export function filterCounts(graph: ApiGraph | undefined) {
  const counts = { types: new Map<string, number>(), polarities: new Map<string, number>(), certainties: new Map<string, number>(), kinds: new Map<string, number>() };
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const e of graph?.elements.edges ?? []) {
    bump(counts.types, e.data.type);
    bump(counts.polarities, e.data.polarity);
    bump(counts.certainties, e.data.certainty);
  }
  for (const n of graph?.elements.nodes ?? []) bump(counts.kinds, n.data.kind);
  return counts;
}
