"use client";

/**
 * The form for one entry of any kind, new or existing. It validates with the seed files' own schema
 * before sending, shows every problem beside its field (the schema's or the server's 400 `field`),
 * moves focus to the first, and on a 409 (someone saved first) shows both versions to merge.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { WriteError, entitySchemaFor, entityWord, reasonSchema, staleConflict, writeApi, type Entry, type EntryKind } from "@/lib/api/write-client";
import { cleanDraft, fieldFor, issuesToErrors, setAt, type Draft, type FieldErrors } from "./draft";
import { FIELDS, emptyEntry } from "./entry-fields";
import { FormProvider, fieldId } from "./form-kit";
import { MergeView } from "./MergeView";
import { useReferenceLists } from "./reference-lists";
import { announceDatasetChange } from "./session";
import styles from "./editing.module.css";

export interface EntryEditorProps {
  kind: EntryKind;
  /** The entry to edit; absent to create one. */
  id?: string;
  /** A new entry's known fields (a relationship's `from`). */
  seed?: Record<string, unknown>;
  /** Inside another form (a new source inside a relationship's citations): no nested <form>. */
  embedded?: boolean;
  onSaved(id: string): void;
  onCancel(): void;
  onDeleted?(id: string): void;
}

type Loaded = { status: "loading" } | { status: "failed"; message: string } | { status: "ready"; draft: Draft; version: number | null };

const NOUN: Record<EntryKind, string> = { actors: "actor", relationships: "relationship", events: "event", sources: "source", places: "place" };

/** The schema wants `date: null` for an undated source, where the form leaves the box empty. */
function prepare(kind: EntryKind, entity: Record<string, unknown>): Record<string, unknown> {
  if (kind === "sources" && !("date" in entity)) return { ...entity, date: null };
  return entity;
}

function refusal(err: unknown): string {
  if (err instanceof WriteError) {
    if (err.status === 401) return "Your session has ended: sign in again to save.";
    if (err.status === 403) return err.message === "cross-origin request refused" ? "The server refused a request from another site." : "Your account may read but not edit.";
    return err.message;
  }
  return "The server could not be reached; nothing was saved.";
}

export function EntryEditor({ kind, id, seed, embedded, onSaved, onCancel, onDeleted }: EntryEditorProps) {
  const idPrefix = useId().replace(/:/g, "");
  const { lists, failed, reload } = useReferenceLists();
  const [loaded, setLoaded] = useState<Loaded>(() => (id ? { status: "loading" } : { status: "ready", draft: emptyEntry(kind, seed), version: null }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<{ mine: Draft; current: Draft; version: number } | null>(null);
  const [usedBy, setUsedBy] = useState<{ kind: string; id: string; label: string }[] | null>(null);
  const root = useRef<HTMLDivElement & HTMLFormElement>(null);
  const focusPending = useRef(false);

  useEffect(() => {
    if (!id) return;
    let live = true;
    writeApi.read(kind, id).then(
      (r) => live && setLoaded({ status: "ready", draft: r.entry as unknown as Draft, version: r.version }),
      (e: unknown) => live && setLoaded({ status: "failed", message: refusal(e) }),
    );
    return () => {
      live = false;
    };
  }, [kind, id]);

  // Focus goes to the first field with a problem once it is drawn (a screen reader then reads its error).
  useEffect(() => {
    if (!focusPending.current || !root.current) return;
    focusPending.current = false;
    const first = root.current.querySelector<HTMLElement>('[aria-invalid="true"], [data-error-for]');
    if (!first) return;
    const target = first.matches("[data-error-for]")
      ? (first.closest("fieldset")?.querySelector<HTMLElement>("input, select, textarea, button") ?? first)
      : first;
    target.focus();
  }, [errors]);

  // The button that opened the form is gone (the panel now shows the form): focus its heading, so a
  // keyboard or screen reader user lands at the form's start rather than the page's.
  const ready = loaded.status === "ready" && lists !== null;
  useEffect(() => {
    if (!ready || embedded) return;
    const active = document.activeElement;
    if (!active || active === document.body || !root.current?.contains(active)) root.current?.querySelector<HTMLElement>("h3")?.focus();
  }, [ready, embedded]);

  const set = useCallback((path: string, value: unknown) => {
    setLoaded((l) => (l.status === "ready" ? { ...l, draft: setAt(l.draft, path, value) } : l));
  }, []);

  const showErrors = (e: FieldErrors, message: string | null) => {
    focusPending.current = true;
    setErrors(e);
    setGeneral(message);
  };

  /** A server's field path placed on the nearest input the form has (or the form's top). */
  const placeServerError = (err: WriteError) => {
    const path = err.field ?? "";
    const known = (p: string) => !!root.current?.querySelector(`[name="${CSS.escape(p)}"], [data-field="${CSS.escape(p)}"]`);
    const at = path === "version" ? "" : fieldFor(path, known);
    const expected = typeof err.body?.expected === "string" ? ` Expected ${err.body.expected}.` : "";
    if (at) showErrors({ [at]: `${err.message}${expected}` }, "The server refused the change: see the field marked below.");
    else showErrors({}, `${err.message}${expected}`);
  };

  async function save(draft: Draft, version: number | null) {
    const schema = entitySchemaFor(kind);
    const parsed = schema.safeParse(prepare(kind, cleanDraft(draft) as Record<string, unknown>));
    const fieldErrors: FieldErrors = parsed.success ? {} : issuesToErrors(parsed.error);
    const why = reasonSchema.safeParse(reason);
    if (!why.success) fieldErrors.reason = `Say in a few words why you make this change; it is kept in the history (${why.error.issues[0]?.message ?? "a sentence"}).`;
    if (!parsed.success || fieldErrors.reason) {
      const n = Object.keys(fieldErrors).length;
      showErrors(fieldErrors, `${n} ${n === 1 ? "field needs" : "fields need"} attention.`);
      return;
    }
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      const entity = parsed.data as Entry<typeof kind>;
      const saved = version === null ? await writeApi.create(kind, entity, reason.trim()) : await writeApi.update(kind, id!, entity, version, reason.trim());
      announceDatasetChange();
      onSaved((saved.entity as { id: string }).id ?? entity.id);
    } catch (err) {
      const stale = staleConflict(err);
      if (stale) {
        setConflict({ mine: parsed.data as unknown as Draft, current: stale.entity as unknown as Draft, version: stale.version });
      } else if (err instanceof WriteError && (err.status === 400 || (err.status === 409 && err.field === "id"))) {
        placeServerError(err);
      } else {
        showErrors({}, refusal(err));
      }
    } finally {
      setBusy(false);
    }
  }

  async function remove(version: number) {
    if (!reason.trim()) {
      showErrors({ reason: "Say why this entry is deleted; it is kept in the history." }, "A reason is needed to delete.");
      return;
    }
    setBusy(true);
    try {
      await writeApi.remove(kind, id!, version, reason.trim());
      announceDatasetChange();
      onDeleted?.(id!);
    } catch (err) {
      if (err instanceof WriteError && Array.isArray(err.body?.usedBy)) setUsedBy(err.body.usedBy as { kind: string; id: string; label: string }[]);
      else if (staleConflict(err)) showErrors({}, "Someone changed this entry since you opened it: reload it before deleting.");
      else showErrors({}, refusal(err));
    } finally {
      setBusy(false);
    }
  }

  const title = id ? `Edit ${NOUN[kind]}` : `New ${NOUN[kind]}`;
  const headingId = `${idPrefix}-heading`;

  if (loaded.status === "loading" || (!lists && !failed)) return <p className={styles.muted}>Loading the form…</p>;
  if (loaded.status === "failed" || !lists) {
    return (
      <div role="alert">
        <p>{loaded.status === "failed" ? loaded.message : "The lists of actors, sources and places could not be loaded."}</p>
        <button type="button" className={styles.secondary} onClick={onCancel}>
          Close
        </button>
      </div>
    );
  }

  if (conflict) {
    return (
      <MergeView
        noun={NOUN[kind]}
        mine={conflict.mine}
        current={conflict.current}
        onCancel={() => {
          // Start again from what the store holds now.
          setLoaded({ status: "ready", draft: conflict.current, version: conflict.version });
          setConflict(null);
        }}
        onMerge={(merged) => {
          setLoaded({ status: "ready", draft: merged, version: conflict.version });
          setConflict(null);
          void save(merged, conflict.version);
        }}
      />
    );
  }

  const Fields = FIELDS[kind];
  const body = (
    <>
      <h3 id={headingId} className={styles.formTitle} tabIndex={-1}>
        {title}
      </h3>
      {general && (
        <p className={styles.alert} role="alert" data-testid="form-alert">
          {general}
        </p>
      )}
      <FormProvider value={{ draft: loaded.draft, set, errors, idPrefix }}>
        <Fields lists={lists} creating={!id} onListsChanged={reload} />
      </FormProvider>
      <div className={styles.field}>
        <label htmlFor={fieldId(idPrefix, "reason")}>
          Reason for the change
        </label>
        <input
          id={fieldId(idPrefix, "reason")}
          name="reason"
          value={reason}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `${fieldId(idPrefix, "reason")}-error` : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {errors.reason && (
          <p className={styles.error} id={`${fieldId(idPrefix, "reason")}-error`} data-error-for="reason">
            {errors.reason}
          </p>
        )}
      </div>
      {usedBy && (
        <div className={styles.alert} role="alert">
          <p>This {NOUN[kind]} is still used, so it cannot be deleted:</p>
          <ul>
            {usedBy.map((u) => (
              <li key={`${u.kind}:${u.id}`}>
                {u.kind} {u.label}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className={styles.buttons}>
        <button type={embedded ? "button" : "submit"} className={styles.primary} disabled={busy} onClick={embedded ? () => void save(loaded.draft, loaded.version) : undefined}>
          {busy ? "Saving…" : id ? "Save changes" : `Create ${NOUN[kind]}`}
        </button>
        <button type="button" className={styles.secondary} onClick={onCancel}>
          Cancel
        </button>
        {id && loaded.version !== null && onDeleted && (
          <button type="button" className={styles.danger} disabled={busy} onClick={() => void remove(loaded.version!)}>
            Delete {NOUN[kind]}
          </button>
        )}
      </div>
    </>
  );

  const common = { ref: root, className: styles.form, "aria-labelledby": headingId, "data-testid": `entry-form-${entityWord(kind)}` } as const;
  if (embedded) {
    return (
      <div role="group" {...common}>
        {body}
      </div>
    );
  }
  return (
    <form
      {...common}
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void save(loaded.draft, loaded.version);
      }}
    >
      {body}
    </form>
  );
}
