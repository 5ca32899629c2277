"use client";

/**
 * The explorer page: holds the view state (mirrored in the URL), reads the routes, and hands each
 * part of the screen what it shows. Rules about what is drawn live in lib/graph-view.ts; the
 * Cytoscape instance lives in NetworkGraph.
 */
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ActorSearch } from "@/components/ActorSearch";
import { DateOverview } from "@/components/DateOverview";
import { ExportMenu } from "@/components/ExportMenu";
import { FilterPanel } from "@/components/FilterPanel";
import { GraphLegend } from "@/components/GraphLegend";
import { GraphToolbar } from "@/components/GraphToolbar";
import { NetworkGraph, type NetworkGraphHandle } from "@/components/NetworkGraph";
import { DetailPanel } from "@/components/panels/DetailPanel";
import { PLAY_SPEEDS, TimeSlider, type PlaySpeed } from "@/components/TimeSlider";
import { TimelineTrack } from "@/components/TimelineTrack";
import { ViewModeSwitch } from "@/components/ViewModeSwitch";
import { api } from "@/lib/api-client";
import type { ApiActor, ApiEvent, ApiGraph, ApiTimeline } from "@/lib/api-types";
import { atPrecision } from "@/lib/dates";
import { compareSavedView, type SavedView } from "@/lib/export/saved-view";
import { computeGraphView, TRIANGLE_ACTORS } from "@/lib/graph-view";
import {
  currentDate,
  encodeViewState,
  endedBefore,
  exportQuery,
  formatDate,
  graphQuery,
  parseViewState,
  sliderDates,
  stepDate,
  windowStart,
  type DateBounds,
  type FilterName,
  type Selection,
  type UrlProblem,
  type ViewState,
} from "@/lib/view-state";
import styles from "./Explorer.module.css";

interface Props {
  initial: ViewState;
  problems: UrlProblem[];
}

interface Loaded {
  timeline: ApiTimeline;
  all: ApiGraph;
  actors: ApiActor[];
  events: ApiEvent[];
}

/** Quick successive changes (dragging the slider, holding an arrow key) make one history entry. */
const COALESCE_MS = 800;
/** Where the layout turns into one column (Explorer.module.css says the same). */
const NARROW = "(max-width: 900px)";

export function Explorer({ initial, problems: initialProblems }: Props) {
  const [state, setState] = useState(initial);
  const [problems, setProblems] = useState(initialProblems);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [current, setCurrent] = useState<{ key: string; date: string; graph: ApiGraph } | null>(null);
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

  // ---- Data: the dataset's span and whole network once, then the graph for each view. ----
  useEffect(() => {
    let live = true;
    setError(null);
    Promise.all([api.timeline(), api.graph(new URLSearchParams()), api.actors(), api.events()])
      .then(([timeline, all, actors, events]) => live && setLoaded({ timeline, all, actors, events }))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [attempt]);

  const bounds: DateBounds | null = loaded ? { first: loaded.timeline.first, last: loaded.timeline.last } : null;
  const date = bounds ? currentDate(state, bounds) : null;
  const queryKey = bounds ? graphQuery(state, bounds).toString() : null;

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

  const view = useMemo(() => {
    if (!loaded || !current || !bounds) return null;
    return computeGraphView({
      all: loaded.all.elements,
      current: current.graph,
      state,
      endedBefore: endedBefore({ ...state, date: current.date }, bounds),
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, current, state.mode, state.filters, state.focus, state.triangle, state.selection]);

  useEffect(() => {
    if (!saved || !view || !current || current.key !== queryKey || !bounds) return;
    if (exportQuery(state, bounds).toString() !== saved.query) return;
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
      const s = stateRef.current;
      const now = currentDate(s, bounds);
      const next = stepDate(now, 1, bounds);
      if (next === now) setPlaying(false);
      else navigate({ ...s, date: next }, { replace: true });
    }, PLAY_SPEEDS[speed].ms);
    return () => window.clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playing, speed, loaded, navigate]);

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
  const setDate = useCallback((d: string, opts?: { coalesce?: boolean }) => navigate((s) => ({ ...s, date: d }), opts), [navigate]);
  const findActor = useCallback(
    (id: string) => {
      navigate((s) => ({ ...s, selection: { kind: "actor", id } }));
      graph.current?.center(id);
    },
    [navigate],
  );

  const actorName = useCallback(
    (id: string) => {
      const a = loaded?.actors.find((x) => x.id === id);
      return view?.nodes.get(id)?.label ?? a?.short ?? a?.name ?? id;
    },
    [loaded, view],
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

  const heading = !date ? "" : state.mode === "at" ? formatDate(date) : state.mode === "upto" ? `Up to ${formatDate(date)}` : `${formatDate(windowStart(state, bounds!))} to ${formatDate(date)}`;
  const prefix = state.mode === "at" ? "At" : state.mode === "upto" ? "Up to" : `From ${bounds ? formatDate(windowStart(state, bounds)) : ""} to`;
  const presentIds = new Set(current?.graph.elements.edges.map((e) => e.data.id) ?? []);
  const triangleAvailable = !!loaded && TRIANGLE_ACTORS.every((id) => loaded.all.elements.nodes.some((n) => n.data.id === id));
  const description = view && date ? `Network ${heading}: ${view.shownNodes.length} actors and ${view.shownEdges.length} relationships. The same is listed in words beside the graph.` : "The network is loading.";

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <div className={styles.title}>
          <h1>Assad, the Baathists and the jihadists</h1>
          <p>Who backed, infiltrated or fought whom, 1979–2015: every tie dated and sourced.</p>
        </div>
        {loaded ? <ActorSearch actors={loaded.actors} onFound={findActor} /> : null}
        <nav className={styles.nav} aria-label="Pages">
          <Link href="/data">All data as tables</Link>
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
            mode={state.mode}
            from={atPrecision(windowStart(state, bounds), "year")}
            years={sliderDates(bounds, "year")}
            onMode={(mode) => navigate((s) => ({ ...s, mode, from: mode === "window" ? windowStart(s, bounds) : s.from }))}
            onFrom={(from) => navigate((s) => ({ ...s, from }))}
          />
        ) : null}
        <FilterPanel filters={state.filters} counts={counts} onChange={(filters) => navigate((s) => ({ ...s, filters }))} />
        {state.focus ? (
          <span className={styles.chip}>
            Focus: {actorName(state.focus)}
            <button type="button" aria-label="Clear focus" onClick={() => navigate((s) => ({ ...s, focus: null }))}>
              ×
            </button>
          </span>
        ) : null}
        <GraphToolbar
          triangle={state.triangle}
          triangleAvailable={triangleAvailable}
          onTriangle={(triangle) => {
            navigate((s) => ({ ...s, triangle }));
            if (triangle) graph.current?.fitTo(TRIANGLE_ACTORS);
            else graph.current?.fit();
          }}
          onZoom={(f) => graph.current?.zoomBy(f)}
          onFit={() => graph.current?.fit()}
          onReset={() => graph.current?.reset()}
        />
        <ExportMenu
          query={bounds ? exportQuery(state, bounds) : null}
          viewLink={encodeViewState(state)}
          scene={() => graph.current?.scene() ?? null}
          onOpenSaved={openSaved}
        />
      </div>

      <div className={styles.main}>
        <div className={styles.canvas}>
          <div className={styles.stage}>
          <NetworkGraph
            ref={graph}
            all={loaded?.all.elements ?? null}
            view={view}
            dateKey={current?.date ?? ""}
            busy={current?.key !== queryKey}
            description={description}
            onSelect={select}
          />
          {!view ? <p className={styles.loading}>Loading the network…</p> : null}
          </div>
          <details className={styles.legend} open ref={legend}>
            <summary>Legend</summary>
            <GraphLegend showEnded={state.mode !== "at"} />
          </details>
        </div>

        <aside className={styles.side} aria-label="Details" ref={side}>
          {state.selection ? (
            <DetailPanel
              key={`${state.selection.kind}:${state.selection.id}`}
              selection={state.selection}
              presentRelationshipIds={presentIds}
              dateLabel={heading}
              focusedActorId={state.focus}
              onSelect={(sel) => {
                select(sel);
                if (sel.kind === "actor") graph.current?.center(sel.id);
              }}
              onFocus={(focus) => navigate((s) => ({ ...s, focus }))}
              onJumpTo={(d) => setDate(d)}
              onClose={() => select(null)}
            />
          ) : view && current ? (
            <DateOverview
              heading={heading}
              graph={current.graph}
              view={view}
              focusName={state.focus ? actorName(state.focus) : null}
              onSelect={select}
              onClearFocus={() => navigate((s) => ({ ...s, focus: null }))}
            />
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
              timeline={loaded.timeline}
              events={loaded.events}
              year={atPrecision(date, "year")}
              onYear={(year) => navigate((s) => ({ ...s, date: year, selection: null }))}
              onEvent={(ev, d) => navigate((s) => ({ ...s, date: d, selection: { kind: "event", id: ev.id } }))}
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
