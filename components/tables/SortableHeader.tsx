"use client";

/**
 * A column header that sorts its table: a button inside the `<th>`, the current order announced by
 * `aria-sort` on the sorted column only (as ARIA advises) and shown by an arrow.
 */
import type { SortState } from "@/lib/view/table-sort";
import styles from "./TableView.module.css";

export interface SortableHeaderProps<K extends string> {
  /** The column's full name, read by screen readers and shown unless `short` is given. */
  label: string;
  /** A shorter visible label for narrow tables; `label` stays the accessible name and tooltip. */
  short?: string;
  sortKey: K;
  sort: SortState<K>;
  onSort(key: K): void;
  /** Right-aligns the column's header to sit over numbers. */
  numeric?: boolean;
}

export function SortableHeader<K extends string>({ label, short, sortKey, sort, onSort, numeric = false }: SortableHeaderProps<K>) {
  const active = sort.key === sortKey;
  const ariaSort = active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} className={`${styles.sortable} ${numeric ? styles.numeric : ""}`} data-sort-key={sortKey}>
      <button
        type="button"
        className={styles.sortButton}
        onClick={() => onSort(sortKey)}
        title={short ? label : undefined}
        data-active={active || undefined}
      >
        {short ? (
          <>
            <span aria-hidden="true" className={styles.sortLabel}>
              {short}
            </span>
            <span className={styles.srOnly}>{label}</span>
          </>
        ) : (
          <span className={styles.sortLabel}>{label}</span>
        )}
        <span aria-hidden="true" className={styles.arrow}>
          {active ? (sort.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}
