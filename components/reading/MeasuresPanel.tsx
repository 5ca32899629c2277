"use client";

/**
 * Who holds the drawn network together: per-actor measures for the side panel, sortable, with a
 * choice of which one sizes the actors on the graph.
 */
import { useId, useMemo, useState } from "react";
import type { MeasureName } from "@/lib/graph/analysis/measures";
import { nextSort, sortRows, type SortState } from "@/lib/view/table-sort";
import type { Selection } from "@/lib/view/state";
import { SortableHeader } from "../tables/SortableHeader";
import styles from "./MeasuresPanel.module.css";
import table from "../tables/TableView.module.css";

export type SizeMeasure = MeasureName;

export interface MeasureRow {
  id: string;
  label: string;
  /** Distinct actors it is tied to. */
  partners: number;
  /** Drawn relationships it takes part in. */
  relationships: number;
  /** Share of the other actors it is directly tied to, 0–1. */
  degree: number;
  /** How often it lies on the shortest chains between two others. */
  betweenness: number;
}

export interface MeasuresPanelProps {
  /** "2009", "Up to 2009". */
  heading: string;
  rows: MeasureRow[];
  /** The measure that sizes the actors on the graph; null = size by kind only. */
  sizeBy: SizeMeasure | null;
  onSizeBy(measure: SizeMeasure | null): void;
  onSelect(selection: Selection): void;
}

type Key = "label" | SizeMeasure;

const NUMERIC = new Set<Key>(["partners", "relationships", "degree", "betweenness"]);
const DEFAULT_SORT: SortState<Key> = { key: "betweenness", dir: "desc" };

export const SIZE_MEASURES: Record<SizeMeasure, string> = {
  betweenness: "Betweenness (brokers)",
  degree: "Degree",
  partners: "Partners",
  relationships: "Relationships",
};

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
const isMeasure = (v: string): v is SizeMeasure => Object.hasOwn(SIZE_MEASURES, v);

export function MeasuresPanel({ heading, rows, sizeBy, onSizeBy, onSelect }: MeasuresPanelProps) {
  const headingId = useId();
  const selectId = useId();
  const [sort, setSort] = useState(DEFAULT_SORT);

  const sorted = useMemo(() => {
    // Alphabetical first, so actors that tie on the chosen measure read in name order.
    const byName = [...rows].sort((a, b) => collator.compare(a.label, b.label));
    return sortRows(byName, sort, (row, key) => row[key]);
  }, [rows, sort]);

  const onSort = (key: Key) => setSort((s) => nextSort(s, key, NUMERIC));
  const cell = (key: SizeMeasure) => `${table.numeric} ${sizeBy === key ? styles.sized : ""}`;

  return (
    <section className={styles.panel} aria-labelledby={headingId} data-testid="measures-panel">
      <h2 id={headingId} className={styles.heading} tabIndex={-1}>
        Brokers and connections
      </h2>
      <p className={styles.explain}>
        <strong>Betweenness</strong> is how often an actor lies on the shortest chains between two others: a broker scores high.{" "}
        <strong>Degree</strong> is the share of the other actors it is directly tied to. Both are computed on what is drawn now, so
        they follow the date and filters; parallel relationships between the same two actors count once.
      </p>

      <div className={styles.sizeBy}>
        <label htmlFor={selectId}>Size actors by</label>
        <select
          id={selectId}
          value={sizeBy ?? ""}
          onChange={(e) => onSizeBy(isMeasure(e.target.value) ? e.target.value : null)}
          data-testid="size-by"
        >
          <option value="">Nothing (kind only)</option>
          {(Object.keys(SIZE_MEASURES) as SizeMeasure[]).map((m) => (
            <option key={m} value={m}>
              {SIZE_MEASURES[m]}
            </option>
          ))}
        </select>
      </div>

      <div className={styles.wrap}>
        <table className={`${table.table} ${styles.compact}`} data-testid="measures-table">
          <caption className={styles.caption}>
            <span className={table.srOnly}>Network measures, </span>
            {heading} · {rows.length} {rows.length === 1 ? "actor" : "actors"}
          </caption>
          <thead>
            <tr>
              <SortableHeader label="Actor" sortKey="label" sort={sort} onSort={onSort} />
              <SortableHeader label="Partners" short="Partn." sortKey="partners" sort={sort} onSort={onSort} numeric />
              <SortableHeader label="Relationships" short="Rels." sortKey="relationships" sort={sort} onSort={onSort} numeric />
              <SortableHeader label="Degree" short="Deg." sortKey="degree" sort={sort} onSort={onSort} numeric />
              <SortableHeader label="Betweenness" short="Betw." sortKey="betweenness" sort={sort} onSort={onSort} numeric />
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.id} data-id={r.id}>
                <td>
                  <button type="button" className={table.link} onClick={() => onSelect({ kind: "actor", id: r.id })}>
                    {r.label}
                  </button>
                </td>
                <td className={cell("partners")}>{r.partners}</td>
                <td className={cell("relationships")}>{r.relationships}</td>
                <td className={cell("degree")}>{r.degree.toFixed(2)}</td>
                <td className={cell("betweenness")}>{r.betweenness.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p className={styles.empty}>No actor is drawn with these filters.</p> : null}
    </section>
  );
}
