"use client";

/**
 * The dataset's lists, each read once: the timeline (the slider's span, needed before anything is
 * drawn), then names for the search box, the track's events and the story, each when it comes.
 * Every relationship with its citations is read only once a table or tool needs it. An editor's
 * write (components/editing) empties the client's cache and makes all of them read again, so the
 * change shows at once.
 */
import { useCallback, useEffect, useMemo, useState, type RefObject } from "react";
import { useDatasetChange } from "@/components/editing/session";
import { api } from "@/lib/api/client";
import type { ApiActor, ApiEvent, ApiRelationship, ApiStoryStep, ApiTimeline } from "@/lib/api/types";
import { graphQuery, type DateBounds, type ViewState } from "@/lib/view/state";

/** Bounds wide enough for any date: the first graph is asked for before the timeline says the real ones. */
const ANY_DATES: DateBounds = { first: "0001-01-01", last: "9999-12-31" };

export function useDataset(stateRef: RefObject<ViewState>) {
  const [timeline, setTimeline] = useState<ApiTimeline | null>(null);
  const [actors, setActors] = useState<ApiActor[] | null>(null);
  const [events, setEvents] = useState<ApiEvent[] | null>(null);
  const [story, setStory] = useState<ApiStoryStep[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setError(null);
    const fail = (e: Error) => live && setError(e.message);
    // The first view's graph is asked for at once, beside the timeline: when the link's date lies
    // within the data (as it nearly always does), the view's own request finds it cached.
    const first = stateRef.current;
    if (first.tool !== "story") api.graph(graphQuery(first, ANY_DATES)).catch(() => undefined);
    api.timeline().then((t) => live && setTimeline(t), fail);
    api.actors().then((a) => live && setActors(a), fail);
    api.events().then((e) => live && setEvents(e), fail);
    api.story().then((s) => live && setStory(s), fail);
    return () => {
      live = false;
    };
  }, [attempt, stateRef]);

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
