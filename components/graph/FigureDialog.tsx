"use client";

/**
 * The figure dialog: a picture of the view made for an article. The reader writes a headline and a
 * caption, picks the shape (16:9, 4:5, 1:1), which ties carry their words (the highlighted ones or
 * all), optionally several years as small multiples, and the site address the printed link starts
 * with; the Export menu makes the file (components/graph/figure-maker.ts).
 */
import { useId, useRef, useState } from "react";
import { parseYears } from "@/lib/export/figure-works";
import { PNG_SCALES, type PngScale } from "@/lib/export/picture";
import type { EdgeLabels, FigureShape } from "@/lib/export/snapshot-svg";
import type { FigureRequest } from "./figure-maker";
import styles from "./FigureDialog.module.css";

interface Props {
  disabled: boolean;
  /** What the Export menu says of the last file (saved, or why not). */
  status: string | null;
  onMake(request: FigureRequest): Promise<void>;
}

const SHAPES: { value: FigureShape; label: string }[] = [
  { value: "16:9", label: "16:9 (slide)" },
  { value: "4:5", label: "4:5 (portrait)" },
  { value: "1:1", label: "1:1 (square)" },
];

const LABELS: { value: EdgeLabels; label: string }[] = [
  { value: "highlighted", label: "Highlighted ties (story step, chain, comparison, selection)" },
  { value: "all", label: "All ties" },
  { value: "none", label: "None" },
];

const FORMATS: { value: string; label: string }[] = [{ value: "svg", label: "SVG" }, ...PNG_SCALES.map((s) => ({ value: `png-${s}`, label: `PNG ${s}×` }))];

export function FigureDialog({ disabled, status, onMake }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [headline, setHeadline] = useState("");
  const [caption, setCaption] = useState("");
  const [shape, setShape] = useState<FigureShape>("16:9");
  const [edgeLabels, setEdgeLabels] = useState<EdgeLabels>("highlighted");
  const [years, setYears] = useState("");
  const [base, setBase] = useState("");
  const [background, setBackground] = useState<"white" | "transparent">("white");
  const [format, setFormat] = useState("svg");
  const [busy, setBusy] = useState(false);
  const parsed = parseYears(years);
  const baseError = base.trim() && !/^https?:\/\/[^\s/]+/.test(base.trim()) ? "a site address starting with http:// or https://" : null;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if ("error" in parsed || baseError) return;
    setBusy(true);
    try {
      await onMake({
        headline,
        caption,
        shape,
        edgeLabels,
        years: parsed.years,
        base: base.trim() || window.location.origin,
        background,
        format: format === "svg" ? "svg" : "png",
        scale: (format === "svg" ? 1 : Number(format.slice(4))) as PngScale,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className={styles.open}
        disabled={disabled}
        onClick={() => {
          if (!base) setBase(window.location.origin);
          dialog.current?.showModal();
        }}
      >
        Figure for an article…
      </button>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby={`${id}-title`}>
        <form onSubmit={submit} className={styles.form}>
          <h2 id={`${id}-title`}>Figure for an article</h2>
          <label>
            Headline
            <input type="text" value={headline} onChange={(e) => setHeadline(e.target.value)} maxLength={160} placeholder="What the figure shows, in a sentence" />
          </label>
          <label>
            Caption
            <textarea value={caption} onChange={(e) => setCaption(e.target.value)} maxLength={800} rows={3} placeholder="What to look at; printed under the graph" />
          </label>
          <fieldset>
            <legend>Shape</legend>
            {SHAPES.map((s) => (
              <label key={s.value} className={styles.choice}>
                <input type="radio" name={`${id}-shape`} checked={shape === s.value} onChange={() => setShape(s.value)} />
                {s.label}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Labels on ties</legend>
            {LABELS.map((l) => (
              <label key={l.value} className={styles.choice}>
                <input type="radio" name={`${id}-labels`} checked={edgeLabels === l.value} onChange={() => setEdgeLabels(l.value)} />
                {l.label}
              </label>
            ))}
          </fieldset>
          <label>
            Small multiples: years (optional)
            <input
              type="text"
              value={years}
              onChange={(e) => setYears(e.target.value)}
              placeholder="e.g. 2003 2007 2009 2014"
              aria-invalid={"error" in parsed}
              aria-describedby={`${id}-years`}
            />
            <span id={`${id}-years`} className={styles.hint}>
              {"error" in parsed ? parsed.error : "One panel per year at the same positions, each with the names of its year; empty for this view alone."}
            </span>
          </label>
          <label>
            Link to the view starts with
            <input type="url" value={base} onChange={(e) => setBase(e.target.value)} aria-invalid={!!baseError} aria-describedby={`${id}-base`} />
            <span id={`${id}-base`} className={styles.hint}>
              {baseError ?? "The site's address, printed in the credit with the view's link."}
            </span>
          </label>
          <fieldset>
            <legend>Background</legend>
            {(["white", "transparent"] as const).map((b) => (
              <label key={b} className={styles.choice}>
                <input type="radio" name={`${id}-background`} checked={background === b} onChange={() => setBackground(b)} />
                {b === "white" ? "White" : "Transparent"}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Format</legend>
            {FORMATS.map((f) => (
              <label key={f.value} className={styles.choice}>
                <input type="radio" name={`${id}-format`} checked={format === f.value} onChange={() => setFormat(f.value)} />
                {f.label}
              </label>
            ))}
          </fieldset>
          <p className={styles.status} role="status" aria-live="polite">
            {status}
          </p>
          <div className={styles.buttons}>
            <button type="submit" disabled={disabled || busy || "error" in parsed || !!baseError}>
              Save figure
            </button>
            <button type="button" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
