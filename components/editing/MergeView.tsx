"use client";

/**
 * After a 409: someone saved this entry since the editor opened it. Each field that differs is shown
 * twice, the editor's version beside the one now stored, and the editor takes either, per field,
 * then saves against the current version.
 */
import { useId, useState } from "react";
import { changedFields, describeValue, type Draft } from "./draft";
import styles from "./editing.module.css";

export function MergeView({
  noun,
  mine,
  current,
  onMerge,
  onCancel,
}: {
  noun: string;
  mine: Draft;
  current: Draft;
  onMerge(merged: Draft): void;
  onCancel(): void;
}) {
  const name = useId();
  const fields = changedFields(mine, current);
  const [take, setTake] = useState<Record<string, "mine" | "current">>(() => Object.fromEntries(fields.map((f) => [f, "mine"])));
  const merged = (): Draft => {
    const out: Draft = { ...current };
    for (const f of fields) {
      if (take[f] === "mine") {
        if (mine[f] === undefined) delete out[f];
        else out[f] = mine[f];
      }
    }
    return out;
  };
  return (
    <section className={styles.form} aria-labelledby={`${name}-h`} data-testid="merge-view">
      <h3 id={`${name}-h`} className={styles.formTitle} tabIndex={-1} ref={(el) => el?.focus()}>
        Someone else saved this {noun} first
      </h3>
      <p role="alert" className={styles.alert}>
        Your change was not saved: the {noun} was changed while you edited it. For each field that differs, keep yours or take
        the one now stored, then save again.
      </p>
      {fields.length === 0 && <p>Your version and the stored one are the same.</p>}
      {fields.map((f) => (
        <fieldset key={f} className={styles.mergeField} data-field={f}>
          <legend>{f}</legend>
          <div className={styles.mergeColumns}>
            <label className={styles.mergeChoice}>
              <input type="radio" name={`${name}-${f}`} checked={take[f] === "mine"} onChange={() => setTake((t) => ({ ...t, [f]: "mine" }))} /> Yours
              <pre className={styles.value}>{describeValue(mine[f])}</pre>
            </label>
            <label className={styles.mergeChoice}>
              <input type="radio" name={`${name}-${f}`} checked={take[f] === "current"} onChange={() => setTake((t) => ({ ...t, [f]: "current" }))} /> Now
              stored
              <pre className={styles.value}>{describeValue(current[f])}</pre>
            </label>
          </div>
        </fieldset>
      ))}
      <div className={styles.buttons}>
        <button type="button" className={styles.primary} onClick={() => onMerge(merged())}>
          Save the merged version
        </button>
        <button type="button" className={styles.secondary} onClick={onCancel}>
          Discard mine, edit the stored one
        </button>
      </div>
    </section>
  );
}
