"use client";

/** The date bar under the graph: the slider, play, and the track of years and events. */
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
}

export function TimeBar({ timeline, bounds, date, prefix, events, playing, speed, onDate, onPlaying, onSpeed, onYear, onEvent }: Props) {
  return (
    <footer className={styles.time}>
      {bounds && date && timeline ? (
        <TimeSlider date={date} prefix={prefix} bounds={bounds} playing={playing} speed={speed} onDate={onDate} onPlaying={onPlaying} onSpeed={onSpeed}>
          <TimelineTrack timeline={timeline} events={events ?? []} year={atPrecision(date, "year")} onYear={onYear} onEvent={onEvent} />
        </TimeSlider>
      ) : null}
    </footer>
  );
}
