"use client";

/**
 * The view state, mirrored in the URL: every change writes it (a push, or a replacement for quick
 * successive changes and for play; quick changes once the reader pauses), and back and forward read it.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { encodeViewState, parseViewState, type UrlProblem, type ViewState } from "@/lib/view/state";

/** Quick successive changes (dragging the slider, holding an arrow key) make one history entry. */
const COALESCE_MS = 800;

export interface NavigateOptions {
  replace?: boolean;
  coalesce?: boolean;
}
export type Navigate = (next: ViewState | ((s: ViewState) => ViewState), opts?: NavigateOptions) => void;

/** How long the reader pauses before a run of quick changes is written to the address bar. */
const WRITE_AFTER_MS = 300;

interface PendingWrite {
  timer: number;
  mode: "push" | "replace";
  state: ViewState;
}

function cancelWrite(pending: { current: PendingWrite | null }) {
  const p = pending.current;
  if (!p) return;
  window.clearTimeout(p.timer);
  pending.current = null;
}

function flushWrite(pending: { current: PendingWrite | null }) {
  const p = pending.current;
  if (!p) return;
  cancelWrite(pending);
  writeUrl(p.state, p.mode);
}

/** The state's query in the address bar, as a new history entry or in place of the current one. */
function writeUrl(state: ViewState, mode: "push" | "replace") {
  const query = encodeViewState(state);
  if (query === window.location.search.replace(/^\?/, "")) return;
  const url = `${window.location.pathname}${query ? `?${query}` : ""}`;
  if (mode === "replace") window.history.replaceState(null, "", url);
  else window.history.pushState(null, "", url);
}

export function useUrlView(initial: ViewState, initialProblems: UrlProblem[], onBrowserMove: () => void) {
  const [state, setState] = useState(initial);
  const [problems, setProblems] = useState(initialProblems);
  const history = useRef<{ mode: "push" | "replace"; lastPush: number; coalescing: boolean }>({ mode: "push", lastPush: 0, coalescing: false });
  const stateRef = useRef(state);
  stateRef.current = state;
  const onMove = useRef(onBrowserMove);
  onMove.current = onBrowserMove;

  const navigate: Navigate = useCallback((next, opts = {}) => {
    const h = history.current;
    const now = Date.now();
    const joinRun = opts.coalesce && h.coalescing && now - h.lastPush < COALESCE_MS;
    h.mode = opts.replace || joinRun ? "replace" : "push";
    h.coalescing = !!opts.coalesce;
    if (h.mode === "push") h.lastPush = now;
    setState(next);
  }, []);

  // A write of the URL waiting for the reader to pause (see below).
  const pending = useRef<PendingWrite | null>(null);

  useEffect(() => {
    // Steps of the slider and drags are written once the reader pauses: writing the history entry
    // (Chromium's own work and Next's router's, about 7 ms at 10,000 relationships) would otherwise
    // take its share of every step's frame, and a held arrow key would write on every step. A run
    // that began with a push stays one push; any other change first makes the waiting write, then its own.
    if (!history.current.coalescing) {
      flushWrite(pending);
      return writeUrl(state, history.current.mode);
    }
    const mode = pending.current?.mode === "push" ? "push" : history.current.mode;
    cancelWrite(pending);
    pending.current = { timer: window.setTimeout(() => flushWrite(pending), WRITE_AFTER_MS), mode, state };
  }, [state]);

  // Leaving the page with a write still waiting: it is made, so a reload or the restored tab keeps the date.
  useEffect(() => {
    const flush = () => flushWrite(pending);
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      cancelWrite(pending);
    };
  }, []);

  useEffect(() => {
    const onPop = () => {
      // Back or forward wins over a write still waiting: the URL is the browser's now.
      cancelWrite(pending);
      const parsed = parseViewState(new URLSearchParams(window.location.search));
      onMove.current();
      setProblems(parsed.problems);
      setState(parsed.state);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  return { state, stateRef, navigate, problems, setProblems };
}
