"use client";

/**
 * What the graph shows at this date, in words: the events and the relationships drawn, each one
 * a button that opens its evidence. It is also how keyboard and screen-reader users reach edges.
 * A large view lists its first LIST_LIMIT relationships (and as many of those ended since the last
 * step) and points to the table for the rest: tens of thousands of list items would cost more on
 * every step than the drawing itself. Only the listed ones are put in order (lib/view/first-sorted.ts),
 * and the list is kept between renders, since a hover re-renders this panel.
 */
import { useMemo } from "react";
import type { ApiGraph } from "@/lib/api/types";
import type { GraphView } from "@/lib/graph/view";
import type { StepChanges } from "@/lib/graph/step-changes";
import { formatDate } from "@/lib/view/state";
import type { Selection } from "@/lib/view/state";
import { RELATIONSHIP_TYPES } from "@/lib/model/vocabulary";
import { firstSorted } from "@/lib/view/first-sorted";
import styles from "./DateOverview.module.css";

/**
 * Relationships listed at most; the table view lists every one. 100 rather than 300: at 10,000
 * relationships a step replaces most rows of both lists, and 600 rows rendered, created and
 * laid out cost a step about as much as drawing the graph, for more than anyone reads in a side panel.
 */
export const LIST_LIMIT = 100;

const collator = new Intl.Collator(undefined);

interface Props {
  heading: string;
  graph: ApiGraph;
  view: GraphView;
  /** Set when a focus is on: the actor's name. */
  focusName: string | null;
  /** What changed since the slider's previous step, and the step in words (null without step marks). */
  changes?: StepChanges | null;
  changeLine?: string | null;
  /** What the pointer or keyboard is on, in the graph or here: its rows are highlighted, and pointing at a row says so. */
  hovered?: Selection | null;
  onHover?(hovered: Selection | null): void;
  onSelect(selection: Selection): void;
  onClearFocus(): void;
  /** A tie's end named while the tie held (an ended tie keeps its old names); the graph's label otherwise. */
  endName?(span: { first: string | null; last: string | null }, id: string): string;
}

export function DateOverview({ heading, graph, view, focusName, changes = null, changeLine = null, hovered = null, onHover, onSelect, onClearFocus, endName }: Props) {
  const label = (id: string) => view.nodes.get(id)?.label ?? id;
  const end = (e: { first: string | null; last: string | null }, id: string) => (endName ? endName(e, id) : label(id));
  const began = new Set(changes?.began ?? []);
  const lit = (e: { data: { id: string; source: string; target: string } }) =>
    hovered?.kind === "relationship" ? hovered.id === e.data.id : hovered?.kind === "actor" ? hovered.id === e.data.source || hovered.id === e.data.target : false;
  const point = (id: string) => ({
    onMouseEnter: () => onHover?.({ kind: "relationship", id }),
    onMouseLeave: () => onHover?.(null),
  });
  const focusRow = (id: string) => ({
    onFocus: () => onHover?.({ kind: "relationship", id }),
    onBlur: () => onHover?.(null),
  });
  const endedSince = useMemo(() => (changes?.ended ?? []).map((id) => view.edges.get(id)).filter((e) => !!e), [changes, view]);
  const endedListed = endedSince.length > LIST_LIMIT ? endedSince.slice(0, LIST_LIMIT) : endedSince;
  const ended = useMemo(() => new Set(view.endedEdges), [view]);
  const { listed, drawnCount } = useMemo(() => {
    const shown = new Set(view.shownEdges);
    const name = (id: string) => view.nodes.get(id)?.label ?? id;
    const drawn = graph.elements.edges.filter((e) => shown.has(e.data.id));
    const byName = (a: (typeof drawn)[number], b: (typeof drawn)[number]) =>
      collator.compare(name(a.data.source), name(b.data.source)) || collator.compare(name(a.data.target), name(b.data.target));
    return { listed: firstSorted(drawn, LIST_LIMIT, byName), drawnCount: drawn.length };
  }, [graph, view]);
  const hidden = graph.elements.edges.length - drawnCount;

  return (
    <section className={styles.overview} aria-labelledby="overview-heading" data-testid="date-overview">
      <h2 id="overview-heading" tabIndex={-1}>
        {heading}
      </h2>
      <p className={styles.counts} data-testid="view-counts">
        <strong>{view.shownNodes.length}</strong> actors, <strong>{drawnCount}</strong> relationships
        {ended.size ? <> ({ended.size} ended)</> : null}
        {hidden ? <span className={styles.muted}> · {hidden} hidden by filters or focus</span> : null}
      </p>
      {changeLine ? (
        <p className={styles.stepLine} data-testid="step-line">
          {changeLine}
        </p>
      ) : null}
      {focusName ? (
        <p className={styles.notice}>
          {view.focusMissing ? <>{focusName} is not in the network at this date; showing everyone. </> : <>Showing {focusName} and its neighbours. </>}
          <button type="button" className={styles.link} onClick={onClearFocus}>
            Show everyone
          </button>
        </p>
      ) : null}

      <h3>Events</h3>
      {graph.events.length ? (
        <ul className={styles.list}>
          {graph.events.map((ev) => (
            <li key={ev.id}>
              <button type="button" className={styles.link} onClick={() => onSelect({ kind: "event", id: ev.id })}>
                {ev.title}
              </button>{" "}
              <span className={styles.muted}>{ev.dateLabel}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>No dated event falls in this period.</p>
      )}

      <h3>Relationships drawn</h3>
      {drawnCount ? (
        <ul className={styles.list} data-testid="drawn-relationships">
          {listed.map((e) => (
            <li
              key={e.data.id}
              data-id={e.data.id}
              data-new={began.has(e.data.id) || undefined}
              data-hovered={lit(e) || undefined}
              className={`${ended.has(e.data.id) ? styles.ended : ""} ${lit(e) ? styles.lit : ""}`}
              {...point(e.data.id)}
            >
              {began.has(e.data.id) ? <span className={styles.newMark}>new</span> : null}
              <button type="button" className={styles.link} onClick={() => onSelect({ kind: "relationship", id: e.data.id })} {...focusRow(e.data.id)}>
                {end(e.data, e.data.source)} → {end(e.data, e.data.target)}
              </button>
              <span className={`${styles.type} ${styles[e.data.polarity] ?? ""}`}>{RELATIONSHIP_TYPES[e.data.type].label}</span>
              <span className={styles.muted}>
                {e.data.dateLabel} · {e.data.certainty}
                {ended.has(e.data.id) ? " · ended" : ""}
                {e.data.possibly && e.data.last ? ` · possibly still holding after ${e.data.last.slice(0, 4)}` : ""}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>Nothing is drawn with these filters.</p>
      )}
      {changes && endedSince.length ? (
        <>
          <h3>Ended since {formatDate(changes.since)}</h3>
          <ul className={styles.list} data-testid="ended-since">
            {endedListed.map((e) => (
              <li key={e.data.id} data-id={e.data.id} data-hovered={lit(e) || undefined} className={`${styles.ended} ${lit(e) ? styles.lit : ""}`} {...point(e.data.id)}>
                <span className={styles.endedMark}>ended</span>
                <button type="button" className={styles.link} onClick={() => onSelect({ kind: "relationship", id: e.data.id })} {...focusRow(e.data.id)}>
                  {label(e.data.source)} → {label(e.data.target)}
                </button>
                <span className={styles.muted}>
                  {RELATIONSHIP_TYPES[e.data.type].label} · {e.data.dateLabel}
                </span>
              </li>
            ))}
          </ul>
          {endedListed.length < endedSince.length ? (
            <p className={styles.muted} data-testid="ended-since-more">
              The first {endedListed.length} of {endedSince.length} that ended are listed here.
            </p>
          ) : null}
        </>
      ) : null}
      {listed.length < drawnCount ? (
        <p className={styles.muted} data-testid="drawn-relationships-more">
          The first {listed.length} of {drawnCount} are listed here; the table view lists every one.
        </p>
      ) : null}
    </section>
  );
}
