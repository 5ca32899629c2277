"use client";

/** Graph or tables: the same view drawn, or listed row by row (the accessible way to read it). */
import { DISPLAYS, type Display } from "@/lib/view/state";
import styles from "./ViewModeSwitch.module.css";

export function DisplaySwitch({ display, onDisplay }: { display: Display; onDisplay(display: Display): void }) {
  return (
    <div className={styles.wrap}>
      <fieldset className={styles.modes}>
        <legend className={styles.hidden}>Show the view as</legend>
        {(Object.keys(DISPLAYS) as Display[]).map((d) => (
          <label key={d} className={d === display ? styles.on : undefined}>
            <input type="radio" name="display" value={d} checked={d === display} onChange={() => onDisplay(d)} data-testid={`display-${d}`} />
            {DISPLAYS[d]}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
