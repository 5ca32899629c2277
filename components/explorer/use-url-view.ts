"use client";

/**
 * The view state, mirrored in the URL: every change writes it (a push, or a replacement for quick
 * successive changes and for play), and back and forward read it.
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
      onMove.current();
      setProblems(parsed.problems);
      setState(parsed.state);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  return { state, stateRef, navigate, problems, setProblems };
}
