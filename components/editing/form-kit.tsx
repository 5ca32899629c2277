"use client";

/**
 * The pieces every entry form is made of. Each input is named by its field path, labelled, and
 * carries its error beside it (aria-invalid, aria-describedby), so a 400's `field` or a schema issue
 * lands on the input it is about and focus can go to the first one.
 */
import { createContext, useContext, useId, useMemo, useState, type ReactNode } from "react";
import { findActors, namesOf } from "@/lib/graph/actor-search";
import type { ApiActor } from "@/lib/api/types";
import { PARTIAL_DATE_HINT, parsePartialDate, type Qualifier } from "@/lib/model/dates";
import { getAt, type Draft, type FieldErrors } from "./draft";
import styles from "./editing.module.css";

interface FormCtx {
  draft: Draft;
  set(path: string, value: unknown): void;
  errors: FieldErrors;
  idPrefix: string;
}

const Ctx = createContext<FormCtx | null>(null);
export const FormProvider = Ctx.Provider;

export function useForm(): FormCtx {
  const c = useContext(Ctx);
  if (!c) throw new Error("form field outside a FormProvider");
  return c;
}

/** A stable DOM id for a field path (dots are fine in ids, but not in CSS selectors). */
export const fieldId = (prefix: string, path: string) => `${prefix}-${path.replace(/\./g, "_")}`;

function useField(path: string) {
  const { draft, set, errors, idPrefix } = useForm();
  const id = fieldId(idPrefix, path);
  const error = errors[path];
  return {
    id,
    value: getAt(draft, path),
    set: (v: unknown) => set(path, v),
    error,
    a11y: {
      id,
      name: path,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": error ? `${id}-error` : undefined,
    } as const,
  };
}

export function ErrorText({ path }: { path: string }) {
  const { errors, idPrefix } = useForm();
  const e = errors[path];
  if (!e) return null;
  return (
    <p className={styles.error} id={`${fieldId(idPrefix, path)}-error`} data-error-for={path}>
      {e}
    </p>
  );
}

export function TextField({
  path,
  label,
  hint,
  multiline,
  required,
  readOnly,
}: {
  path: string;
  label: string;
  hint?: string;
  multiline?: boolean;
  required?: boolean;
  readOnly?: boolean;
}) {
  const f = useField(path);
  const value = f.value === undefined || f.value === null ? "" : String(f.value);
  const hintId = hint ? `${f.id}-hint` : undefined;
  const describedBy = [f.a11y["aria-describedby"], hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={f.id}>
        {label}
      </label>
      {hint && (
        <p className={styles.hint} id={hintId}>
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...f.a11y} aria-describedby={describedBy} required={required} readOnly={readOnly} rows={3} value={value} onChange={(e) => f.set(e.target.value)} />
      ) : (
        <input {...f.a11y} aria-describedby={describedBy} required={required} readOnly={readOnly} value={value} onChange={(e) => f.set(e.target.value)} />
      )}
      <ErrorText path={path} />
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
  /** What the term means, from the vocabulary: shown under the select for the chosen term. */
  meaning?: string;
}

export function SelectField({ path, label, choices, empty, required }: { path: string; label: string; choices: Choice[]; empty?: string; required?: boolean }) {
  const f = useField(path);
  const value = typeof f.value === "string" ? f.value : "";
  const meaning = choices.find((c) => c.value === value)?.meaning;
  const meaningId = `${f.id}-meaning`;
  return (
    <div className={styles.field}>
      <label htmlFor={f.id}>
        {label}
      </label>
      <select
        {...f.a11y}
        aria-describedby={[f.a11y["aria-describedby"], meaning ? meaningId : ""].filter(Boolean).join(" ") || undefined}
        value={value}
        onChange={(e) => f.set(e.target.value)}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      {meaning && (
        <p className={styles.hint} id={meaningId} data-testid={`meaning-${path}`}>
          {meaning}
        </p>
      )}
      <ErrorText path={path} />
    </div>
  );
}

const QUALIFIER_LABELS: Record<Qualifier, string> = {
  exact: "exactly (within the period written)",
  circa: "about (c.)",
  by: "by (at the latest)",
  after: "after",
  "at-least": "at least until",
};

const PRECISION_WORDS = { year: "a year", month: "a month", day: "a day" } as const;

/**
 * A start or end: the date as written (its form gives its precision: 2003, 2003-08, 2003-08-19) and
 * a qualifier ("by 2003", "at least until 2009"). An open bound (unknown start, still going) is null.
 */
export function DateBoundField({
  path,
  legend,
  qualifiers,
  nullable,
  openLabel,
}: {
  path: string;
  legend: string;
  qualifiers: readonly Qualifier[];
  nullable?: boolean;
  openLabel?: string;
}) {
  const { draft, set, errors, idPrefix } = useForm();
  const bound = getAt(draft, path) as { date?: string; qualifier?: string } | null | undefined;
  const open = nullable && (bound === null || bound === undefined);
  const dateId = fieldId(idPrefix, `${path}.date`);
  const qualId = fieldId(idPrefix, `${path}.qualifier`);
  const date = bound?.date ?? "";
  const parsed = date ? parsePartialDate(date) : null;
  const dateError = errors[`${path}.date`];
  const boundError = errors[path];
  return (
    <fieldset className={styles.fieldset} data-field={path}>
      <legend>{legend}</legend>
      {nullable && (
        <label className={styles.inline}>
          <input
            type="checkbox"
            checked={!!open}
            onChange={(e) => set(path, e.target.checked ? null : { date: "", qualifier: "exact" })}
            name={`${path}.open`}
          />{" "}
          {openLabel ?? "No date (open)"}
        </label>
      )}
      {!open && (
        <div className={styles.row}>
          <div className={styles.field}>
            <label htmlFor={qualId}>Qualifier</label>
            <select id={qualId} name={`${path}.qualifier`} value={bound?.qualifier ?? "exact"} onChange={(e) => set(`${path}.qualifier`, e.target.value)}>
              {qualifiers.map((q) => (
                <option key={q} value={q}>
                  {QUALIFIER_LABELS[q]}
                </option>
              ))}
            </select>
          </div>
          <div className={styles.field}>
            <label htmlFor={dateId}>Date</label>
            <input
              id={dateId}
              name={`${path}.date`}
              inputMode="numeric"
              placeholder="YYYY, YYYY-MM or YYYY-MM-DD"
              aria-invalid={dateError ? true : undefined}
              aria-describedby={`${dateId}-precision${dateError ? ` ${dateId}-error` : ""}`}
              value={date}
              onChange={(e) => set(`${path}.date`, e.target.value)}
            />
            <p className={styles.hint} id={`${dateId}-precision`}>
              {parsed ? `Precision: ${PRECISION_WORDS[parsed.precision]}` : `Write ${PARTIAL_DATE_HINT}.`}
            </p>
            <ErrorText path={`${path}.date`} />
          </div>
        </div>
      )}
      {boundError && <ErrorText path={path} />}
    </fieldset>
  );
}

/** A list of items (citations, dated names, aliases, participants): each in its own fieldset, added and removed by buttons. */
export function ListField({
  path,
  legend,
  addLabel,
  newItem,
  itemLegend,
  children,
}: {
  path: string;
  legend: string;
  addLabel: string;
  newItem: () => unknown;
  itemLegend: (i: number) => string;
  children: (itemPath: string, i: number) => ReactNode;
}) {
  const { draft, set } = useForm();
  const items = (getAt(draft, path) as unknown[] | undefined) ?? [];
  return (
    <fieldset className={styles.fieldset} data-field={path}>
      <legend>{legend}</legend>
      <ErrorText path={path} />
      {items.map((_, i) => (
        <fieldset key={i} className={styles.item}>
          <legend>{itemLegend(i)}</legend>
          {children(`${path}.${i}`, i)}
          <button type="button" className={styles.secondary} onClick={() => set(path, items.filter((__, j) => j !== i))}>
            Remove {itemLegend(i).toLowerCase()}
          </button>
        </fieldset>
      ))}
      <button type="button" className={styles.secondary} onClick={() => set(path, [...items, newItem()])}>
        {addLabel}
      </button>
    </fieldset>
  );
}

/** Aliases and other lists of plain strings, one per line. */
export function LinesField({ path, label, hint }: { path: string; label: string; hint?: string }) {
  const f = useField(path);
  const lines = Array.isArray(f.value) ? (f.value as unknown[]).map(String) : [];
  const [text, setText] = useState(lines.join("\n"));
  return (
    <div className={styles.field}>
      <label htmlFor={f.id}>{label}</label>
      {hint && <p className={styles.hint}>{hint}</p>}
      <textarea
        {...f.a11y}
        rows={Math.max(2, lines.length + 1)}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          f.set(e.target.value.split("\n").map((l) => l.trim()).filter(Boolean));
        }}
      />
      <ErrorText path={path} />
    </div>
  );
}

/**
 * Picks an actor by any name it has had (AQI finds the Islamic State): type, then choose among the
 * matches. The field's value is the actor's id.
 */
export function ActorPicker({ path, label, actors, required }: { path: string; label: string; actors: readonly ApiActor[]; required?: boolean }) {
  const f = useField(path);
  const listId = useId();
  const chosen = actors.find((a) => a.id === f.value) ?? null;
  const [query, setQuery] = useState(chosen?.name ?? (typeof f.value === "string" ? f.value : ""));
  const suggestions = useMemo(() => actors.flatMap((a) => namesOf(a).map((n) => ({ n, a }))), [actors]);
  const hits = useMemo(() => {
    if (!query.trim() || query === chosen?.name) return [];
    const found = findActors([...actors], query).slice(0, 8);
    // Once the query names exactly the chosen actor, there is nothing left to choose.
    return found.length === 1 && found[0]!.id === chosen?.id ? [] : found;
  }, [actors, query, chosen]);
  return (
    <div className={styles.field}>
      <label htmlFor={f.id}>
        {label}
      </label>
      <input
        {...f.a11y}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={`${listId}-hits`}
        aria-autocomplete="list"
        list={listId}
        autoComplete="off"
        value={query}
        onChange={(e) => {
          const v = e.target.value;
          setQuery(v);
          const exact = findActors([...actors], v);
          // A unique match (or an exact name picked from the list) chooses the actor; otherwise nothing is chosen yet.
          f.set(exact.length === 1 && namesOf(exact[0]!).some((n) => n.toLowerCase() === v.trim().toLowerCase()) ? exact[0]!.id : "");
        }}
      />
      <datalist id={listId}>
        {suggestions.map(({ n, a }) => (
          <option key={`${a.id}:${n}`} value={n} />
        ))}
      </datalist>
      {hits.length > 0 && (
        <ul className={styles.hits} id={`${listId}-hits`} aria-label={`Actors matching “${query}”`}>
          {hits.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className={styles.hit}
                onClick={() => {
                  f.set(a.id);
                  setQuery(a.name);
                }}
              >
                {a.name}
                {a.short && a.short !== a.name ? ` (${a.short})` : ""}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className={styles.hint} aria-live="polite">
        {chosen ? `Chosen: ${chosen.name} (${chosen.id})` : query.trim() ? "No actor chosen yet: pick one of the matches." : ""}
      </p>
      <ErrorText path={path} />
    </div>
  );
}
