"use client";

/** Play: one step per tick, as replacements in the history, stopping at the last date. */
import { useEffect, useState, type RefObject } from "react";
import { PLAY_SPEEDS, type PlaySpeed } from "@/components/timeline/TimeSlider";
import { currentDate, stepDate, type DateBounds, type ViewState } from "@/lib/view/state";
import type { Navigate } from "./use-url-view";

export function usePlayback(bounds: DateBounds | null, stateRef: RefObject<ViewState>, free: (s: ViewState) => ViewState, navigate: Navigate) {
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<PlaySpeed>("normal");
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
  }, [playing, speed, bounds, navigate, free, stateRef]);
  return { playing, setPlaying, speed, setSpeed };
}
