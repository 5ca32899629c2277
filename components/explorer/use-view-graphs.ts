"use client";

/**
 * The graphs a view needs from /api/graph: the view's own (with the slider's neighbouring dates,
 * and the one after next in the direction the reader steps, asked for while the reader looks, so a
 * step finds its graph at hand) and, when comparing, the earlier date's.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { api, arrivedGraph } from "@/lib/api/client";
import type { ApiGraph } from "@/lib/api/types";
import { compareBase, currentDate, graphQuery, stepDate, type DateBounds, type ViewState } from "@/lib/view/state";

export interface ViewGraphs {
  /** The date the view shows, once the timeline (and, in the story, the story) is known. */
  date: string | null;
  /** The query of the view's graph; `current.key` equals it once that graph is here. */
  queryKey: string | null;
  current: { key: string; date: string; graph: ApiGraph } | null;
  /** The comparison's earlier date, and its graph once here. */
  baseDate: string | null;
  compareWith: ApiGraph | null;
}

export function useViewGraphs(eff: ViewState, bounds: DateBounds | null, ready: boolean, attempt: number, setError: (message: string) => void): ViewGraphs {
  const [current, setCurrent] = useState<ViewGraphs["current"]>(null);
  const [baseGraph, setBaseGraph] = useState<{ date: string; graph: ApiGraph } | null>(null);

  const date = bounds && ready ? currentDate(eff, bounds) : null;
  const queryKey = bounds && ready ? graphQuery(eff, bounds).toString() : null;
  const baseDate = bounds && eff.tool === "compare" ? compareBase(eff, bounds) : null;
  // A graph already here is used in the render that asks for it, not one promise turn later (a
  // whole render of the page at 100,000 relationships); the read below then keeps the same object,
  // so what is drawn from it is not computed twice.
  const here = queryKey !== null && current?.key !== queryKey ? arrivedGraph(new URLSearchParams(queryKey)) : undefined;
  const atHand = useMemo(() => (here && queryKey !== null && date !== null ? { key: queryKey, date, graph: here } : null), [here, queryKey, date]);
  const shown = atHand ?? current;
  const latest = useRef(shown);
  latest.current = shown;

  useEffect(() => {
    if (!bounds || queryKey === null || date === null) return;
    let live = true;
    api
      .graph(new URLSearchParams(queryKey))
      .then((g) => {
        if (!live) return;
        const held = latest.current;
        setCurrent(held?.key === queryKey && held.graph === g ? held : { key: queryKey, date, graph: g });
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
    // bounds is derived from the timeline; the query key says everything else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryKey, attempt]);

  const drawnKey = shown?.key;
  // Which way the reader went last: a reader stepping on asks for the next date before the
  // previous answer is parsed, so two dates ahead are asked for (at 100,000 relationships an answer
  // is megabytes and takes longer to arrive than a step takes to draw).
  const heading = useRef<{ date: string | null; dir: 1 | -1 }>({ date: null, dir: 1 });
  useEffect(() => {
    if (!bounds || !date || drawnKey !== queryKey) return;
    const last = heading.current;
    if (last.date && last.date !== date) last.dir = date < last.date ? -1 : 1;
    last.date = date;
    const dir = last.dir;
    const timer = window.setTimeout(() => {
      const ahead = stepDate(date, dir, bounds);
      for (const d of new Set([ahead, stepDate(date, -dir, bounds), stepDate(ahead, dir, bounds)])) {
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
  }, [baseDate, attempt, setError]);

  const compareWith = baseDate && baseGraph?.date === baseDate ? baseGraph.graph : null;
  return { date, queryKey, current: shown, baseDate, compareWith };
}
