"use client";

import { useState } from "react";
import type { ApiSource } from "@/lib/api/types";
import { useForm, ListField, SelectField, TextField } from "./form-kit";
import { EntryEditor } from "./EntryEditor";
import styles from "./editing.module.css";

/**
 * The works an entry rests on: each citation picks a source (or makes a new one without leaving the
 * form), with pages, what the source supports, and optionally the quoted passage and its address.
 */
export function CitationsField({ sources, onSourceCreated }: { sources: readonly ApiSource[]; onSourceCreated(id: string): void }) {
  const { set } = useForm();
  const [newFor, setNewFor] = useState<string | null>(null);
  const choices = sources.map((s) => ({ value: s.id, label: `${s.citedAs}: ${s.title}`.slice(0, 120) }));
  return (
    <ListField path="citations" legend="Citations" addLabel="Add a citation" itemLegend={(i) => `Citation ${i + 1}`} newItem={() => ({ source: "", pages: "", note: "" })}>
      {(p) => (
        <>
          <SelectField path={`${p}.source`} label="Source" choices={choices} empty="Choose a source…" required />
          {newFor === p ? (
            <div className={styles.nested}>
              <EntryEditor
                kind="sources"
                embedded
                onSaved={(id) => {
                  setNewFor(null);
                  onSourceCreated(id);
                  set(`${p}.source`, id);
                }}
                onCancel={() => setNewFor(null)}
              />
            </div>
          ) : (
            <button type="button" className={styles.secondary} onClick={() => setNewFor(p)}>
              New source…
            </button>
          )}
          <TextField path={`${p}.pages`} label="Pages" hint="As the work gives them: 20 or 20-21." />
          <TextField path={`${p}.note`} label="What this source supports" multiline required />
          <TextField path={`${p}.quote`} label="Quoted passage (optional)" multiline />
          <TextField path={`${p}.url`} label="Address of the passage (optional)" hint="http:// or https://" />
        </>
      )}
    </ListField>
  );
}
