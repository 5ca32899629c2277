"use client";

/**
 * The article's argument, one step at a time: where the step is in the story, its caption and the
 * works it rests on, what the drawing does not bear out, and the way back to free exploration.
 */
import type { ApiStoryStep } from "@/lib/api/types";
import type { Selection } from "@/lib/view/state";
import { CitationList } from "../panels/CitationList";
import styles from "./ReadingTools.module.css";

interface Props {
  steps: ApiStoryStep[];
  step: ApiStoryStep;
  /** Names of actors as drawn at the step's date. */
  actorName(id: string): string;
  relationshipLabel(id: string): string;
  onStep(id: string): void;
  onSelect(selection: Selection): void;
  /** Leave the story and explore freely at the step's date. */
  onExplore(): void;
}

export function StoryPanel({ steps, step, actorName, relationshipLabel, onStep, onSelect, onExplore }: Props) {
  const index = steps.findIndex((s) => s.id === step.id);
  const prev = steps[index - 1];
  const next = steps[index + 1];
  return (
    <section
      className={styles.panel}
      aria-labelledby="story-heading"
      aria-keyshortcuts="ArrowLeft ArrowRight"
      data-testid="story-panel"
      data-step={step.id}
      onKeyDown={(e) => {
        // ← and → move through the story while focus is in it (not while choosing in a field).
        if (e.altKey || e.ctrlKey || e.metaKey || (e.target as HTMLElement).closest("input, select, textarea")) return;
        const to = e.key === "ArrowLeft" ? prev : e.key === "ArrowRight" ? next : undefined;
        if (!to) return;
        e.preventDefault();
        onStep(to.id);
        // The button pressed may now be disabled (first or last step): keep focus in the story.
        document.getElementById("story-heading")?.focus();
      }}
    >
      <p className={styles.eyebrow} data-testid="story-progress">
        Step {step.number} of {steps.length} · {step.dateLabel}
      </p>
      <progress className={styles.progress} max={steps.length} value={step.number} aria-label={`Step ${step.number} of ${steps.length}`} />
      <h2 id="story-heading" tabIndex={-1}>
        {step.title}
      </h2>
      <div className={styles.nav}>
        <button type="button" className={styles.button} disabled={!prev} onClick={() => prev && onStep(prev.id)} data-testid="story-prev">
          ← Previous
        </button>
        <button type="button" className={`${styles.button} ${styles.primary}`} disabled={!next} onClick={() => next && onStep(next.id)} data-testid="story-next">
          Next →
        </button>
        <button type="button" className={styles.button} onClick={onExplore} data-testid="story-explore">
          Explore from here
        </button>
      </div>
      <p className={styles.caption} data-testid="story-caption">
        {step.caption}
      </p>
      {step.dataNote ? (
        <p className={styles.note} data-testid="story-data-note">
          <strong>What the data shows</strong>
          {step.dataNote}
        </p>
      ) : null}

      <h3>Highlighted</h3>
      <ul className={styles.list} data-testid="story-highlights">
        {step.relationships.map((id) => (
          <li key={id} data-id={id}>
            <button type="button" className={styles.link} onClick={() => onSelect({ kind: "relationship", id })}>
              {relationshipLabel(id)}
            </button>
          </li>
        ))}
      </ul>
      <p className={styles.muted}>
        Actors:{" "}
        {step.actors.map((id, i) => (
          <span key={id}>
            {i ? ", " : ""}
            <button type="button" className={styles.link} onClick={() => onSelect({ kind: "actor", id })}>
              {actorName(id)}
            </button>
          </span>
        ))}
      </p>

      <CitationList citations={step.citations} headingId="story-sources" />

      <h3>All steps</h3>
      <ol className={styles.steps}>
        {steps.map((s) => (
          <li key={s.id} className={s.id === step.id ? styles.current : undefined}>
            <button type="button" className={styles.link} onClick={() => onStep(s.id)} aria-current={s.id === step.id ? "step" : undefined}>
              {s.title}
            </button>{" "}
            <span className={styles.muted}>{s.dateLabel}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
