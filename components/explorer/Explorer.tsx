"use client";

/**
 * The explorer page: holds the view state (mirrored in the URL), reads the routes, and hands each
 * part of the screen what it shows. Rules about what is drawn live in lib/graph/view.ts; the
 * Cytoscape instance lives in NetworkGraph.
 */
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ActorSearch } from "@/components/explorer/ActorSearch";
import { ComparePanel } from "@/components/reading/ComparePanel";
import { DisplaySwitch } from "@/components/explorer/DisplaySwitch";
import { MeasuresPanel } from "@/components/reading/MeasuresPanel";
import { PathPanel } from "@/components/reading/PathPanel";
import { StoryPanel } from "@/components/reading/StoryPanel";
import { TableView } from "@/components/tables/TableView";
import { ToolTabs } from "@/components/reading/ToolTabs";
import { DateOverview } from "@/components/timeline/DateOverview";
import { ExportMenu } from "@/components/graph/ExportMenu";
import { FilterPanel } from "@/components/graph/FilterPanel";
import { GraphLegend } from "@/components/graph/GraphLegend";
import { GraphToolbar } from "@/components/graph/GraphToolbar";
import { NetworkGraph, type NetworkGraphHandle } from "@/components/graph/NetworkGraph";
import { DetailPanel } from "@/components/panels/DetailPanel";
import { EditingTopBar } from "@/components/editing/EditingTopBar";
import { useDatasetChange } from "@/components/editing/session";
import { PLAY_SPEEDS, TimeSlider, type PlaySpeed } from "@/components/timeline/TimeSlider";
import { TimelineTrack } from "@/components/timeline/TimelineTrack";
import { ViewModeSwitch } from "@/components/explorer/ViewModeSwitch";
import { api } from "@/lib/api/client";
import type { ApiActor, ApiEvent, ApiGraph, ApiRelationship, ApiStoryStep, ApiTimeline, GraphEdge } from "@/lib/api/types";
import { atPrecision } from "@/lib/model/dates";
import { compareSavedView, type SavedView } from "@/lib/export/saved-view";
import { actorMeasures, MEASURES, measureScale } from "@/lib/graph/analysis/measures";
import { pictureNotes, relationshipMarks, type ReadingState } from "@/lib/view/reading-words";
import { shortestPaths } from "@/lib/graph/analysis/paths";
import { computeGraphView, TRIANGLE_ACTORS } from "@/lib/graph/view";
import { RELATIONSHIP_TYPES } from "@/lib/model/vocabulary";
import {
  compareBase,
  currentDate,
  effectiveView,
  encodeViewState,
  endedBefore,
  exportQuery,
  formatDate,
  graphQuery,
  leaveTool,
  parseViewState,
  sliderDates,
  stepDate,
  windowStart,
  type DateBounds,
  type FilterName,
  type Selection,
  type Tool,
  type UrlProblem,
  type ViewState,
} from "@/lib/view/state";
import styles from "./Explorer.module.css";

interface Props {
  initial: ViewState;
  problems: UrlProblem[];
}

/** Bounds wide enough for any date: the first graph is asked for before the timeline says the real ones. */
const ANY_DATES: DateBounds = { first: "0001-01-01", last: "9999-12-31" };

/** Quick successive changes (dragging the slider, holding an arrow key) make one history entry. */
const COALESCE_MS = 800;
/** Where the layout turns into one column (Explorer.module.css says the same). */
const NARROW = "(max-width: 900px)";

export function Explorer({ initial, problems: initialProblems }: Props) {
  const [state, setState] = useState(initial);
  const [problems, setProblems] = useState(initialProblems);
  // The timeline bounds the slider and the first graph; the rest loads beside the drawing, not before it.
  const [timeline, setTimeline] = useState<ApiTimeline | null>(null);
  const [actors, setActors] = useState<ApiActor[] | null>(null);
  const [events, setEvents] = useState<ApiEvent[] | null>(null);
  const [story, setStory] = useState<ApiStoryStep[] | null>(null);
  const [current, setCurrent] = useState<{ key: string; date: string; graph: ApiGraph } | null>(null);
  // The earlier date's graph while comparing.
  const [baseGraph, setBaseGraph] = useState<{ date: string; graph: ApiGraph } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<PlaySpeed>("normal");
  const [attempt, setAttempt] = useState(0);
  // A saved view being opened: once its view is drawn, the page says whether the store still agrees.
  const [saved, setSaved] = useState<{ view: SavedView; fileName: string; query: string } | null>(null);
  const [savedReport, setSavedReport] = useState<{ text: string; same: boolean } | null>(null);
  const graph = useRef<NetworkGraphHandle>(null);
  const side = useRef<HTMLElement>(null);
  const legend = useRef<HTMLDetailsElement>(null);

  // On a phone the legend starts folded (it would push the graph's controls off the screen).
  useEffect(() => {
    if (window.matchMedia(NARROW).matches && legend.current) legend.current.open = false;
  }, []);

  // ---- The URL: every change writes it; back and forward read it. ----
  const history = useRef<{ mode: "push" | "replace"; lastPush: number; coalescing: boolean }>({ mode: "push", lastPush: 0, coalescing: false });
  const stateRef = useRef(state);
  stateRef.current = state;

  const navigate = useCallback((next: ViewState | ((s: ViewState) => ViewState), opts: { replace?: boolean; coalesce?: boolean } = {}) => {
    const h = history.current;
    const now = Date.now();
    const joinRun = opts.coalesce && h.coalescing && now - h.lastPush < COALESCE_MS;
    h.mode = opts.replace || joinRun ? "replace" : "push";
    h.coalescing = !!opts.coalesce;
    if (h.mode === "push") h.lastPush = now;
    setState(next);
  }, []);

  useEffect(() => {
    const query = encodeViewState(state);
    if (query === window.location.search.replace(/^\?/, "")) return;
    const url = `${window.location.pathname}${query ? `?${query}` : ""}`;
    if (history.current.mode === "replace") window.history.replaceState(null, "", url);
    else window.history.pushState(null, "", url);
  }, [state]);

  useEffect(() => {
    const onPop = () => {
      const parsed = parseViewState(new URLSearchParams(window.location.search));
      setPlaying(false);
      setProblems(parsed.problems);
      setState(parsed.state);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  // ---- Data: the dataset's span, then the graph for each view (with its positions). ----
  useEffect(() => {
    let live = true;
    setError(null);
    const fail = (e: Error) => live && setError(e.message);
    // The first view's graph is asked for at once, beside the timeline: when the link's date lies
    // within the data (as it nearly always does), the view's own request finds it cached.
    const first = stateRef.current;
    if (first.tool !== "story") api.graph(graphQuery(first, ANY_DATES)).catch(() => undefined);
    api.timeline().then((t) => live && setTimeline(t), fail);
    // Names for the search box, the track's events and the story: each when it comes.
    api.actors().then((a) => live && setActors(a), fail);
    api.events().then((e) => live && setEvents(e), fail);
    api.story().then((s) => live && setStory(s), fail);
    return () => {
      live = false;
    };
  }, [attempt]);
  const loaded = timeline !== null;

  const bounds: DateBounds | null = useMemo(() => (timeline ? { first: timeline.first, last: timeline.last } : null), [timeline]);

  // ---- The story: a step sets the date, window and highlights; `view` below is what is seen. ----
  const steps = useMemo(() => story ?? [], [story]);
  // A link into the story draws the step's view, so it waits for the story; nothing else does.
  const storyPending = state.tool === "story" && story === null;
  const stepOf = useCallback(
    (s: ViewState): ApiStoryStep | null => (s.tool === "story" ? (steps.find((x) => x.id === s.step) ?? steps[0] ?? null) : null),
    [steps],
  );
  const step = stepOf(state);
  const eff = useMemo(() => effectiveView(state, step), [state, step]);
  // Changing the date, mode, filters or focus in the story leaves it, from the view the step showed.
  const free = useCallback((s: ViewState): ViewState => (s.tool === "story" ? leaveTool(effectiveView(s, stepOf(s))) : s), [stepOf]);

  // A link to a step that is not in the story opens its first step, and says so.
  useEffect(() => {
    const id = state.step;
    if (story === null || state.tool !== "story" || !id || steps.some((x) => x.id === id)) return;
    setProblems((p) => (p.some((x) => x.param === "step") ? p : [...p, { param: "step", value: id, expected: "the id of a story step; showing the first step" }]));
  }, [story, steps, state.tool, state.step]);

  const date = bounds && !storyPending ? currentDate(eff, bounds) : null;
  const queryKey = bounds && !storyPending ? graphQuery(eff, bounds).toString() : null;
  const baseDate = bounds && eff.tool === "compare" ? compareBase(eff, bounds) : null;

  useEffect(() => {
    if (!bounds || queryKey === null || date === null) return;
    let live = true;
    api
      .graph(new URLSearchParams(queryKey))
      .then((g) => live && setCurrent({ key: queryKey, date, graph: g }))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
    // bounds is derived from loaded; the query key says everything else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryKey, attempt]);

  // Once a view is drawn, the slider's neighbouring dates are asked for while the reader looks: a
  // step then finds its graph at hand and costs only the drawing.
  const drawnKey = current?.key;
  useEffect(() => {
    if (!bounds || !date || drawnKey !== queryKey) return;
    const timer = window.setTimeout(() => {
      for (const d of new Set([stepDate(date, 1, bounds), stepDate(date, -1, bounds)])) {
        if (d !== date) api.graph(graphQuery({ ...eff, date: d }, bounds)).catch(() => undefined);
      }
    }, 50);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [drawnKey, queryKey]);

  useEffect(() => {
    if (!baseDate) return;
    let live = true;
    api
      .graph(new URLSearchParams({ at: baseDate }))
      .then((g) => live && setBaseGraph({ date: baseDate, graph: g }))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [baseDate, attempt]);
  const compareWith = baseDate && baseGraph?.date === baseDate ? baseGraph.graph : null;

  // Every relationship with its citations, for the tables and the tools' lists: read only once one is
  // open, so the plain explorer does not load it.
  const [relationships, setRelationships] = useState<ApiRelationship[] | null>(null);
  const needsRelationships = state.tool !== null || state.display === "table";
  useEffect(() => {
    if (!needsRelationships || relationships) return;
    let live = true;
    api
      .relationships()
      .then((list) => live && setRelationships(list))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [needsRelationships, relationships, attempt]);
  // An editor's write: every answer is read again (the client's cache was emptied), so the graph,
  // the names and the lists show the change at once.
  useDatasetChange(
    useCallback(() => {
      setRelationships(null);
      setAttempt((n) => n + 1);
    }, []),
  );
  const relationshipsById = useMemo(() => new Map((relationships ?? []).map((r) => [r.id, r])), [relationships]);

  // What the date, filters and focus draw; the story and paths then bring some of it forward.
  const viewInput = useMemo(() => {
    if (!current || !bounds) return null;
    return { current: current.graph, state: eff, endedBefore: endedBefore({ ...eff, date: current.date }, bounds), compareWith };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bounds, current, eff.mode, eff.filters, eff.focus, eff.triangle, eff.selection, compareWith]);
  const drawn = useMemo(() => (viewInput ? computeGraphView(viewInput) : null), [viewInput]);

  /** The drawn relationships' data, for the analyses (at the slider's date only when comparing). */
  const analysisGraph = useMemo(() => {
    if (!drawn || !current) return null;
    const shown = new Set(drawn.shownEdges);
    const edges: GraphEdge["data"][] = current.graph.elements.edges.filter((e) => shown.has(e.data.id)).map((e) => e.data);
    const here = new Set(current.graph.elements.nodes.map((n) => n.data.id));
    return { nodes: drawn.shownNodes.filter((id) => here.has(id)), edges };
  }, [drawn, current]);

  const pathResult = useMemo(() => {
    const { from, to, cooperative, directed } = eff.path;
    if (eff.tool !== "paths" || !analysisGraph || !from || !to) return null;
    return shortestPaths(analysisGraph, from, to, { cooperativeOnly: cooperative, directed });
  }, [eff.tool, eff.path, analysisGraph]);

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

  // A new story step or path brings its actors into view.
  const focusKey = emphasis && view ? `${emphasis.nodes.join(",")}@${current?.key}` : null;
  useEffect(() => {
    if (focusKey && emphasis) graph.current?.fitTo(emphasis.nodes);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey]);

  useEffect(() => {
    if (!saved || !view || !current || current.key !== queryKey || !bounds) return;
    if (exportQuery(eff, bounds).toString() !== saved.query) return;
    const diff = compareSavedView(saved.view, { nodes: view.shownNodes, edges: view.shownEdges });
    const counts = `${saved.view.nodes.length} actors and ${saved.view.edges.length} relationships`;
    setSavedReport({
      same: diff.same,
      text: diff.same
        ? `Opened ${saved.fileName} (${saved.view.period}): the store draws the same ${counts} as the file.`
        : `Opened ${saved.fileName} (${saved.view.period}): the store no longer draws what the file holds. ` +
          [diff.missing.length ? `In the file only: ${diff.missing.join(", ")}.` : "", diff.added.length ? `Drawn now, not in the file: ${diff.added.join(", ")}.` : ""]
            .filter(Boolean)
            .join(" "),
    });
    setSaved(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved, view, current, queryKey]);

  // ---- Play: one step per tick, as replacements in the history, stopping at the end. ----
  useEffect(() => {
    if (!playing || !bounds) return;
    const timer = window.setInterval(() => {
      const s = free(stateRef.current);
      const now = currentDate(s, bounds);
      const next = stepDate(now, 1, bounds);
      if (next === now) setPlaying(false);
      else navigate({ ...s, date: next }, { replace: true });
    }, PLAY_SPEEDS[speed].ms);
    return () => window.clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playing, speed, loaded, navigate, free]);

  // Escape closes the detail panel, wherever the focus is.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && stateRef.current.selection) navigate((s) => ({ ...s, selection: null }));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [navigate]);

  // ---- Actions ----
  const openSaved = useCallback(
    (savedView: SavedView, fileName: string) => {
      const parsed = parseViewState(new URLSearchParams(savedView.query));
      setPlaying(false);
      setProblems(parsed.problems);
      setSavedReport(null);
      navigate(parsed.state);
      // The export query the view will have once drawn: what the comparison waits for.
      const b = bounds;
      setSaved({ view: savedView, fileName, query: b ? exportQuery(parsed.state, b).toString() : "" });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [navigate, loaded],
  );

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

  if (error) {
    return (
      <main className={styles.page}>
        <div className={styles.error} role="alert">
          <p>The explorer could not read the data: {error}</p>
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
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
  const reading = pictureNotes(readingState);
  const tableMarks = relationshipMarks(readingState);
  const presentIds = new Set(current?.graph.elements.edges.map((e) => e.data.id) ?? []);
  const triangleAvailable = !!actors && TRIANGLE_ACTORS.every((id) => actors.some((a) => a.id === id));
  const description = view && date ? `Network ${heading}: ${view.shownNodes.length} actors and ${view.shownEdges.length} relationships. The same is listed in words beside the graph.` : "The network is loading.";

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <div className={styles.title}>
          <h1>Assad, the Baathists and the jihadists</h1>
          <p>Who backed, infiltrated or fought whom, 1979–2015: every tie dated and sourced.</p>
        </div>
        {actors ? <ActorSearch actors={actors} onFound={findActor} /> : null}
        <nav className={styles.nav} aria-label="Pages">
          {state.tool !== "story" && steps.length ? (
            <button
              type="button"
              className={styles.storyLink}
              data-testid="start-story"
              onClick={() => {
                openTool("story");
                // On a phone the story is under the graph and the slider: bring it up.
                if (window.matchMedia(NARROW).matches) side.current?.scrollIntoView({ behavior: "smooth", block: "start" });
              }}
            >
              Follow the article&apos;s story
            </button>
          ) : null}
          <Link href="/data">All data as tables</Link>
          <EditingTopBar onSelect={select} />
        </nav>
      </header>

      {savedReport ? (
        <div className={styles.problems} role="status" data-testid="saved-view-report" data-same={savedReport.same}>
          <p>{savedReport.text}</p>
          <button type="button" onClick={() => setSavedReport(null)} aria-label="Dismiss">
            ×
          </button>
        </div>
      ) : null}

      {problems.length ? (
        <div className={styles.problems} role="status">
          <p>
            Part of this link could not be read, so defaults are shown instead:{" "}
            {problems.map((p) => `${p.param}=${p.value} (expected ${p.expected})`).join("; ")}.
          </p>
          <button type="button" onClick={() => setProblems([])} aria-label="Dismiss">
            ×
          </button>
        </div>
      ) : null}

      <div className={styles.toolbar}>
        {bounds ? (
          <ViewModeSwitch
            mode={eff.mode}
            from={atPrecision(windowStart(eff, bounds), "year")}
            years={sliderDates(bounds, "year")}
            onMode={(mode) => change((s) => ({ mode, from: mode === "window" ? windowStart(s, bounds) : s.from, tool: s.tool === "compare" ? null : s.tool }))}
            onFrom={(from) => change(() => ({ from }))}
          />
        ) : null}
        <DisplaySwitch display={state.display} onDisplay={(display) => navigate((s) => ({ ...s, display }))} />
        <FilterPanel filters={eff.filters} counts={counts} onChange={(filters) => change(() => ({ filters }))} />
        {eff.focus ? (
          <span className={styles.chip}>
            Focus: {actorName(eff.focus)}
            <button type="button" aria-label="Clear focus" onClick={() => navigate((s) => ({ ...s, focus: null }))}>
              ×
            </button>
          </span>
        ) : null}
        <GraphToolbar
          triangle={eff.triangle}
          triangleAvailable={triangleAvailable}
          onTriangle={(triangle) => {
            change(() => ({ triangle }));
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
          onOpenSaved={openSaved}
        />
      </div>

      <div className={styles.main}>
        <div className={styles.canvas}>
          <div className={styles.stage}>
          <div className={state.display === "table" ? styles.hiddenGraph : styles.graphBox}>
            <NetworkGraph
              ref={graph}
              view={view}
              sizes={sizes}
              dateKey={current?.date ?? ""}
              busy={current?.key !== queryKey || (baseDate !== null && !compareWith)}
              description={description}
              onSelect={select}
            />
          </div>
          {state.display === "table" && view && loaded && relationships ? (
            <TableView
              heading={heading}
              actors={view.shownNodes.map((id) => ({
                id,
                label: view.nodes.get(id)?.label ?? id,
                kind: view.nodes.get(id)?.data.kind ?? "network",
                relationships: view.shownEdges.filter((e) => {
                  const r = relationshipsById.get(e);
                  return r && (r.from.id === id || r.to.id === id);
                }).length,
              }))}
              relationships={view.shownEdges.map((id) => relationshipsById.get(id)).filter((r): r is ApiRelationship => !!r)}
              ended={new Set(view.endedEdges)}
              marks={tableMarks}
              onSelect={select}
            />
          ) : null}
          {!view || (state.display === "table" && !relationships) ? <p className={styles.loading}>Loading the network…</p> : null}
          </div>
          <details className={styles.legend} open ref={legend}>
            <summary>Legend</summary>
            <GraphLegend showEnded={eff.mode !== "at"} showChanges={eff.tool === "compare"} sizedBy={eff.size ? MEASURES[eff.size].label : null} />
          </details>
        </div>

        <aside className={styles.side} aria-label="Details" ref={side}>
          {state.selection ? (
            <DetailPanel
              key={`${state.selection.kind}:${state.selection.id}`}
              selection={state.selection}
              presentRelationshipIds={presentIds}
              dateLabel={heading}
              focusedActorId={eff.focus}
              onSelect={(sel) => {
                select(sel);
                if (sel.kind === "actor") graph.current?.center(sel.id);
              }}
              onFocus={(focus) => change(() => ({ focus }))}
              onChains={(id) => navigate((s) => ({ ...free(s), tool: "paths", step: null, path: { ...s.path, from: id, to: s.path.to === id ? null : s.path.to }, selection: null }))}
              onJumpTo={(d) => setDate(d)}
              onClose={() => select(null)}
            />
          ) : view && current && bounds && date ? (
            <>
              <ToolTabs tool={state.tool} onTool={openTool} />
              <div id="reading-tool" role="tabpanel">
                {state.tool !== null && !relationships ? (
                  <p className={styles.pending}>Reading the relationships and their sources…</p>
                ) : state.tool === "story" ? (
                  step ? (
                    <StoryPanel
                      steps={steps}
                      step={step}
                      actorName={actorName}
                      relationshipLabel={relationshipLabel}
                      onStep={(id) => navigate((s) => ({ ...s, step: id, selection: null }))}
                      onSelect={select}
                      onExplore={() => navigate((s) => leaveTool(effectiveView(s, stepOf(s))))}
                    />
                  ) : (
                    <p>This dataset has no guided story.</p>
                  )
                ) : state.tool === "compare" ? (
                  <ComparePanel
                    base={baseDate ?? date}
                    date={date}
                    years={sliderDates(bounds, "year")}
                    diff={compareWith ? view.diff : null}
                    relationships={relationshipsById}
                    actorName={actorName}
                    onBase={(base) => navigate((s) => ({ ...s, base }))}
                    onDate={(d) => setDate(d)}
                    onSelect={select}
                  />
                ) : state.tool === "paths" ? (
                  <PathPanel
                    heading={heading}
                    query={eff.path}
                    actors={(analysisGraph?.nodes ?? []).map((id) => ({ id, label: actorName(id) }))}
                    result={pathResult}
                    relationships={relationshipsById}
                    actorName={actorName}
                    onQuery={(path) => navigate((s) => ({ ...s, path }))}
                    onSelect={select}
                  />
                ) : state.tool === "brokers" ? (
                  <MeasuresPanel
                    heading={heading}
                    rows={(measures ?? []).map((m) => ({ ...m, label: actorName(m.id) }))}
                    sizeBy={eff.size}
                    onSizeBy={(size) => navigate((s) => ({ ...s, size }))}
                    onSelect={select}
                  />
                ) : (
                  <DateOverview
                    heading={heading}
                    graph={current.graph}
                    view={view}
                    focusName={eff.focus ? actorName(eff.focus) : null}
                    onSelect={select}
                    onClearFocus={() => change(() => ({ focus: null }))}
                  />
                )}
              </div>
            </>
          ) : null}
        </aside>
      </div>

      <footer className={styles.time}>
        {bounds && date && loaded ? (
          <TimeSlider
            date={date}
            prefix={prefix}
            bounds={bounds}
            playing={playing}
            speed={speed}
            onDate={setDate}
            onPlaying={setPlaying}
            onSpeed={setSpeed}
          >
            <TimelineTrack
              timeline={timeline}
              events={events ?? []}
              year={atPrecision(date, "year")}
              onYear={(year) => navigate((s) => ({ ...free(s), date: year, selection: null }))}
              onEvent={(ev, d) => navigate((s) => ({ ...free(s), date: d, selection: { kind: "event", id: ev.id } }))}
            />
          </TimeSlider>
        ) : null}
      </footer>
    </main>
  );
}

/** How many relationships (and actors) of each filter value the view's window holds. */
function filterCounts(graph: ApiGraph | undefined): Record<FilterName, Map<string, number>> {
  const counts: Record<FilterName, Map<string, number>> = { types: new Map(), polarities: new Map(), certainties: new Map(), kinds: new Map() };
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const e of graph?.elements.edges ?? []) {
    bump(counts.types, e.data.type);
    bump(counts.polarities, e.data.polarity);
    bump(counts.certainties, e.data.certainty);
  }
  for (const n of graph?.elements.nodes ?? []) bump(counts.kinds, n.data.kind);
  return counts;
}
