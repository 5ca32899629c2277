"use client";

/**
 * The time controls: the date in large type, previous/next, the slider itself, play/pause with a
 * speed, and the step (year or month). Keys on the slider: arrows move one step, Page Up/Down a
 * year (five when stepping by year), Home/End the first and last date.
 */
import type { KeyboardEvent, ReactNode } from "react";
import type { StepPrecision } from "@/lib/model/dates";
import { atPrecision } from "@/lib/model/dates";
import { formatDate, sliderDates, stepDate, stepOf, type DateBounds } from "@/lib/view/state";
import styles from "./TimeSlider.module.css";

export const PLAY_SPEEDS = {
  slow: { label: "Slow", ms: 2200 },
  normal: { label: "Normal", ms: 1200 },
  fast: { label: "Fast", ms: 500 },
} as const;
export type PlaySpeed = keyof typeof PLAY_SPEEDS;

interface Props {
  date: string;
  /** "At", "Up to" or "From 2004 to": read before the date. */
  prefix: string;
  bounds: DateBounds;
  playing: boolean;
  speed: PlaySpeed;
  /** `coalesce`: a run of quick changes (dragging) makes one history entry. */
  onDate(date: string, opts?: { coalesce?: boolean }): void;
  onPlaying(playing: boolean): void;
  onSpeed(speed: PlaySpeed): void;
  /** What changed since the previous step, "+3 / −5 since 2010" (null when the view has no step marks). */
  changes?: string | null;
  /** Shown among the controls: the "attested only / possibly holding" switch. */
  holding?: ReactNode;
  /** Drawn under the slider, aligned with it: the activity track. */
  children?: ReactNode;
}

export function TimeSlider({ date, prefix, bounds, playing, speed, onDate, onPlaying, onSpeed, changes = null, holding = null, children }: Props) {
  const step = stepOf(date);
  const dates = sliderDates(bounds, step);
  const index = Math.max(0, dates.indexOf(date));
  const atStart = index === 0;
  const atEnd = index === dates.length - 1;

  function onKey(e: KeyboardEvent<HTMLInputElement>) {
    const bigStep = step === "month" ? 12 : 5;
    const moves: Record<string, () => string> = {
      ArrowLeft: () => stepDate(date, -1, bounds),
      ArrowDown: () => stepDate(date, -1, bounds),
      ArrowRight: () => stepDate(date, 1, bounds),
      ArrowUp: () => stepDate(date, 1, bounds),
      PageDown: () => stepDate(date, -bigStep, bounds),
      PageUp: () => stepDate(date, bigStep, bounds),
      Home: () => dates[0]!,
      End: () => dates[dates.length - 1]!,
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    onDate(move(), { coalesce: true });
  }

  const setStep = (to: StepPrecision) => onDate(atPrecision(date, to));

  return (
    <div className={styles.slider} role="group" aria-label="Time">
      <output className={styles.date} aria-live="polite" data-testid="current-date">
        <span className={styles.prefix}>{prefix}</span> {formatDate(date)}
        {changes ? (
          <span className={styles.changes} data-testid="step-changes">
            {" "}
            {changes}
          </span>
        ) : null}
      </output>

      <div className={styles.track}>
        <button type="button" className={styles.iconButton} onClick={() => onDate(stepDate(date, -1, bounds))} disabled={atStart} aria-label={`Previous ${step}`}>
          <span aria-hidden="true">◀</span>
        </button>
        <input
          type="range"
          className={styles.range}
          min={0}
          max={dates.length - 1}
          step={1}
          value={index}
          id="date-slider"
          aria-label="Date"
          aria-keyshortcuts="[ ] PageUp PageDown Home End"
          aria-valuetext={formatDate(date)}
          onChange={(e) => onDate(dates[Number(e.target.value)] ?? date, { coalesce: true })}
          onKeyDown={onKey}
          data-testid="date-slider"
        />
        <button type="button" className={styles.iconButton} onClick={() => onDate(stepDate(date, 1, bounds))} disabled={atEnd} aria-label={`Next ${step}`}>
          <span aria-hidden="true">▶</span>
        </button>
      </div>

      {children ? <div className={styles.below}>{children}</div> : null}

      <div className={styles.controls}>
        <button
          type="button"
          className={styles.play}
          onClick={() => {
            // Play from the start when already at the end, as a media player does.
            if (!playing && atEnd) onDate(dates[0]!);
            onPlaying(!playing);
          }}
          aria-label={playing ? "Pause" : "Play through the years"}
          data-testid="play"
          data-playing={playing}
        >
          {playing ? "❚❚ Pause" : "▶ Play"}
        </button>
        <label className={styles.field}>
          Speed
          <select value={speed} onChange={(e) => onSpeed(e.target.value as PlaySpeed)}>
            {Object.entries(PLAY_SPEEDS).map(([k, v]) => (
              <option key={k} value={k}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
        <fieldset className={styles.segmented}>
          <legend>Step by</legend>
          {(["year", "month"] as const).map((s) => (
            <label key={s} className={s === step ? styles.on : undefined}>
              <input type="radio" name="step" value={s} checked={s === step} onChange={() => setStep(s)} />
              {s === "year" ? "Year" : "Month"}
            </label>
          ))}
        </fieldset>
        {holding}
        <span className={styles.ends} aria-hidden="true">
          {formatDate(dates[0]!)} – {formatDate(dates[dates.length - 1]!)}
        </span>
      </div>
    </div>
  );
}
