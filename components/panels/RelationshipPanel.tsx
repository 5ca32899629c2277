"use client";

import { useEffect, useId, useState, type ReactNode, type Ref } from "react";
import { actorNameIn, tieWindow } from "@/lib/model/actor-names";
import { api } from "@/lib/api/client";
import type { ApiActor, ApiActorRef, ApiDateBound, ApiEvent, ApiPlace, ApiRelationship } from "@/lib/api/types";
import { atPrecision, formatPartialDate, periodOf, type Window } from "@/lib/model/dates";
import type { Selection } from "@/lib/view/state";
import { CERTAINTIES, CERTAINTY_LABELS, POLARITIES, RELATIONSHIP_TYPES, type Certainty, type Polarity } from "@/lib/model/vocabulary";
import { EditEntryButton } from "@/components/editing/EditEntryButton";
import { CitationList } from "./CitationList";
import styles from "./panels.module.css";

// ---- Shared by the panels ---------------------------------------------------------------------

/** What DetailPanel hands each panel so the heading it renders is the one the section is named by. */
export interface PanelHeading {
  id: string;
  ref: Ref<HTMLHeadingElement>;
}

/** Every actor by id, for naming one as it was called at a date; null when the list could not load. */
export type ActorIndex = ReadonlyMap<string, ApiActor>;

/** The slider date that shows a bound: the slider moves by years or months, never days. */
export function sliderDateOf(bound: ApiDateBound): string {
  return atPrecision(bound.date, bound.precision === "year" ? "year" : "month");
}

/**
 * The name an actor went by at a date, by the same rule as the graph's labels, so "Islamic State"
 * reads "al-Qaeda in Iraq" on a 2003 relationship as it does on the 2003 graph.
 */
export function nameAsOf(ref: ApiActorRef, actors: ActorIndex | null, date: string | Window | null): string {
  const actor = actors?.get(ref.id);
  if (!actor || !date) return ref.name;
  return actorNameIn(actor, typeof date === "string" ? periodOf(date) : date).name;
}

/** How a window reads in "Named as in …": "2009", "2003 to 2007", "up to 2014". */
export function windowWords(w: Window): string {
  const y = (d: string) => d.slice(0, 4);
  if (w.first && w.last) return y(w.first) === y(w.last) ? y(w.first) : `${y(w.first)} to ${y(w.last)}`;
  if (w.last) return `up to ${y(w.last)}`;
  return w.first ? `from ${y(w.first)}` : "any date";
}

/** The dated name, with the actor's own name after it when they differ so the two can be matched. */
export function ActorName({ actor, shown }: { actor: ApiActorRef; shown: string }) {
  return (
    <>
      {shown}
      {shown !== actor.name && <span className={styles.aka}> ({actor.name})</span>}
    </>
  );
}

const EMPTY = new Map<never, never>();

/**
 * Fetches the items a panel links to (an event's title, a relationship's ends) so links read as
 * words rather than ids. Failures are left out: the link then falls back to the id.
 */
export function useResolved<T>(ids: readonly string[], load: (id: string) => Promise<T>): ReadonlyMap<string, T> {
  const key = ids.join("\n");
  const [state, setState] = useState<{ key: string; map: ReadonlyMap<string, T> }>({ key: "", map: EMPTY });
  useEffect(() => {
    if (key === "") return;
    let live = true;
    const list = key.split("\n");
    void Promise.allSettled(list.map((id) => load(id))).then((results) => {
      if (!live) return;
      const map = new Map<string, T>();
      results.forEach((r, i) => {
        const id = list[i];
        if (r.status === "fulfilled" && id !== undefined) map.set(id, r.value);
      });
      setState({ key, map });
    });
    return () => {
      live = false;
    };
    // `load` is one of the module-level api functions, stable for the page's life; the ids are all in `key`.
  }, [key]);
  return state.key === key ? state.map : EMPTY;
}

/** The explanation without its leading "Contested:", which the badge beside it already says. */
function certaintyExplanation(c: Certainty): string {
  return CERTAINTIES[c].replace(/^[^:]+:\s*/, "");
}


export function CertaintyBadge({ certainty }: { certainty: Certainty }) {
  return (
    <span className={`${styles.badge} ${styles[`certainty-${certainty}`] ?? ""}`} data-certainty={certainty}>
      {certainty === "contested" && (
        <span aria-hidden="true" className={styles.badgeMark}>
          ?
        </span>
      )}
      {CERTAINTY_LABELS[certainty]}
    </span>
  );
}

export function CertaintyFact({ certainty }: { certainty: Certainty }) {
  return (
    <>
      <dt>Certainty</dt>
      <dd>
        <CertaintyBadge certainty={certainty} /> <span className={styles.explain}>{certaintyExplanation(certainty)}</span>
      </dd>
    </>
  );
}

export function PolarityLabel({ polarity }: { polarity: Polarity }) {
  return (
    <span className={styles.polarity}>
      <span aria-hidden="true" className={`${styles.dot} ${styles[`polarity-${polarity}`] ?? ""}`} />
      {POLARITIES[polarity]}
    </span>
  );
}

const PRECISION_WORDS = { year: "year", month: "month", day: "day" } as const;

/** A bound with its precision spelled out, because "2003" alone hides that it means the whole year. */
function BoundText({ bound, missing }: { bound: ApiDateBound | null; missing: string }) {
  if (!bound) return <span className={styles.muted}>{missing}</span>;
  return (
    <>
      {bound.label} <span className={styles.muted}>({PRECISION_WORDS[bound.precision]})</span>
    </>
  );
}

export function DateFacts({
  label,
  start,
  end,
  endMissing,
}: {
  label: string;
  start: ApiDateBound | null;
  end: ApiDateBound | null;
  /** How a missing end reads: "open" for a relationship; an event without one is a one-off. */
  endMissing: string | null;
}) {
  return (
    <>
      <dt>When</dt>
      <dd>{label}</dd>
      <dt>Start</dt>
      <dd>
        <BoundText bound={start} missing="open" />
      </dd>
      {(end || endMissing !== null) && (
        <>
          <dt>End</dt>
          <dd>
            <BoundText bound={end} missing={endMissing ?? ""} />
          </dd>
        </>
      )}
    </>
  );
}

export function PlaceText({ place }: { place: ApiPlace }) {
  return (
    <>
      {place.name}
      {place.country && place.country !== place.name && <span className={styles.muted}>, {place.country}</span>}
      {place.description && <span className={styles.placeNote}>{place.description}</span>}
      <EditEntryButton kind="places" id={place.id} label="Edit place" />
    </>
  );
}

/** The dataset's two kinds of aside: where a date comes from, and where the editors differ from the article. */
export function Notes({ dateNote, note }: { dateNote: string | null; note: string | null }) {
  if (!dateNote && !note) return null;
  return (
    <div className={styles.notes}>
      {dateNote && (
        <div className={styles.note}>
          <h3 className={styles.noteHeading}>About the dates</h3>
          <p>{dateNote}</p>
        </div>
      )}
      {note && (
        <div className={`${styles.note} ${styles.editorsNote}`}>
          <h3 className={styles.noteHeading}>Editors&apos; note</h3>
          <p>{note}</p>
        </div>
      )}
    </div>
  );
}

export function Section({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <div className={styles.block}>
      <h3 className={styles.subheading}>
        {title}
        {extra}
      </h3>
      {children}
    </div>
  );
}

// ---- The relationship panel -------------------------------------------------------------------

export interface RelationshipPanelProps {
  relationship: ApiRelationship;
  actors: ActorIndex | null;
  /** The view's window: the ends are named as they were in the part of it where the tie held. */
  viewWindow?: Window | null;
  heading: PanelHeading;
  /** Whether the graph draws it at the current date and mode. */
  present: boolean;
  dateLabel: string;
  onSelect(selection: Selection): void;
  onJumpTo(date: string): void;
  /** After a jump the "not drawn" note goes away; focus moves to the heading rather than being lost. */
  focusHeading(): void;
}

export function RelationshipPanel({ relationship: r, actors, viewWindow = null, heading, present, dateLabel, onSelect, onJumpTo, focusHeading }: RelationshipPanelProps) {
  const citationsId = useId();
  const type = RELATIONSHIP_TYPES[r.type];
  const events = useResolved<ApiEvent>(r.events, api.event);
  const written = r.start?.date ?? r.end?.date ?? null;
  const when: Window | null = viewWindow ? tieWindow(r.span, viewWindow) : written ? periodOf(written) : null;
  const fromName = nameAsOf(r.from, actors, when);
  const toName = nameAsOf(r.to, actors, when);
  const renamed = [
    { ref: r.from, shown: fromName },
    { ref: r.to, shown: toName },
  ].filter((n) => n.shown !== n.ref.name);
  const jumpBound = r.start ?? r.end;
  const jumpDate = jumpBound ? sliderDateOf(jumpBound) : null;

  return (
    <>
      <h2 id={heading.id} ref={heading.ref} tabIndex={-1} className={styles.heading}>
        <button type="button" className={styles.headingLink} onClick={() => onSelect({ kind: "actor", id: r.from.id })}>
          {fromName}
        </button>{" "}
        <span aria-hidden="true" className={styles.arrow}>
          →
        </span>
        <span className={styles.srOnly}> to </span>{" "}
        <button type="button" className={styles.headingLink} onClick={() => onSelect({ kind: "actor", id: r.to.id })}>
          {toName}
        </button>
      </h2>
      <p className={styles.subtitle}>
        {type.label} · <PolarityLabel polarity={r.polarity} />
        {r.certainty !== "documented" && (
          <>
            {" "}
            · <CertaintyBadge certainty={r.certainty} />
          </>
        )}
      </p>
      {renamed.length > 0 && when && (
        <p className={styles.small}>
          Named as in {windowWords(when)}:{" "}
          {renamed.map((n, i) => (
            <span key={n.ref.id}>
              {i > 0 && "; "}
              {n.shown} is the actor {n.ref.name}
            </span>
          ))}
          .
        </p>
      )}

      {!present && (
        <div className={styles.callout} data-testid="not-drawn">
          <p>
            Not drawn for {dateLabel}: it runs {r.dateLabel}.
          </p>
          {jumpDate && (
            <button
              type="button"
              className={styles.action}
              onClick={() => {
                onJumpTo(jumpDate);
                focusHeading();
              }}
            >
              Show it at {formatPartialDate(jumpDate)}
            </button>
          )}
        </div>
      )}

      <p className={styles.lead}>{r.summary}</p>

      <dl className={styles.facts}>
        <dt>Type</dt>
        <dd>
          {type.label}
          <span className={styles.explain}>{type.description}</span>
        </dd>
        <dt>Polarity</dt>
        <dd>
          <PolarityLabel polarity={r.polarity} />
          {r.polarity !== type.polarity && (
            <span className={styles.explain}>The type is usually {POLARITIES[type.polarity].toLowerCase()}; the sources call for {POLARITIES[r.polarity].toLowerCase()} here.</span>
          )}
        </dd>
        <DateFacts label={r.dateLabel} start={r.start} end={r.end} endMissing="open" />
        <CertaintyFact certainty={r.certainty} />
        {r.places.length > 0 && (
          <>
            <dt>{r.places.length === 1 ? "Place" : "Places"}</dt>
            <dd>
              <ul className={styles.plainList}>
                {r.places.map((p) => (
                  <li key={p.id}>
                    <PlaceText place={p} />
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>

      <Notes dateNote={r.dateNote} note={r.note} />

      {r.events.length > 0 && (
        <Section title="Related events">
          <ul className={styles.itemList}>
            {r.events.map((id) => {
              const e = events.get(id);
              return (
                <li key={id}>
                  <button type="button" className={styles.item} onClick={() => onSelect({ kind: "event", id })}>
                    <span className={styles.itemTitle}>{e ? e.title : id}</span>
                    {e && <span className={styles.itemMeta}>{e.dateLabel}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </Section>
      )}

      <CitationList citations={r.citations} headingId={citationsId} />
    </>
  );
}
