"use client";

/** Which relationships and actors to draw: by type, polarity, certainty and actor kind. */
import { activeFilterCount, FILTER_VALUES, isShown, NO_FILTERS, toggleFilter, type FilterName, type ViewFilters } from "@/lib/view/state";
import { ACTOR_KINDS, CERTAINTIES, CERTAINTY_LABELS, POLARITIES, RELATIONSHIP_TYPES } from "@/lib/model/vocabulary";
import styles from "./FilterPanel.module.css";

const GROUPS: { name: FilterName; legend: string; label(v: string): string }[] = [
  { name: "polarities", legend: "Polarity", label: (v) => POLARITIES[v as keyof typeof POLARITIES] },
  { name: "certainties", legend: "Certainty", label: (v) => CERTAINTY_LABELS[v as keyof typeof CERTAINTY_LABELS] },
  { name: "types", legend: "Relationship type", label: (v) => RELATIONSHIP_TYPES[v as keyof typeof RELATIONSHIP_TYPES].label },
  { name: "kinds", legend: "Actor kind", label: (v) => ACTOR_KINDS[v as keyof typeof ACTOR_KINDS] },
];

interface Props {
  filters: ViewFilters;
  /** How many of each value the current view holds, shown beside it. */
  counts: Record<FilterName, Map<string, number>>;
  onChange(filters: ViewFilters): void;
}

/** Membership, leadership, part of, succession: who belongs to whom rather than what one does to another. */
const BELONGING = FILTER_VALUES.types.filter((t) => RELATIONSHIP_TYPES[t].structural);

export function FilterPanel({ filters, counts, onChange }: Props) {
  const active = activeFilterCount(filters);
  const belongingHidden = BELONGING.every((t) => !isShown(filters, "types", t));
  const setBelonging = (hide: boolean) => {
    const shown = (filters.types ?? FILTER_VALUES.types).filter((t) => !BELONGING.includes(t));
    const types = hide ? shown : [...shown, ...BELONGING];
    onChange({ ...filters, types: types.length === FILTER_VALUES.types.length ? null : FILTER_VALUES.types.filter((t) => types.includes(t)) });
  };
  return (
    <details className={styles.filters} data-testid="filters">
      <summary>
        Filters{active ? <span className={styles.badge}>{active} on</span> : null}
      </summary>
      <div className={styles.body}>
        <button type="button" aria-pressed={belongingHidden} onClick={() => setBelonging(!belongingHidden)} data-testid="hide-belonging">
          {belongingHidden ? "Show" : "Hide"} belonging ties (membership, leadership, part of, succession)
        </button>
        {GROUPS.map((g) => (
          <fieldset key={g.name}>
            <legend>{g.legend}</legend>
            {(FILTER_VALUES[g.name] as readonly string[]).map((v) => (
              <label key={v} title={g.name === "certainties" ? CERTAINTIES[v as keyof typeof CERTAINTIES] : undefined}>
                <input
                  type="checkbox"
                  name={`${g.name}-${v}`}
                  checked={isShown(filters, g.name, v as never)}
                  onChange={() => onChange(toggleFilter(filters, g.name, v as never))}
                />
                {g.label(v)} <span className={styles.count}>{counts[g.name].get(v) ?? 0}</span>
              </label>
            ))}
          </fieldset>
        ))}
        <button type="button" onClick={() => onChange(NO_FILTERS)} disabled={active === 0}>
          Show everything
        </button>
      </div>
    </details>
  );
}
