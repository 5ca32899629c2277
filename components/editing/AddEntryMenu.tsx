"use client";

/**
 * "Add…" in the top bar, for editors only: a new actor, relationship, event, source or place in a
 * dialog. What the graph can show is selected once saved, so the editor sees it at once.
 */
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import type { EntryKind } from "@/lib/api/write-client";
import type { Selection } from "@/lib/view/state";
import { EntryEditor } from "./EntryEditor";
import { useCanEdit } from "./session";
import styles from "./editing.module.css";

const KINDS: { kind: EntryKind; label: string; selects?: Selection["kind"] }[] = [
  { kind: "actors", label: "Actor", selects: "actor" },
  { kind: "relationships", label: "Relationship", selects: "relationship" },
  { kind: "events", label: "Event", selects: "event" },
  { kind: "sources", label: "Source" },
  { kind: "places", label: "Place" },
];

export function AddEntryMenu({ onSelect }: { onSelect(selection: Selection): void }) {
  const editor = useCanEdit();
  const selectId = useId();
  const [kind, setKind] = useState<EntryKind | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (kind && !d.open) d.showModal();
    if (!kind && d.open) d.close();
  }, [kind]);

  if (!editor) return null;
  return (
    <div className={styles.addMenu}>
      <label htmlFor={selectId} className={styles.visuallyHidden}>
        Add an entry
      </label>
      <select
        id={selectId}
        value=""
        onChange={(e) => {
          if (e.target.value) setKind(e.target.value as EntryKind);
        }}
        data-testid="add-entry"
      >
        <option value="">Add…</option>
        {KINDS.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.label}
          </option>
        ))}
      </select>{" "}
      <Link href="/edit/import" className={styles.signInLink}>
        Import
      </Link>
      <dialog ref={dialog} className={styles.dialog} onClose={() => setKind(null)} aria-label="New entry">
        {kind && (
          <EntryEditor
            key={kind}
            kind={kind}
            onSaved={(id) => {
              const selects = KINDS.find((k) => k.kind === kind)?.selects;
              setKind(null);
              if (selects) onSelect({ kind: selects, id });
            }}
            onCancel={() => setKind(null)}
          />
        )}
      </dialog>
    </div>
  );
}
