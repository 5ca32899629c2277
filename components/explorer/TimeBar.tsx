"use client";

/** The date bar under the graph: the slider, play, and the track of years and events. */
import { HoldingSwitch } from "@/components/timeline/HoldingSwitch";
import { TimelineTrack } from "@/components/timeline/TimelineTrack";
import { TimeSlider, type PlaySpeed } from "@/components/timeline/TimeSlider";
import type { ApiEvent, ApiTimeline } from "@/lib/api/types";
import { atPrecision } from "@/lib/model/dates";
import type { DateBounds } from "@/lib/view/state";
import styles from "./Explorer.module.css";

interface Props {
  timeline: ApiTimeline | null;
  bounds: DateBounds | null;
  date: string | null;
  prefix: string;
  events: ApiEvent[] | null;
  playing: boolean;
  speed: PlaySpeed;
  onDate(date: string, opts?: { coalesce?: boolean }): void;
  onPlaying(playing: boolean): void;
  onSpeed(speed: PlaySpeed): void;
  onYear(year: string): void;
  onEvent(event: ApiEvent, date: string): void;
  /** "+3 / −5 since 2010", by the date. */
  changes?: string | null;
  /** "Possibly holding" on, and its switch. */
  possibly?: boolean;
  onPossibly?(possibly: boolean): void;
}

export function TimeBar({ timeline, bounds, date, prefix, events, playing, speed, onDate, onPlaying, onSpeed, onYear, onEvent, changes = null, possibly = false, onPossibly }: Props) {
  return (
    <footer className={styles.time}>
      {bounds && date && timeline ? (
        <TimeSlider date={date} prefix={prefix} bounds={bounds} playing={playing} speed={speed} onDate={onDate} onPlaying={onPlaying} onSpeed={onSpeed} changes={changes} holding={onPossibly ? <HoldingSwitch possibly={possibly} onChange={onPossibly} /> : null}>
          <TimelineTrack timeline={timeline} events={events ?? []} year={atPrecision(date, "year")} onYear={onYear} onEvent={onEvent} />
        </TimeSlider>
      ) : null}
    </footer>
  );
}
