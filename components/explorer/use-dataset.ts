"use client";

/**
 * The dataset's lists, each read once: the timeline (the slider's span, needed before anything is
 * drawn; the server page hands it over with the page), the story, and once the first view is drawn
 * the names for the search box and the panels and the track's events. Every relationship with its
 * citations is read only once a table or tool needs it. An editor's write (components/editing)
 * empties the client's cache and makes all of them read again, so the change shows at once.
 */
import { useCallback, useEffect, useMemo, useState, type RefObject } from "react";
import { useDatasetChange } from "@/components/editing/session";
import { api } from "@/lib/api/client";
import type { ApiActor, ApiEvent, ApiRelationship, ApiStoryStep, ApiTimeline } from "@/lib/api/types";
import type { DateBounds, ViewState } from "@/lib/view/state";
import { viewGraphQueries } from "./view-graph-queries";

/** Bounds wide enough for any date: the first graph is asked for before the timeline says the real ones. */
const ANY_DATES: DateBounds = { first: "0001-01-01", last: "9999-12-31" };

/**
 * `initialTimeline`: the timeline the server page read (null when it could not); `drawn`: the first
 * view is drawn, so the lists it does not need may come.
 */
export function useDataset(stateRef: RefObject<ViewState>, initialTimeline: ApiTimeline | null, drawn: boolean) {
  const [timeline, setTimeline] = useState<ApiTimeline | null>(initialTimeline);
  const [actors, setActors] = useState<ApiActor[] | null>(null);
  const [events, setEvents] = useState<ApiEvent[] | null>(null);
  const [story, setStory] = useState<ApiStoryStep[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setError(null);
    const fail = (e: Error) => live && setError(e.message);
    // Without a timeline from the page (or after a write), the first view's graphs are asked for at
    // once, beside the timeline: when the link's date lies within the data (as it nearly always
    // does), the view's own requests find them on their way.
    const known = attempt === 0 ? initialTimeline : null;
    if (!known) {
      for (const query of viewGraphQueries(stateRef.current, ANY_DATES)) api.graph(query).catch(() => undefined);
      api.timeline().then((t) => live && setTimeline(t), fail);
    }
    api.story().then((s) => live && setStory(s), fail);
    return () => {
      live = false;
    };
    // The page's timeline is only the first attempt's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt, stateRef]);

  // Names and events are not needed to draw the first view, and at 100,000 relationships they are
  // 12 MB of JSON: read after the view's first frames, they no longer compete with its graph for the
  // network and the main thread. Until they come, the panels name actors as the graph does.
  const start = drawn || attempt > 0;
  useEffect(() => {
    if (!start) return;
    let live = true;
    const fail = (e: Error) => live && setError(e.message);
    let asked = false;
    const read = () => {
      if (!live || asked) return;
      asked = true;
      api.actors().then((a) => live && setActors(a), fail);
      api.events().then((e) => live && setEvents(e), fail);
    };
    // Two frames: the drawing is painted first. A hidden page draws no frames: the timer reads anyway.
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(read)));
    const timer = window.setTimeout(read, 1500);
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [start, attempt]);

  useDatasetChange(useCallback(() => setAttempt((n) => n + 1), []));

  const bounds: DateBounds | null = useMemo(() => (timeline ? { first: timeline.first, last: timeline.last } : null), [timeline]);
  return { timeline, bounds, actors, events, story, error, setError, attempt, retry: () => setAttempt((n) => n + 1) };
}

/** Every relationship with its citations, for the tables and the tools' lists, once `needed`. */
export function useRelationships(needed: boolean, attempt: number, setError: (message: string) => void) {
  const [relationships, setRelationships] = useState<ApiRelationship[] | null>(null);
  useDatasetChange(useCallback(() => setRelationships(null), []));
  useEffect(() => {
    if (!needed || relationships) return;
    let live = true;
    api
      .relationships()
      .then((list) => live && setRelationships(list))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [needed, relationships, attempt, setError]);
  const byId = useMemo(() => new Map((relationships ?? []).map((r) => [r.id, r])), [relationships]);
  return { relationships, relationshipsById: byId };
}
