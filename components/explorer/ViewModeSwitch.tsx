"use client";

/** How the date is read: at it, up to it (ended relationships greyed), or from a chosen year to it. */
import { VIEW_MODES, type ViewMode } from "@/lib/view/state";
import styles from "./ViewModeSwitch.module.css";
import { YearSelect } from "../timeline/YearSelect";

interface Props {
  mode: ViewMode;
  /** Window mode's start year and the years it may take. */
  from: string;
  years: string[];
  onMode(mode: ViewMode): void;
  onFrom(from: string): void;
}

export function ViewModeSwitch({ mode, from, years, onMode, onFrom }: Props) {
  return (
    <div className={styles.wrap}>
      <fieldset className={styles.modes}>
        <legend className={styles.hidden}>Show relationships</legend>
        {(Object.keys(VIEW_MODES) as ViewMode[]).map((m) => (
          <label key={m} className={m === mode ? styles.on : undefined}>
            <input type="radio" name="mode" value={m} checked={m === mode} onChange={() => onMode(m)} />
            {VIEW_MODES[m]}
          </label>
        ))}
      </fieldset>
      {mode === "window" ? (
        <label className={styles.from}>
          from
          <YearSelect value={from} years={years} onYear={onFrom} testId="window-from" />
        </label>
      ) : null}
    </div>
  );
}
