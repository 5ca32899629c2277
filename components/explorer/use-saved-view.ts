"use client";

/**
 * Opening a saved view: once its view is drawn, the page says whether the store still draws what
 * the file holds.
 */
import { useCallback, useEffect, useState } from "react";
import { compareSavedView, type SavedView } from "@/lib/export/saved-view";
import type { GraphView } from "@/lib/graph/view";
import { exportQuery, parseViewState, type DateBounds, type UrlProblem, type ViewState } from "@/lib/view/state";
import type { Navigate } from "./use-url-view";

export interface SavedReport {
  text: string;
  same: boolean;
}

interface Deps {
  eff: ViewState;
  bounds: DateBounds | null;
  view: GraphView | null;
  /** The drawn graph is the view's own (not a previous one still on screen). */
  drawnIsCurrent: boolean;
  navigate: Navigate;
  setProblems(problems: UrlProblem[]): void;
  stopPlaying(): void;
}

export function useSavedView({ eff, bounds, view, drawnIsCurrent, navigate, setProblems, stopPlaying }: Deps) {
  const [saved, setSaved] = useState<{ view: SavedView; fileName: string; query: string } | null>(null);
  const [report, setReport] = useState<SavedReport | null>(null);

  useEffect(() => {
    if (!saved || !view || !drawnIsCurrent || !bounds) return;
    if (exportQuery(eff, bounds).toString() !== saved.query) return;
    const diff = compareSavedView(saved.view, { nodes: view.shownNodes, edges: view.shownEdges });
    const counts = `${saved.view.nodes.length} actors and ${saved.view.edges.length} relationships`;
    setReport({
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
  }, [saved, view, drawnIsCurrent]);

  const open = useCallback(
    (savedView: SavedView, fileName: string) => {
      const parsed = parseViewState(new URLSearchParams(savedView.query));
      stopPlaying();
      setProblems(parsed.problems);
      setReport(null);
      navigate(parsed.state);
      // The export query the view will have once drawn: what the comparison waits for.
      setSaved({ view: savedView, fileName, query: bounds ? exportQuery(parsed.state, bounds).toString() : "" });
    },
    [navigate, bounds, setProblems, stopPlaying],
  );
  return { report, dismiss: () => setReport(null), open };
}
