"use client";

/**
 * The graph at the slider's previous step, for the step's marks (what appeared, what ended): only
 * at one date (not up to it or in a window), and not while comparing or in the story, which mark
 * their own (view-graph-queries.ts). The explorer already fetches the neighbouring steps in the
 * background, so this is usually at hand in the answer cache.
 */
import { useEffect, useState } from "react";
import { api, arrivedGraph } from "@/lib/api/client";
import type { ApiGraph } from "@/lib/api/types";
import type { DateBounds, ViewState } from "@/lib/view/state";
import { previousStepQuery } from "./view-graph-queries";

export interface StepBefore {
  /** The previous step's date, or null when this view has no step marks. */
  date: string | null;
  /** Its graph once read (null until then, or without marks). */
  graph: ApiGraph | null;
}

export function useStepBefore(view: ViewState, date: string | null, bounds: DateBounds | null, onError: (e: Error) => void): StepBefore {
  const previous = bounds && date ? previousStepQuery(view, date, bounds) : null;
  const since = previous?.date ?? null;
  const query = previous?.query.toString() ?? null;
  const [read, setRead] = useState<{ query: string; graph: ApiGraph } | null>(null);
  useEffect(() => {
    if (!query) return;
    let live = true;
    api
      .graph(new URLSearchParams(query))
      .then((graph) => live && setRead({ query, graph }))
      .catch((e: Error) => live && onError(e));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);
  // Usually already here (the neighbouring dates are asked for in the background): used at once, as
  // the view's own graph is (use-view-graphs.ts); it is the same object the read then holds.
  const graph = query ? (read?.query === query ? read.graph : (arrivedGraph(new URLSearchParams(query)) ?? null)) : null;
  return { date: since, graph };
}
