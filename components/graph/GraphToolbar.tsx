"use client";

/** Zoom, fit and reset, and the triangle highlight, over the graph's corner. */
import styles from "./GraphToolbar.module.css";

interface Props {
  triangle: boolean;
  triangleAvailable: boolean;
  onTriangle(on: boolean): void;
  onZoom(factor: number): void;
  onFit(): void;
  onReset(): void;
}

export function GraphToolbar({ triangle, triangleAvailable, onTriangle, onZoom, onFit, onReset }: Props) {
  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Graph view">
      <button
        type="button"
        className={triangle ? `${styles.triangle} ${styles.on}` : styles.triangle}
        aria-pressed={triangle}
        disabled={!triangleAvailable}
        onClick={() => onTriangle(!triangle)}
        title="Highlight the Assad government, the Iraqi Baathists and the jihadist lineage (AQI to IS), and the ties among them"
        data-testid="triangle"
      >
        <span aria-hidden="true">△</span> The triangle
      </button>
      <span className={styles.group}>
        <button type="button" onClick={() => onZoom(1.25)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => onZoom(0.8)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={onFit} aria-label="Fit what is drawn into view">
          Fit
        </button>
        <button type="button" onClick={onReset} aria-label="Reset the layout and show the whole network">
          Reset
        </button>
      </span>
    </div>
  );
}
