"use client";

import type { ApiActorDetail, ApiRelationship } from "@/lib/api/types";
import { actorNameIn, currentNameIndex, nameHistory, tieWindow } from "@/lib/model/actor-names";
import type { Window } from "@/lib/model/dates";
import type { Selection } from "@/lib/view/state";
import { ACTOR_KINDS, PARTICIPANT_ROLES, RELATIONSHIP_TYPES, type RelationshipType } from "@/lib/model/vocabulary";
import { CertaintyBadge, nameAsOf, Section, windowWords, type ActorIndex, type PanelHeading } from "./RelationshipPanel";
import styles from "./panels.module.css";

export interface ActorPanelProps {
  actor: ApiActorDetail;
  /** Every actor, to name the far ends of its ties as they were then; null when the list could not load. */
  actors?: ActorIndex | null;
  /** The view's window: the title is the name the actor bore in it. */
  viewWindow?: Window | null;
  heading: PanelHeading;
  presentRelationshipIds: ReadonlySet<string>;
  dateLabel: string;
  focused: boolean;
  onSelect(selection: Selection): void;
  onFocus(actorId: string | null): void;
  /** Open the Paths tool with this actor as one end. */
  onChains?(actorId: string): void;
}

/**
 * How a structural link reads from either end. Relationships are directed (`from` acts on `to`), so
 * the member is `from` and the organisation `to`; the successor is `from`.
 */
const STRUCTURAL_PHRASES: Partial<Record<RelationshipType, { outgoing: string; incoming: string }>> = {
  "part-of": { outgoing: "Part of", incoming: "Includes" },
  leadership: { outgoing: "Leader of", incoming: "Led by" },
  membership: { outgoing: "Member of", incoming: "Has member" },
  succession: { outgoing: "Successor of", incoming: "Succeeded by" },
};

/** The far end of a relationship from this actor, and which way it points. */
function otherEnd(r: ApiRelationship, actorId: string) {
  const outgoing = r.from.id === actorId;
  return { outgoing, other: outgoing ? r.to : r.from };
}

/** An undated structural link ("throughout") reads better without a date than with the placeholder. */
const isUndated = (r: ApiRelationship) => r.start === null && r.end === null;

/** The far end named while the tie held within the view (or over its own dates when it does not reach the view). */
function otherName(r: ApiRelationship, other: ApiRelationship["from"], actors: ActorIndex | null, view: Window | null) {
  return nameAsOf(other, actors, view ? tieWindow(r.span, view) : { first: r.span.first, last: r.span.last });
}

function RelationshipItem({ r, actorId, actors, view, onSelect }: { r: ApiRelationship; actorId: string; actors: ActorIndex | null; view: Window | null; onSelect(s: Selection): void }) {
  const { outgoing, other } = otherEnd(r, actorId);
  return (
    <li>
      <button
        type="button"
        className={`${styles.item} ${styles[`edge-${r.polarity}`] ?? ""}`}
        onClick={() => onSelect({ kind: "relationship", id: r.id })}
      >
        <span className={styles.itemTitle}>
          <span aria-hidden="true" className={styles.arrow}>
            {outgoing ? "→" : "←"}
          </span>
          <span className={styles.srOnly}>{outgoing ? "to " : "from "}</span>
          {other.id === actorId ? "itself" : otherName(r, other, actors, view)}
        </span>
        <span className={styles.itemMeta}>
          {RELATIONSHIP_TYPES[r.type].label} · {r.dateLabel}
          {r.certainty !== "documented" && (
            <>
              {" "}
              <CertaintyBadge certainty={r.certainty} />
            </>
          )}
        </span>
      </button>
    </li>
  );
}

export function ActorPanel({ actor, actors = null, viewWindow = null, heading, presentRelationshipIds, dateLabel, focused, onSelect, onFocus, onChains }: ActorPanelProps) {
  const structural = actor.relationships.filter((r) => RELATIONSHIP_TYPES[r.type].structural);
  const present = actor.relationships.filter((r) => presentRelationshipIds.has(r.id));
  // The lineage's names share (nearly) one note on where their dates come from; printed under each
  // name it buries the names, so repeated notes become numbered notes after the list.
  const notes = actor.names.flatMap((n) => (n.note ? [n.note] : []));
  const distinctNotes = [...new Set(notes)];
  const footnotes = distinctNotes.length < notes.length ? distinctNotes : null;
  // The title is the name at the view's date; the names list marks it and says the rest of the lineage.
  const named = viewWindow ? actorNameIn(actor, viewWindow) : { name: actor.name, short: actor.short };
  const current = viewWindow ? currentNameIndex(actor, viewWindow) : -1;
  const history = viewWindow ? nameHistory(actor, viewWindow, windowWords(viewWindow)) : null;
  const itemProps = { actorId: actor.id, actors, view: viewWindow, onSelect };

  return (
    <>
      <h2 id={heading.id} ref={heading.ref} tabIndex={-1} className={styles.heading}>
        {named.name}
        {named.short && named.short !== named.name && <span className={styles.short}> ({named.short})</span>}
      </h2>
      <p className={styles.subtitle}>{ACTOR_KINDS[actor.kind]}</p>
      {history ? (
        <p className={styles.small} data-testid="name-history">
          {history}
          {named.name !== actor.name ? ` · recorded as ${actor.name}` : ""}
        </p>
      ) : null}
      <p className={styles.actions}>
        <button
          type="button"
          className={styles.toggle}
          aria-pressed={focused}
          onClick={() => onFocus(focused ? null : actor.id)}
        >
          Focus on its neighbourhood
        </button>
        {onChains ? (
          <button type="button" className={styles.toggle} onClick={() => onChains(actor.id)} data-testid="chains-from-actor">
            Chains to another actor
          </button>
        ) : null}
      </p>

      <p className={styles.lead}>{actor.description}</p>

      {actor.names.length > 0 && (
        <Section title="Names over time">
          <ul className={styles.plainList}>
            {actor.names.map((n, i) => (
              <li key={`${n.name}-${i}`} className={styles.nameItem} aria-current={i === current ? "true" : undefined} data-current={i === current || undefined}>
                <span className={styles.nameText}>
                  {n.name}
                  {n.short && n.short !== n.name && <span className={styles.short}> ({n.short})</span>}
                </span>{" "}
                {i === current && viewWindow ? <span className={styles.currentName}>at {windowWords(viewWindow)}</span> : null}{" "}
                <span className={styles.itemMeta}>
                  {n.dateLabel}
                  {n.note && footnotes && ` (note ${footnotes.indexOf(n.note) + 1})`}
                </span>
                {n.note && !footnotes && <p className={styles.itemNote}>{n.note}</p>}
              </li>
            ))}
          </ul>
          {footnotes && (
            <ol className={styles.footnotes} aria-label="Notes on the names">
              {footnotes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ol>
          )}
        </Section>
      )}

      {actor.aliases.length > 0 && (
        <Section title="Also called">
          <ul className={styles.inlineList}>
            {actor.aliases.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </Section>
      )}

      {structural.length > 0 && (
        <Section title="Membership">
          <ul className={styles.itemList}>
            {structural.map((r) => {
              const { outgoing, other } = otherEnd(r, actor.id);
              const phrase = STRUCTURAL_PHRASES[r.type];
              const verb = phrase ? (outgoing ? phrase.outgoing : phrase.incoming) : `${RELATIONSHIP_TYPES[r.type].label} ${outgoing ? "→" : "←"}`;
              return (
                <li key={r.id}>
                  <button type="button" className={styles.item} onClick={() => onSelect({ kind: "relationship", id: r.id })}>
                    <span>
                      {verb} <span className={styles.itemTitle}>{otherName(r, other, actors, viewWindow)}</span>
                      {!isUndated(r) && <span className={styles.itemMetaInline}> ({r.dateLabel})</span>}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </Section>
      )}

      <Section title="Relationships in view" extra={<span className={styles.count}> · {dateLabel}</span>}>
        {present.length === 0 ? (
          <p className={styles.muted}>None drawn for {dateLabel}.</p>
        ) : (
          <ul className={styles.itemList} data-testid="relationships-present">
            {present.map((r) => (
              <RelationshipItem key={r.id} r={r} {...itemProps} />
            ))}
          </ul>
        )}
      </Section>

      <Section title="All relationships" extra={<span className={styles.count}> ({actor.relationships.length})</span>}>
        {actor.relationships.length === 0 ? (
          <p className={styles.muted}>None recorded.</p>
        ) : (
          <ul className={styles.itemList} data-testid="relationships-all">
            {actor.relationships.map((r) => (
              <RelationshipItem key={r.id} r={r} {...itemProps} />
            ))}
          </ul>
        )}
      </Section>

      {actor.events.length > 0 && (
        <Section title="Events" extra={<span className={styles.count}> ({actor.events.length})</span>}>
          <ul className={styles.itemList}>
            {actor.events.map((e) => (
              <li key={e.id}>
                <button type="button" className={styles.item} onClick={() => onSelect({ kind: "event", id: e.id })}>
                  <span className={styles.itemTitle}>{e.title}</span>
                  <span className={styles.itemMeta}>
                    {e.dateLabel} · {e.roles.map((role) => PARTICIPANT_ROLES[role]).join(", ")}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}
