"use client";

import { useId } from "react";
import { api } from "@/lib/api/client";
import type { ApiEvent, ApiRelationship } from "@/lib/api/types";
import { formatPartialDate } from "@/lib/model/dates";
import type { Selection } from "@/lib/view/state";
import { EVENT_KINDS, PARTICIPANT_ROLES, RELATIONSHIP_TYPES } from "@/lib/model/vocabulary";
import { CitationList } from "./CitationList";
import {
  ActorName,
  CertaintyBadge,
  CertaintyFact,
  DateFacts,
  Notes,
  PlaceText,
  Section,
  nameAsOf,
  sliderDateOf,
  useResolved,
  type ActorIndex,
  type PanelHeading,
} from "./RelationshipPanel";
import styles from "./panels.module.css";

export interface EventPanelProps {
  event: ApiEvent;
  actors: ActorIndex | null;
  heading: PanelHeading;
  onSelect(selection: Selection): void;
  onJumpTo(date: string): void;
}

export function EventPanel({ event: e, actors, heading, onSelect, onJumpTo }: EventPanelProps) {
  const citationsId = useId();
  const relationships = useResolved<ApiRelationship>(e.relationships, api.relationship);
  const jumpDate = sliderDateOf(e.start);

  return (
    <>
      <h2 id={heading.id} ref={heading.ref} tabIndex={-1} className={styles.heading}>
        {e.title}
      </h2>
      <p className={styles.subtitle}>
        {EVENT_KINDS[e.kind]} · {e.dateLabel}
        {e.certainty !== "documented" && (
          <>
            {" "}
            · <CertaintyBadge certainty={e.certainty} />
          </>
        )}
      </p>
      <p className={styles.actions}>
        <button type="button" className={styles.action} onClick={() => onJumpTo(jumpDate)}>
          Show it at {formatPartialDate(jumpDate)}
        </button>
      </p>

      <p className={styles.lead}>{e.description}</p>

      <dl className={styles.facts}>
        <DateFacts label={e.dateLabel} start={e.start} end={e.end} endMissing={null} />
        {e.place && (
          <>
            <dt>Place</dt>
            <dd>
              <PlaceText place={e.place} />
            </dd>
          </>
        )}
        <CertaintyFact certainty={e.certainty} />
      </dl>

      <Notes dateNote={e.dateNote} note={e.note} />

      {e.participants.length > 0 && (
        <Section title="Who took part">
          <ul className={styles.itemList}>
            {e.participants.map((p, i) => (
              <li key={`${p.actor.id}-${p.role}-${i}`}>
                <button type="button" className={styles.item} onClick={() => onSelect({ kind: "actor", id: p.actor.id })}>
                  <span className={styles.itemTitle}>
                    <ActorName actor={p.actor} shown={nameAsOf(p.actor, actors, e.start.date)} />
                  </span>
                  <span className={styles.itemMeta}>{PARTICIPANT_ROLES[p.role]}</span>
                </button>
                {p.note && <p className={styles.itemNote}>{p.note}</p>}
              </li>
            ))}
          </ul>
        </Section>
      )}

      {e.relationships.length > 0 && (
        <Section title="Related relationships">
          <ul className={styles.itemList}>
            {e.relationships.map((id) => {
              const r = relationships.get(id);
              return (
                <li key={id}>
                  <button type="button" className={styles.item} onClick={() => onSelect({ kind: "relationship", id })}>
                    {r ? (
                      <>
                        <span className={styles.itemTitle}>
                          {nameAsOf(r.from, actors, e.start.date)} <span aria-hidden="true">→</span>
                          <span className={styles.srOnly}> to </span> {nameAsOf(r.to, actors, e.start.date)}
                        </span>
                        <span className={styles.itemMeta}>
                          {RELATIONSHIP_TYPES[r.type].label} · {r.dateLabel}
                        </span>
                      </>
                    ) : (
                      <span className={styles.itemTitle}>{id}</span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
        </Section>
      )}

      <CitationList citations={e.citations} headingId={citationsId} />
    </>
  );
}
