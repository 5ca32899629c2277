"use client";

/**
 * An entry's history: every revision with who, when and why, what changed field by field, and, for
 * an editor, Restore (the entry goes back to that revision's state, as a new revision).
 */
import { useCallback, useEffect, useId, useState } from "react";
import { WriteError, writeApi, type EntryKind, type Revision } from "@/lib/api/write-client";
import { changedFields, describeValue } from "./draft";
import { announceDatasetChange, useCanEdit } from "./session";
import styles from "./editing.module.css";

const ACTION_WORDS: Record<Revision["action"], string> = { create: "Created", update: "Changed", delete: "Deleted", restore: "Restored" };

function when(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : d.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

export function HistoryPanel({ kind, id, entity, onClose }: { kind: EntryKind; id: string; entity: string; onClose(): void }) {
  const headingId = useId();
  const editor = useCanEdit();
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [n, setN] = useState(0);
  const [restoring, setRestoring] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    writeApi.history(entity).then(
      (r) => live && setRevisions(r),
      (e: unknown) => live && setFailed(e instanceof Error ? e.message : "The history could not be loaded."),
    );
    return () => {
      live = false;
    };
  }, [entity, n]);

  const restore = useCallback(
    async (rev: Revision) => {
      if (!reason.trim()) {
        setStatus("Say why you restore this version.");
        return;
      }
      try {
        // The entry's current version guards the restore like any edit. A deleted entry has none, and
        // its newest revision says so: no need to ask for it (and log a 404 in the console).
        const deleted = revisions?.[0]?.action === "delete";
        const version = deleted ? undefined : await writeApi.read(kind, id).then(
          (r) => r.version,
          (e: unknown) => {
            if (e instanceof WriteError && e.status === 404) return undefined;
            throw e;
          },
        );
        await writeApi.restore(rev.id, reason.trim(), version);
        setRestoring(null);
        setReason("");
        setStatus("Restored. The restore is the newest revision below.");
        announceDatasetChange();
        setN((x) => x + 1);
      } catch (e) {
        setStatus(e instanceof Error ? `Not restored: ${e.message}` : "Not restored.");
      }
    },
    [kind, id, reason, revisions],
  );

  return (
    <section className={styles.history} aria-labelledby={headingId} data-testid="history-panel">
      <div className={styles.historyTop}>
        <h3 id={headingId} className={styles.formTitle} tabIndex={-1} ref={(el) => el?.focus()}>
          History
        </h3>
        <button type="button" className={styles.secondary} onClick={onClose}>
          Back to the evidence
        </button>
      </div>
      {status && (
        <p role="status" className={styles.status}>
          {status}
        </p>
      )}
      {failed && <p role="alert">{failed}</p>}
      {!failed && revisions === null && <p className={styles.muted}>Loading the history…</p>}
      {revisions?.length === 0 && <p className={styles.muted}>No change has been made here since the dataset was loaded.</p>}
      <ol className={styles.revisions}>
        {revisions?.map((rev, i) => {
          const fields = changedFields(rev.before, rev.after);
          return (
            <li key={rev.id} className={styles.revision} data-testid="revision" data-action={rev.action}>
              <p className={styles.revisionHead}>
                <strong>{ACTION_WORDS[rev.action]}</strong> by {rev.author.name}
                {rev.author.email ? ` (${rev.author.email})` : ""}, <time dateTime={rev.at}>{when(rev.at)}</time>
                {` · version ${rev.version}`}
              </p>
              <p className={styles.reason}>“{rev.reason}”</p>
              {fields.length > 0 && (
                <table className={styles.diff}>
                  <caption className={styles.visuallyHidden}>What changed</caption>
                  <thead>
                    <tr>
                      <th scope="col">Field</th>
                      <th scope="col">Before</th>
                      <th scope="col">After</th>
                    </tr>
                  </thead>
                  <tbody>
                    {fields.map((f) => (
                      <tr key={f} data-field={f}>
                        <th scope="row">{f}</th>
                        <td>
                          <del>{describeValue(rev.before?.[f])}</del>
                        </td>
                        <td>
                          <ins>{describeValue(rev.after?.[f])}</ins>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {editor && i > 0 && rev.action !== "delete" && (
                restoring === rev.id ? (
                  <div className={styles.restore}>
                    <label htmlFor={`${headingId}-${rev.id}-reason`}>Reason for restoring</label>
                    <input id={`${headingId}-${rev.id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
                    <div className={styles.buttons}>
                      <button type="button" className={styles.primary} onClick={() => void restore(rev)}>
                        Restore this version
                      </button>
                      <button type="button" className={styles.secondary} onClick={() => setRestoring(null)}>
                        Cancel
                      </button>
                    </div>
                  </div>
                ) : (
                  <button type="button" className={styles.secondary} onClick={() => { setRestoring(rev.id); setStatus(null); }}>
                    Restore…
                  </button>
                )
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
