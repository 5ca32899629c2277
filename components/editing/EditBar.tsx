"use client";

/** The buttons on an evidence panel: History for everyone, Edit (and, on an actor, a new relationship from it) for editors. */
import { useCanEdit } from "./session";
import styles from "./editing.module.css";

export function EditBar({
  noun,
  onEdit,
  onHistory,
  onAddRelationship,
}: {
  noun: string;
  onEdit(): void;
  onHistory(): void;
  onAddRelationship?: () => void;
}) {
  const editor = useCanEdit();
  return (
    <div className={styles.editBar} role="group" aria-label={`This ${noun}'s record`}>
      {editor && (
        <button type="button" className={styles.secondary} onClick={onEdit}>
          Edit {noun}
        </button>
      )}
      {editor && onAddRelationship && (
        <button type="button" className={styles.secondary} onClick={onAddRelationship}>
          Add a relationship from this actor
        </button>
      )}
      <button type="button" className={styles.secondary} onClick={onHistory}>
        History
      </button>
    </div>
  );
}
