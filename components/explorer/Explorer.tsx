"use client";

/**
 * The explorer page: wires the screen's areas to the view state. Each concern lives in its own hook
 * (the URL, the dataset's lists, the view's graphs, the story, what is drawn, play, saved views);
 * each area of the screen is its own component fed from them. Rules about what is drawn live in
 * lib/graph/view.ts; the Cytoscape instance lives in components/graph/NetworkGraph.tsx.
 */
import { useCallback, useEffect, useMemo, useRef } from "react";
import type { NetworkGraphHandle } from "@/components/graph/NetworkGraph";
import { TRIANGLE_ACTORS } from "@/lib/graph/view";
import { RELATIONSHIP_TYPES } from "@/lib/model/vocabulary";
import { pictureNotes, relationshipMarks, type ReadingState } from "@/lib/view/reading-words";
import { effectiveView, formatDate, leaveTool, windowStart, type Selection, type Tool, type UrlProblem, type ViewState } from "@/lib/view/state";
import { ExplorerHeader } from "./ExplorerHeader";
import styles from "./Explorer.module.css";
import { GraphArea } from "./GraphArea";
import { NARROW } from "./narrow";
import { Notices } from "./Notices";
import { SidePanel } from "./SidePanel";
import { TimeBar } from "./TimeBar";
import { useDataset, useRelationships } from "./use-dataset";
import { filterCounts, useDrawnView } from "./use-drawn-view";
import { usePlayback } from "./use-playback";
import { useSavedView } from "./use-saved-view";
import { useStory } from "./use-story";
import { useUrlView } from "./use-url-view";
import { useViewGraphs } from "./use-view-graphs";
import { ViewToolbar } from "./ViewToolbar";

interface Props {
  initial: ViewState;
  problems: UrlProblem[];
}

export function Explorer({ initial, problems: initialProblems }: Props) {
  const stopPlayingRef = useRef<() => void>(() => undefined);
  const { state, stateRef, navigate, problems, setProblems } = useUrlView(initial, initialProblems, () => stopPlayingRef.current());
  const data = useDataset(stateRef);
  const { bounds, actors, story } = data;
  const { steps, step, stepOf, eff, free, pending } = useStory(state, story, setProblems);
  const graphs = useViewGraphs(eff, bounds, !pending, data.attempt, data.setError);
  const { date, queryKey, current, baseDate, compareWith } = graphs;
  const { relationships, relationshipsById } = useRelationships(state.tool !== null || state.display === "table", data.attempt, data.setError);
  const { view, analysisGraph, pathResult, measures, sizes, emphasis } = useDrawnView(eff, bounds, graphs, step);
  const play = usePlayback(bounds, stateRef, free, navigate);
  stopPlayingRef.current = () => play.setPlaying(false);
  const saved = useSavedView({
    eff,
    bounds,
    view,
    drawnIsCurrent: !!current && current.key === queryKey,
    navigate,
    setProblems,
    stopPlaying: () => play.setPlaying(false),
  });
  const graph = useRef<NetworkGraphHandle>(null);
  const side = useRef<HTMLElement>(null);

  // A new story step or path brings its actors into view.
  const focusKey = emphasis && view ? `${emphasis.nodes.join(",")}@${current?.key}` : null;
  useEffect(() => {
    if (focusKey && emphasis) graph.current?.fitTo(emphasis.nodes);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey]);

  // Escape closes the detail panel, wherever the focus is.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && stateRef.current.selection) navigate((s) => ({ ...s, selection: null }));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [navigate, stateRef]);

  // ---- Actions ----
  const select = useCallback(
    (selection: Selection | null) => {
      navigate((s) => ({ ...s, selection }));
      // On a phone the details are under the graph: bring them up, or the tap seems to do nothing.
      if (selection && window.matchMedia(NARROW).matches) side.current?.scrollIntoView({ behavior: "smooth", block: "start" });
    },
    [navigate],
  );
  const setDate = useCallback((d: string, opts?: { coalesce?: boolean }) => navigate((s) => ({ ...free(s), date: d }), opts), [navigate, free]);
  /** A change of what is drawn (mode, filters, focus, triangle): in the story, it leaves the story first. */
  const change = useCallback((edit: (s: ViewState) => Partial<ViewState>) => navigate((s) => ({ ...free(s), ...edit(free(s)) })), [navigate, free]);
  const openTool = useCallback(
    (tool: Tool | null) => navigate((s) => ({ ...(tool === "story" ? s : free(s)), tool, step: tool === "story" ? s.step : null, selection: null })),
    [navigate, free],
  );
  const findActor = useCallback(
    (id: string) => {
      navigate((s) => ({ ...s, selection: { kind: "actor", id } }));
      graph.current?.center(id);
    },
    [navigate],
  );
  const actorName = useCallback(
    (id: string) => {
      const a = actors?.find((x) => x.id === id);
      return view?.nodes.get(id)?.label ?? a?.short ?? a?.name ?? id;
    },
    [actors, view],
  );

  const counts = useMemo(() => filterCounts(current?.graph), [current]);

  if (data.error) {
    return (
      <main className={styles.page}>
        <div className={styles.error} role="alert">
          <p>The explorer could not read the data: {data.error}</p>
          <button type="button" onClick={data.retry}>
            Try again
          </button>
        </div>
      </main>
    );
  }

  const heading = !date ? "" : eff.mode === "at" ? formatDate(date) : eff.mode === "upto" ? `Up to ${formatDate(date)}` : `${formatDate(windowStart(eff, bounds!))} to ${formatDate(date)}`;
  const prefix = eff.mode === "at" ? "At" : eff.mode === "upto" ? "Up to" : `From ${bounds ? formatDate(windowStart(eff, bounds)) : ""} to`;
  const relationshipLabel = (id: string) => {
    const r = relationshipsById.get(id);
    return r ? `${actorName(r.from.id)} → ${actorName(r.to.id)}: ${RELATIONSHIP_TYPES[r.type].label}` : id;
  };
  // What the open tool adds to a picture's header and to the table.
  const readingState: ReadingState = {
    tool: eff.tool,
    step,
    stepCount: steps.length,
    diff: view?.diff ?? null,
    base: baseDate,
    path: eff.path,
    pathResult,
    size: eff.size,
    actorName,
    worksOf: (id) => relationshipsById.get(id)?.citations.map((c) => c.source.citedAs) ?? [],
  };
  const triangleAvailable = !!actors && TRIANGLE_ACTORS.every((id) => actors.some((a) => a.id === id));
  const description = view && date ? `Network ${heading}: ${view.shownNodes.length} actors and ${view.shownEdges.length} relationships. The same is listed in words beside the graph.` : "The network is loading.";
  const readRelationships = relationships ? relationshipsById : null;

  return (
    <main className={styles.page}>
      <ExplorerHeader
        actors={actors}
        storyOffered={state.tool !== "story" && steps.length > 0}
        onFound={findActor}
        onStartStory={() => {
          openTool("story");
          // On a phone the story is under the graph and the slider: bring it up.
          if (window.matchMedia(NARROW).matches) side.current?.scrollIntoView({ behavior: "smooth", block: "start" });
        }}
        onSelect={select}
      />
      <Notices savedReport={saved.report} problems={problems} onDismissSaved={saved.dismiss} onDismissProblems={() => setProblems([])} />
      <ViewToolbar
        state={state}
        eff={eff}
        bounds={bounds}
        counts={counts}
        focusName={eff.focus ? actorName(eff.focus) : null}
        triangleAvailable={triangleAvailable}
        reading={pictureNotes(readingState)}
        graph={graph}
        onChange={change}
        onDisplay={(display) => navigate((s) => ({ ...s, display }))}
        onClearFocus={() => navigate((s) => ({ ...s, focus: null }))}
        onOpenSaved={saved.open}
      />
      <div className={styles.main}>
        <GraphArea
          graph={graph}
          eff={eff}
          display={state.display}
          view={view}
          sizes={sizes}
          drawnDate={current?.date ?? ""}
          busy={current?.key !== queryKey || (baseDate !== null && !compareWith)}
          heading={heading}
          description={description}
          relationships={bounds ? readRelationships : null}
          marks={relationshipMarks(readingState)}
          onSelect={select}
        />
        <aside className={styles.side} aria-label="Details" ref={side}>
          <SidePanel
            state={state}
            eff={eff}
            bounds={bounds}
            date={date}
            heading={heading}
            graph={graph}
            currentGraph={current?.graph ?? null}
            view={view}
            steps={steps}
            step={step}
            baseDate={baseDate}
            compared={!!compareWith}
            relationships={readRelationships}
            pathActors={analysisGraph?.nodes ?? []}
            pathResult={pathResult}
            measures={measures}
            actorName={actorName}
            relationshipLabel={relationshipLabel}
            navigate={navigate}
            free={free}
            onSelect={select}
            onTool={openTool}
            onChange={change}
            onDate={(d) => setDate(d)}
            onExploreStep={() => navigate((s) => leaveTool(effectiveView(s, stepOf(s))))}
          />
        </aside>
      </div>
      <TimeBar
        timeline={data.timeline}
        bounds={bounds}
        date={date}
        prefix={prefix}
        events={data.events}
        playing={play.playing}
        speed={play.speed}
        onDate={setDate}
        onPlaying={play.setPlaying}
        onSpeed={play.setSpeed}
        onYear={(year) => navigate((s) => ({ ...free(s), date: year, selection: null }))}
        onEvent={(ev, d) => navigate((s) => ({ ...free(s), date: d, selection: { kind: "event", id: ev.id } }))}
      />
    </main>
  );
}
