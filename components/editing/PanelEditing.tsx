"use client";

/**
 * What an evidence panel shows instead of its evidence while its entry is edited, its history read,
 * or a relationship added from its actor. DetailPanel holds the mode; this renders it.
 */
import type { Selection, SelectionKind } from "@/lib/view/state";
import type { EntryKind } from "@/lib/api/write-client";
import { EntryEditor } from "./EntryEditor";
import { HistoryPanel } from "./HistoryPanel";

export type PanelMode = "view" | "edit" | "history" | "add-relationship";

export const ROUTE_OF: Record<SelectionKind, EntryKind> = { actor: "actors", relationship: "relationships", event: "events" };

export function PanelEditing({
  mode,
  selection,
  onDone,
  onSelect,
  onDeleted,
}: {
  mode: Exclude<PanelMode, "view">;
  selection: Selection;
  /** Back to the evidence (reloaded if something was saved). */
  onDone(): void;
  onSelect(selection: Selection): void;
  onDeleted(): void;
}) {
  const kind = ROUTE_OF[selection.kind];
  if (mode === "history") return <HistoryPanel kind={kind} id={selection.id} entity={`${selection.kind}:${selection.id}`} onClose={onDone} />;
  if (mode === "add-relationship") {
    return (
      <EntryEditor
        kind="relationships"
        seed={{ from: selection.id }}
        onSaved={(id) => onSelect({ kind: "relationship", id })}
        onCancel={onDone}
      />
    );
  }
  return <EntryEditor kind={kind} id={selection.id} onSaved={onDone} onCancel={onDone} onDeleted={onDeleted} />;
}
