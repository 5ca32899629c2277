"use client";

/**
 * By the slider: "Attested only" draws what the sources date to the view; "Possibly holding" also
 * draws, faded and dotted, the relationships whose last attested date is earlier but whose end is
 * only "at least" that date, so they may well go on.
 */
import styles from "./TimeSlider.module.css";

interface Props {
  possibly: boolean;
  onChange(possibly: boolean): void;
}

export function HoldingSwitch({ possibly, onChange }: Props) {
  return (
    <fieldset className={styles.segmented} data-testid="holding-switch">
      <legend>Ties</legend>
      {([false, true] as const).map((v) => (
        <label key={String(v)} className={v === possibly ? styles.on : undefined} title={v ? "Also what may still hold after its last attested date" : "Only what the sources date to this view"}>
          <input type="radio" name="holding" checked={v === possibly} onChange={() => onChange(v)} />
          {v ? "Possibly holding" : "Attested only"}
        </label>
      ))}
    </fieldset>
  );
}
