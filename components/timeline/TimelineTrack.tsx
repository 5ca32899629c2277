"use client";

/**
 * The activity under the slider: one bar a year (events, relationships beginning and ending, from
 * /api/timeline) and a tick for each event. A bar jumps to its year; a tick jumps to its event's
 * date and opens it. The bars take one tab stop and move with the arrow keys.
 */
import { useMemo, useRef, type KeyboardEvent } from "react";
import type { ApiEvent, ApiTimeline } from "@/lib/api/types";
import { atPrecision, parsePartialDate } from "@/lib/model/dates";
import styles from "./TimelineTrack.module.css";

interface Props {
  timeline: ApiTimeline;
  events: ApiEvent[];
  /** The current year, marked on the track. */
  year: string;
  onYear(year: string): void;
  onEvent(event: ApiEvent, date: string): void;
}

export function TimelineTrack({ timeline, events, year, onYear, onEvent }: Props) {
  const bars = useRef<HTMLDivElement>(null);
  const max = Math.max(1, ...timeline.years.map(total));
  // Whole years, so ticks line up with the bars, which share the width equally.
  const firstYear = timeline.years[0]?.year ?? timeline.first.slice(0, 4);
  const lastYear = timeline.years[timeline.years.length - 1]?.year ?? timeline.last.slice(0, 4);
  const t0 = Date.parse(`${firstYear}-01-01`);
  const span = Date.parse(`${Number(lastYear) + 1}-01-01`) - t0;

  // Thousands of ticks in a large dataset: made once per list of events, not on every step.
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;
  const ticks = useMemo(
    () => (
      <div className={styles.ticks} aria-hidden="true">
        {events.map((ev) => {
          const left = ((Date.parse(ev.span.first ?? timeline.first) - t0) / span) * 100;
          const precise = parsePartialDate(ev.start.date)?.precision !== "year";
          return (
            <button
              key={ev.id}
              type="button"
              tabIndex={-1}
              className={styles.tick}
              style={{ left: `${left}%` }}
              title={`${ev.dateLabel}: ${ev.title}`}
              data-testid="event-tick"
              data-event={ev.id}
              onClick={() => onEventRef.current(ev, atPrecision(ev.start.date, precise ? "month" : "year"))}
            />
          );
        })}
      </div>
    ),
    [events, t0, span, timeline.first],
  );

  function onKey(e: KeyboardEvent<HTMLButtonElement>, i: number) {
    const to = e.key === "ArrowRight" ? i + 1 : e.key === "ArrowLeft" ? i - 1 : e.key === "Home" ? 0 : e.key === "End" ? timeline.years.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const clamped = Math.min(timeline.years.length - 1, Math.max(0, to));
    bars.current?.querySelectorAll<HTMLButtonElement>("button")[clamped]?.focus();
  }

  return (
    <div className={styles.track}>
      {ticks}
      <div className={styles.bars} ref={bars} role="group" aria-label="Activity per year: choose a year">
        {timeline.years.map((y, i) => {
          const n = total(y);
          const current = y.year === year;
          return (
            <button
              key={y.year}
              type="button"
              className={current ? `${styles.bar} ${styles.current}` : styles.bar}
              tabIndex={current ? 0 : -1}
              aria-current={current ? "date" : undefined}
              aria-label={`${y.year}: ${describe(y)}`}
              title={`${y.year}: ${describe(y)}`}
              onClick={() => onYear(y.year)}
              onKeyDown={(e) => onKey(e, i)}
            >
              <span className={styles.fill} style={{ height: `${n === 0 ? 0 : 12 + (88 * n) / max}%` }} />
            </button>
          );
        })}
      </div>
      <div className={styles.axis} aria-hidden="true">
        {timeline.years
          .filter((y) => Number(y.year) % 5 === 0)
          .map((y) => (
            <span key={y.year} style={{ left: `${((Date.parse(`${y.year}-07-01`) - t0) / span) * 100}%` }}>
              {y.year}
            </span>
          ))}
      </div>
    </div>
  );
}

function total(y: ApiTimeline["years"][number]): number {
  return y.events + y.relationshipStarts + y.relationshipEnds;
}

function describe(y: ApiTimeline["years"][number]): string {
  const parts = [
    `${y.events} event${y.events === 1 ? "" : "s"}`,
    `${y.relationshipStarts} relationship${y.relationshipStarts === 1 ? "" : "s"} begin`,
    `${y.relationshipEnds} end`,
  ];
  return parts.join(", ");
}
