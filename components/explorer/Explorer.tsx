"use client";

/**
 * The explorer page: wires the screen's areas to the view state. Each concern lives in its own hook
 * (the URL, the dataset's lists, the view's graphs, the story, what is drawn, play, saved views);
 * each area of the screen is its own component fed from them. Rules about what is drawn live in
 * lib/graph/view.ts; the Cytoscape instance lives in components/graph/NetworkGraph.tsx.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import type { NetworkGraphHandle } from "@/components/graph/NetworkGraph";
import type { ApiTimeline } from "@/lib/api/types";
import { changeCount, stepChanges, stepLine } from "@/lib/graph/step-changes";
import { triangleActors } from "@/lib/graph/triangle";
import { TRIANGLE_ACTORS } from "@/lib/graph/view";
import { RELATIONSHIP_TYPES } from "@/lib/model/vocabulary";
import { actorNaming } from "@/lib/view/actor-naming";
import { pictureNotes, relationshipMarks, type ReadingState } from "@/lib/view/reading-words";
import { effectiveView, formatDate, leaveTool, stepDate, windowStart, type Selection, type Tool, type UrlProblem, type ViewState } from "@/lib/view/state";
import { ExplorerHeader } from "./ExplorerHeader";
import styles from "./Explorer.module.css";
import { GraphArea } from "./GraphArea";
import { NARROW, PHONE } from "./narrow";
import { Notices } from "./Notices";
import { SidePanel } from "./SidePanel";
import { TimeBar } from "./TimeBar";
import { useDataset, useRelationships } from "./use-dataset";
import { useDateKeys, useFocusReturn } from "./use-keyboard";
import { filterCounts, useDrawnView } from "./use-drawn-view";
import { usePlayback } from "./use-playback";
import { useSavedView } from "./use-saved-view";
import { useStepBefore } from "./use-step-before";
import { useStory } from "./use-story";
import { useUrlView } from "./use-url-view";
import { useViewGraphs } from "./use-view-graphs";
import { ViewToolbar } from "./ViewToolbar";

const NO_ACTORS: string[] = [];

interface Props {
  initial: ViewState;
  problems: UrlProblem[];
  /** The dataset's timeline as the server page read it (null when it could not: then it is fetched). */
  timeline: ApiTimeline | null;
}

export function Explorer({ initial, problems: initialProblems, timeline }: Props) {
  const stopPlayingRef = useRef<() => void>(() => undefined);
  const { state, stateRef, navigate, problems, setProblems } = useUrlView(initial, initialProblems, () => stopPlayingRef.current());
  // Once the first view is drawn, the lists it did not need are read (use-dataset.ts).
  const [drawnOnce, setDrawnOnce] = useState(false);
  const data = useDataset(stateRef, timeline, drawnOnce);
  const { bounds, actors, story } = data;
  const { steps, step, stepOf, eff, free, pending } = useStory(state, story, setProblems);
  const graphs = useViewGraphs(eff, bounds, !pending, data.attempt, data.setError);
  const { date, queryKey, current, baseDate, compareWith } = graphs;
  const { relationships, relationshipsById } = useRelationships(state.tool !== null || state.display === "table", data.attempt, data.setError);
  // The previous step's graph, for the step's marks (what appeared, what ended).
  const stepBefore = useStepBefore(eff, date, bounds, (e) => data.setError(e.message));
  const complete = !!current && current.key === queryKey && (stepBefore.date === null || !!stepBefore.graph) && (baseDate === null || !!compareWith);
  const { view, analysisGraph, chains, pathResult, measures, sizes, emphasis } = useDrawnView(eff, bounds, graphs, step, stepBefore.graph, complete);
  useEffect(() => {
    if (view) setDrawnOnce(true);
  }, [view]);
  // What the pointer or keyboard is on, in the graph or the panel's list: both show it.
  const [hovered, setHovered] = useState<Selection | null>(null);
  const play = usePlayback(bounds, stateRef, free, navigate);
  stopPlayingRef.current = () => play.setPlaying(false);
  const saved = useSavedView({
    eff,
    bounds,
    view,
    // Every graph of the view is here, so the view is computed from them: with the view's own graph
    // here but the previous step's still on its way, the view drawn is the one before.
    drawnIsCurrent: complete,
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
  useDateKeys((delta) => {
    if (bounds && date) setDate(stepDate(date, delta, bounds), { coalesce: true });
  });
  useFocusReturn(state.selection !== null, '[data-testid="detail-panel"]');
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
  // The column beside the graph follows a new date and view after the slider and the graph have them:
  // the key's event and the drawing's frame come first, and the lists (sorting and naming thousands
  // of ties at 100,000) are rendered after, in slices. The side panel is memoised, so those renders
  // leave it alone until then.
  const sideView = useDeferredValue(view);
  const sideCurrent = useDeferredValue(current);
  // Every name shown for the view is the name at its date (a tie's ends: while the tie held).
  const viewWindow = sideCurrent?.graph.window ?? null;
  const naming = useMemo(
    () => actorNaming(actors, viewWindow && { first: viewWindow.first, last: viewWindow.last }, (id) => sideView?.nodes.get(id)?.label ?? id),
    [actors, viewWindow, sideView],
  );
  const actorName = useCallback((id: string) => naming.actorName(id), [naming]);
  const relationshipLabel = useCallback(
    (id: string) => {
      const r = relationshipsById.get(id);
      return r ? `${naming.tieEndName(r.span, r.from.id)} → ${naming.tieEndName(r.span, r.to.id)}: ${RELATIONSHIP_TYPES[r.type].label}` : id;
    },
    [naming, relationshipsById],
  );
  const onExploreStep = useCallback(() => navigate((s) => leaveTool(effectiveView(s, stepOf(s)))), [navigate, stepOf]);
  const changes = useMemo(() => (view?.stepDiff && stepBefore.date ? stepChanges(view.stepDiff, stepBefore.date) : null), [view, stepBefore.date]);
  const sideChanges = useDeferredValue(changes);
  const sideDate = useDeferredValue(date);
  const heading = !date ? "" : eff.mode === "at" ? formatDate(date) : eff.mode === "upto" ? `Up to ${formatDate(date)}` : `${formatDate(windowStart(eff, bounds!))} to ${formatDate(date)}`;
  const changeLine = useMemo(
    () => (sideChanges && sideCurrent ? stepLine(formatDate(sideCurrent.date), sideCurrent.graph.events, sideChanges) : null),
    [sideChanges, sideCurrent],
  );

  const counts = useMemo(() => filterCounts(current?.graph), [current]);

  const sideHeading = useDeferredValue(heading);
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

  const prefix = eff.mode === "at" ? "At" : eff.mode === "upto" ? "Up to" : `From ${bounds ? formatDate(windowStart(eff, bounds)) : ""} to`;
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
    <main className={`${styles.page} ${eff.tool === "story" ? styles.storyMode : ""}`}>
      <a
        href="#date-slider"
        className={styles.skip}
        onClick={(e) => {
          e.preventDefault();
          document.getElementById("date-slider")?.focus();
        }}
      >
        Skip to the date slider
      </a>
      <ExplorerHeader
        actors={actors}
        storyOffered={state.tool !== "story" && steps.length > 0}
        onFound={findActor}
        onStartStory={() => {
          openTool("story");
          // On a phone the graph is pinned and the story scrolls over it from the top; on a tablet the
          // story is under the graph and the slider: bring it up.
          if (window.matchMedia(PHONE).matches) window.scrollTo({ top: 0 });
          else if (window.matchMedia(NARROW).matches) side.current?.scrollIntoView({ behavior: "smooth", block: "start" });
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
        triangleActors={() => (view ? [...triangleActors(current?.graph.elements.edges.map((e) => e.data) ?? [])].filter((id) => view.nodes.has(id)) : [...TRIANGLE_ACTORS])}
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
          busy={!complete}
          changesSince={changes ? formatDate(changes.since) : null}
          hovered={hovered}
          onHover={setHovered}
          heading={heading}
          description={description}
          relationships={bounds ? readRelationships : null}
          marks={relationshipMarks(readingState)}
          endName={naming.tieEndName}
          onSelect={select}
        />
        <aside className={styles.side} aria-label="Details" ref={side}>
          <SidePanel
            selection={state.selection}
            tool={state.tool}
            focus={eff.focus}
            path={eff.path}
            size={eff.size}
            bounds={bounds}
            date={sideDate}
            heading={sideHeading}
            graph={graph}
            currentGraph={sideCurrent?.graph ?? null}
            view={sideView}
            steps={steps}
            step={step}
            baseDate={baseDate}
            compared={!!compareWith}
            relationships={readRelationships}
            pathActors={analysisGraph?.nodes ?? NO_ACTORS}
            pathResult={pathResult}
            chains={chains}
            naming={naming}
            viewWindow={viewWindow}
            measures={measures}
            actorName={actorName}
            relationshipLabel={relationshipLabel}
            navigate={navigate}
            free={free}
            onSelect={select}
            onTool={openTool}
            onChange={change}
            onDate={setDate}
            onExploreStep={onExploreStep}
            changes={sideChanges}
            changeLine={changeLine}
            hovered={hovered}
            onHover={setHovered}
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
        changes={changes ? changeCount(changes, formatDate(changes.since)) : null}
        possibly={eff.possibly}
        onPossibly={(possibly) => change(() => ({ possibly }))}
        onYear={(year) => navigate((s) => ({ ...free(s), date: year, selection: null }))}
        onEvent={(ev, d) => navigate((s) => ({ ...free(s), date: d, selection: { kind: "event", id: ev.id } }))}
      />
    </main>
  );
}
