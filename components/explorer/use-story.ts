"use client";

/**
 * The guided story: a step sets the date, window and highlights, so what is seen (`eff`) is the
 * state with the open step applied. Changing the date, mode, filters or focus in the story leaves it
 * from the view the step showed (`free`).
 */
import { useCallback, useEffect, useMemo } from "react";
import type { ApiStoryStep } from "@/lib/api/types";
import { effectiveView, leaveTool, type UrlProblem, type ViewState } from "@/lib/view/state";

export function useStory(state: ViewState, story: ApiStoryStep[] | null, setProblems: (edit: (p: UrlProblem[]) => UrlProblem[]) => void) {
  const steps = useMemo(() => story ?? [], [story]);
  // A link into the story draws the step's view, so it waits for the story; nothing else does.
  const pending = state.tool === "story" && story === null;
  const stepOf = useCallback(
    (s: ViewState): ApiStoryStep | null => (s.tool === "story" ? (steps.find((x) => x.id === s.step) ?? steps[0] ?? null) : null),
    [steps],
  );
  const step = stepOf(state);
  const eff = useMemo(() => effectiveView(state, step), [state, step]);
  const free = useCallback((s: ViewState): ViewState => (s.tool === "story" ? leaveTool(effectiveView(s, stepOf(s))) : s), [stepOf]);

  // A link to a step that is not in the story opens its first step, and says so.
  useEffect(() => {
    const id = state.step;
    if (story === null || state.tool !== "story" || !id || steps.some((x) => x.id === id)) return;
    setProblems((p) => (p.some((x) => x.param === "step") ? p : [...p, { param: "step", value: id, expected: "the id of a story step; showing the first step" }]));
  }, [story, steps, state.tool, state.step, setProblems]);

  return { steps, step, stepOf, eff, free, pending };
}
