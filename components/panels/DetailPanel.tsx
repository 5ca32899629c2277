"use client";

import { useCallback, useEffect, useId, useRef, useState, type Ref } from "react";
import { ApiError, api } from "@/lib/api/client";
import type { ApiActor, ApiActorDetail, ApiEvent, ApiRelationship } from "@/lib/api/types";
import type { Window } from "@/lib/model/dates";
import type { Selection, SelectionKind } from "@/lib/view/state";
import { EditBar } from "@/components/editing/EditBar";
import { PanelEditing, type PanelMode } from "@/components/editing/PanelEditing";
import { useDatasetChange } from "@/components/editing/session";
import { ActorPanel } from "./ActorPanel";
import { EventPanel } from "./EventPanel";
import { RelationshipPanel, type ActorIndex } from "./RelationshipPanel";
import styles from "./panels.module.css";

export interface DetailPanelProps {
  selection: Selection;
  /** Ids of the relationships drawn in the graph right now (current date and mode, before filters). */
  presentRelationshipIds: ReadonlySet<string>;
  /** How the current view's date reads: "2009", "August 2009", "up to 2009", "2004 to 2009". */
  dateLabel: string;
  /** The view's window: names are given as they were in it. */
  viewWindow?: Window | null;
  focusedActorId: string | null;
  onSelect(selection: Selection): void;
  /** Show only this actor's neighbourhood (null clears focus). */
  onFocus(actorId: string | null): void;
  onChains?(actorId: string): void;
  /** Move the time slider to a date written YYYY or YYYY-MM. */
  onJumpTo(date: string): void;
  onClose(): void;
  /** Optional: the panel's heading, for the parent to focus when the panel opens. */
  headingRef?: Ref<HTMLHeadingElement>;
}

type Loaded =
  | { kind: "actor"; id: string; actor: ApiActorDetail; actors: ActorIndex | null }
  | { kind: "relationship"; id: string; relationship: ApiRelationship; actors: ActorIndex | null }
  | { kind: "event"; id: string; event: ApiEvent; actors: ActorIndex | null };

type LoadState =
  | { key: string; status: "ready"; data: Loaded }
  | { key: string; status: "missing" }
  | { key: string; status: "failed"; message: string };

const KIND_WORDS: Record<SelectionKind, string> = { actor: "Actor", relationship: "Relationship", event: "Event" };

/**
 * The actor list only serves to name actors as they were called at a date; without it the panel
 * still works with their present names, so its failure must not fail the panel.
 */
function actorIndex(): Promise<ActorIndex | null> {
  return api.actors().then(
    (list) => new Map<string, ApiActor>(list.map((a) => [a.id, a])),
    () => null,
  );
}

async function load({ kind, id }: Selection): Promise<Loaded> {
  if (kind === "actor") {
    const [actor, actors] = await Promise.all([api.actor(id), actorIndex()]);
    return { kind, id, actor, actors };
  }
  if (kind === "relationship") {
    const [relationship, actors] = await Promise.all([api.relationship(id), actorIndex()]);
    return { kind, id, relationship, actors };
  }
  const [event, actors] = await Promise.all([api.event(id), actorIndex()]);
  return { kind, id, event, actors };
}

function failureMessage(err: unknown): string {
  if (err instanceof ApiError) return `The server could not answer (status ${err.status}).`;
  return "The server could not be reached.";
}

function assignRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === "function") ref(value);
  else if (ref) ref.current = value;
}

/**
 * The evidence behind whatever is selected in the graph: fetches it and shows the matching panel.
 * Navigation inside the panel (an actor named in a relationship, an event it cites) goes through
 * onSelect, so the URL and the graph's highlight follow the reader.
 */
export function DetailPanel({
  selection,
  presentRelationshipIds,
  dateLabel,
  viewWindow = null,
  focusedActorId,
  onSelect,
  onFocus,
  onChains,
  onJumpTo,
  onClose,
  headingRef,
}: DetailPanelProps) {
  const headingId = useId();
  const ownHeading = useRef<HTMLHeadingElement | null>(null);
  const setHeading = useCallback(
    (el: HTMLHeadingElement | null) => {
      ownHeading.current = el;
      assignRef(headingRef, el);
    },
    [headingRef],
  );
  const focusHeading = useCallback(() => ownHeading.current?.focus(), []);

  const key = `${selection.kind}:${selection.id}`;
  const [state, setState] = useState<LoadState | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    load({ kind: selection.kind, id: selection.id }).then(
      (data) => live && setState({ key, status: "ready", data }),
      (err: unknown) => {
        if (!live) return;
        // A malformed id (400) is as unknown to the reader as a missing one (404).
        if (err instanceof ApiError && (err.status === 404 || err.status === 400)) setState({ key, status: "missing" });
        else setState({ key, status: "failed", message: failureMessage(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [key, selection.kind, selection.id, attempt]);

  // An editor's write (here or in another panel) may change what this panel shows: read it again.
  const [mode, setMode] = useState<PanelMode>("view");
  useDatasetChange(useCallback(() => setAttempt((n) => n + 1), []));

  const current = state?.key === key ? state : null;

  // A link followed inside the panel replaces the button that had focus; without this, focus would
  // fall back to the page's start. Selections made in the graph leave focus where the parent put it.
  const pendingFocus = useRef<string | null>(null);
  const select = useCallback(
    (next: Selection) => {
      const nextKey = `${next.kind}:${next.id}`;
      pendingFocus.current = nextKey === key ? null : nextKey;
      onSelect(next);
    },
    [key, onSelect],
  );
  useEffect(() => {
    if (current && pendingFocus.current === current.key) {
      pendingFocus.current = null;
      ownHeading.current?.focus();
    }
  }, [current]);

  const heading = { id: headingId, ref: setHeading };
  const data = current?.status === "ready" ? current.data : null;

  return (
    <section
      className={styles.panel}
      aria-labelledby={headingId}
      aria-busy={current === null}
      data-testid="detail-panel"
      data-kind={data?.kind}
      data-id={data?.id}
    >
      <div className={styles.topBar}>
        <span className={styles.eyebrow}>{KIND_WORDS[selection.kind]}</span>
        <button type="button" className={styles.close} aria-label="Close details" onClick={onClose} data-panel-close>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {data && mode === "view" && (
        <EditBar
          noun={selection.kind}
          onEdit={() => setMode("edit")}
          onHistory={() => setMode("history")}
          onAddRelationship={selection.kind === "actor" ? () => setMode("add-relationship") : undefined}
        />
      )}

      {current === null && (
        <>
          <h2 id={headingId} ref={setHeading} tabIndex={-1} className={styles.heading}>
            <span className={styles.loading}>Loading…</span>
          </h2>
        </>
      )}

      {current?.status === "missing" && mode === "view" && (
        <div role="alert">
          <h2 id={headingId} ref={setHeading} tabIndex={-1} className={styles.heading}>
            Not found
          </h2>
          <p>
            There is no {selection.kind} with the id <code className={styles.code}>{selection.id}</code> in the dataset. The link may be
            out of date.
          </p>
          {/* A deleted entry keeps its history, and an editor restores it from there. */}
          <p className={styles.actions}>
            <button type="button" className={styles.action} onClick={() => setMode("history")}>
              History
            </button>
          </p>
        </div>
      )}

      {current?.status === "failed" && (
        <div role="alert">
          <h2 id={headingId} ref={setHeading} tabIndex={-1} className={styles.heading}>
            Could not load this {selection.kind}
          </h2>
          <p>{current.message}</p>
          <p className={styles.actions}>
            <button
              type="button"
              className={styles.action}
              onClick={() => {
                setState(null);
                setAttempt((n) => n + 1);
              }}
            >
              Try again
            </button>
          </p>
        </div>
      )}

      {(data || current?.status === "missing") && mode !== "view" && (
        <PanelEditing
          mode={mode}
          selection={selection}
          onDone={() => {
            setMode("view");
            focusHeading();
          }}
          onSelect={(sel) => {
            setMode("view");
            select(sel);
          }}
          onDeleted={onClose}
        />
      )}
      {mode === "view" && data?.kind === "actor" && (
        <ActorPanel
          actor={data.actor}
          actors={data.actors}
          viewWindow={viewWindow}
          heading={heading}
          presentRelationshipIds={presentRelationshipIds}
          dateLabel={dateLabel}
          focused={focusedActorId === data.actor.id}
          onSelect={select}
          onFocus={onFocus}
          onChains={onChains}
        />
      )}
      {mode === "view" && data?.kind === "relationship" && (
        <RelationshipPanel
          relationship={data.relationship}
          actors={data.actors}
          viewWindow={viewWindow}
          heading={heading}
          present={presentRelationshipIds.has(data.relationship.id)}
          dateLabel={dateLabel}
          onSelect={select}
          onJumpTo={onJumpTo}
          focusHeading={focusHeading}
        />
      )}
      {mode === "view" && data?.kind === "event" && <EventPanel event={data.event} actors={data.actors} heading={heading} onSelect={select} onJumpTo={onJumpTo} />}
    </section>
  );
}
