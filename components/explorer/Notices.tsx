"use client";

/** What the page says about the link it was opened with, or about a saved view it opened. */
import type { UrlProblem } from "@/lib/view/state";
import styles from "./Explorer.module.css";
import type { SavedReport } from "./use-saved-view";

interface Props {
  savedReport: SavedReport | null;
  problems: UrlProblem[];
  onDismissSaved(): void;
  onDismissProblems(): void;
}

export function Notices({ savedReport, problems, onDismissSaved, onDismissProblems }: Props) {
  return (
    <>
      {savedReport ? (
        <div className={styles.problems} role="status" data-testid="saved-view-report" data-same={savedReport.same}>
          <p>{savedReport.text}</p>
          <button type="button" onClick={onDismissSaved} aria-label="Dismiss">
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
          <button type="button" onClick={onDismissProblems} aria-label="Dismiss">
            ×
          </button>
        </div>
      ) : null}
    </>
  );
}
