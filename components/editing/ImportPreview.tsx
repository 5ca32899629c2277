"use client";

/**
 * The spreadsheet import for editors: choose nodes.csv and edges.csv (and sources.csv), see what would
 * be added, changed and refused (each problem by file, row and column), then import all or nothing.
 * The plan is the CLI's own (lib/dataset/spreadsheet-plan.ts), computed on the server.
 */
import Link from "next/link";
import { useId, useRef, useState, type FormEvent } from "react";
import type { ImportAnswer, ImportPreviewData } from "./import-preview-types";
import { announceDatasetChange, useSession } from "./session";
import styles from "./editing.module.css";

const MAX_ROWS_SHOWN = 200;

export function ImportPreview({ run }: { run(data: FormData): Promise<ImportAnswer> }) {
  const id = useId();
  const session = useSession();
  const form = useRef<HTMLFormElement>(null);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [applied, setApplied] = useState(false);

  if (session.status === "loading") return <p className={styles.muted}>Loading…</p>;
  if (!session.user || (session.user.role !== "editor" && session.user.role !== "admin")) {
    return (
      <p>
        Importing changes the dataset: <Link href="/sign-in?next=/edit/import">sign in</Link> with an editor&apos;s account.
      </p>
    );
  }

  async function go(apply: boolean) {
    if (!form.current) return;
    const data = new FormData(form.current);
    data.set("apply", apply ? "1" : "");
    // Apply exactly what was previewed: refused if the store changed in between.
    if (apply && answer?.ok) data.set("datasetVersion", String(answer.datasetVersion));
    setBusy(true);
    try {
      const a = await run(data);
      setAnswer(a);
      setApplied(a.ok && a.applied);
      if (a.ok && a.applied) announceDatasetChange();
    } catch {
      setAnswer({ ok: false, status: 400, error: "The server could not be reached; nothing was imported." });
    } finally {
      setBusy(false);
    }
  }

  const preview: ImportPreviewData | null = answer?.ok ? answer.preview : null;
  return (
    <div className={styles.form} data-testid="import-preview">
      <form
        ref={form}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void go(false);
        }}
        onChange={() => {
          setAnswer(null);
          setApplied(false);
        }}
      >
        <div className={styles.field}>
          <label htmlFor={`${id}-nodes`}>nodes.csv (actors)</label>
          <input id={`${id}-nodes`} name="nodes" type="file" accept=".csv,text/csv" />
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-edges`}>edges.csv (relationships)</label>
          <input id={`${id}-edges`} name="edges" type="file" accept=".csv,text/csv" />
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-sources`}>sources.csv (optional: new sources the edges cite)</label>
          <input id={`${id}-sources`} name="sources" type="file" accept=".csv,text/csv" />
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-reason`}>Reason for the import</label>
          <input id={`${id}-reason`} name="reason" />
        </div>
        <div className={styles.buttons}>
          <button type="submit" className={styles.secondary} disabled={busy}>
            {busy ? "Reading…" : "Preview"}
          </button>
          {preview && preview.refused.length === 0 && !applied && (
            <button type="button" className={styles.primary} disabled={busy} onClick={() => void go(true)}>
              Import all
            </button>
          )}
        </div>
      </form>

      {answer && !answer.ok && (
        <p className={styles.alert} role="alert">
          {answer.error}
        </p>
      )}
      {applied && (
        <p className={styles.status} role="status">
          Imported. <Link href="/">See the network</Link>.
        </p>
      )}
      {preview && <PreviewSummary preview={preview} />}
    </div>
  );
}

const plural = (n: number, word: string) => (n === 1 ? word : `${word}s`);

function PreviewSummary({ preview }: { preview: ImportPreviewData }) {
  const { added, changed, refused } = preview;
  return (
    <section aria-label="What the import would do" data-testid="import-summary">
      <ul className={styles.counts}>
        <li>
          <strong>{added.actors.length}</strong> {plural(added.actors.length, "actor")}, <strong>{added.relationships.length}</strong>{" "}
          {plural(added.relationships.length, "relationship")} and <strong>{added.sources.length}</strong> {plural(added.sources.length, "source")} added
        </li>
        <li>
          <strong>{changed.length}</strong> {changed.length === 1 ? "entry" : "entries"} changed, <strong>{preview.unchanged}</strong> unchanged
        </li>
        <li>
          <strong data-testid="refused-count">{refused.length}</strong> {plural(refused.length, "problem")}
          {refused.length > 0 && ": nothing will be imported until every one is fixed (all or nothing)"}
        </li>
      </ul>
      {refused.length > 0 && (
        <table className={styles.diff} data-testid="refusals">
          <caption>Problems</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Value</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {refused.slice(0, MAX_ROWS_SHOWN).map((r, i) => (
              <tr key={i}>
                <td>{r.file}</td>
                <td>{r.row ?? "—"}</td>
                <td>{r.column ?? "—"}</td>
                <td>{r.value}</td>
                <td>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {changed.length > 0 && (
        <table className={styles.diff}>
          <caption>Changed</caption>
          <thead>
            <tr>
              <th scope="col">Entry</th>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {changed.slice(0, MAX_ROWS_SHOWN).flatMap((c) =>
              c.fields.map((f, j) => (
                <tr key={`${c.kind}:${c.id}:${f.field}`}>
                  {j === 0 && (
                    <th scope="row" rowSpan={c.fields.length}>
                      {c.kind} {c.id} ({c.file} row {c.row})
                    </th>
                  )}
                  <td>{f.field}</td>
                  <td>
                    <del>{f.before || "—"}</del>
                  </td>
                  <td>
                    <ins>{f.after || "—"}</ins>
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      {added.relationships.length > 0 && (
        <details>
          <summary>Relationships added ({added.relationships.length})</summary>
          <ul>
            {added.relationships.slice(0, MAX_ROWS_SHOWN).map((r) => (
              <li key={r.id}>
                {r.from} → {r.to} ({r.type}) <code>{r.id}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
      {added.actors.length > 0 && (
        <details>
          <summary>Actors added ({added.actors.length})</summary>
          <ul>
            {added.actors.slice(0, MAX_ROWS_SHOWN).map((a) => (
              <li key={a.id}>
                {a.name} <code>{a.id}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
      {preview.ignored.length > 0 && (
        <p className={styles.hint}>Columns not read: {preview.ignored.map((c) => `${c.file} “${c.column}”`).join(", ")}.</p>
      )}
    </section>
  );
}
