"use client";

/**
 * "Edit" beside a source or a place inside a panel (they have no panel of their own): the form opens
 * in a dialog. Editors only; nothing is drawn for anyone else.
 */
import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import type { EntryKind } from "@/lib/api/write-client";
import { EntryEditor } from "./EntryEditor";
import { useCanEdit } from "./session";
import styles from "./editing.module.css";

export function EditEntryButton({ kind, id, label }: { kind: EntryKind; id: string; label: string }) {
  const editor = useCanEdit();
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  if (!editor) return null;
  return (
    <>
      <button type="button" className={styles.linkButton} onClick={() => setOpen(true)}>
        {label}
      </button>
      {/* In the body: the button sits inside a paragraph, where a dialog may not. */}
      {createPortal(
      <dialog ref={dialog} className={styles.dialog} onClose={() => setOpen(false)} aria-label={label}>
        {open && <EntryEditor kind={kind} id={id} onSaved={() => setOpen(false)} onCancel={() => setOpen(false)} onDeleted={() => setOpen(false)} />}
      </dialog>,
        document.body,
      )}
    </>
  );
}
