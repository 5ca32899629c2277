"use client";

/**
 * What changed between two dates: the relationships that appeared, ended, or changed between the
 * same two actors, each with its dates, certainty and sources. The graph marks the same three.
 */
import type { ApiRelationship } from "@/lib/api/types";
import { formatCitations } from "@/lib/model/citations";
import { formatPartialDate, windowOf, type Window } from "@/lib/model/dates";
import { tieWindow } from "@/lib/model/actor-names";
import type { GraphDiff } from "@/lib/graph/analysis/compare";
import { CHANGE_MARKS, type ChangeMark } from "@/lib/graph/style";
import type { Selection } from "@/lib/view/state";
import { RELATIONSHIP_TYPES } from "@/lib/model/vocabulary";
import styles from "./ReadingTools.module.css";
import { YearSelect } from "../timeline/YearSelect";

interface Props {
  base: string;
  date: string;
  /** The years the earlier date may take. */
  years: string[];
  diff: GraphDiff | null;
  relationships: ReadonlyMap<string, ApiRelationship>;
  actorName(id: string): string;
  /** An actor's name in a window: a tie is named at the date it is listed for, within its own dates. */
  nameIn(id: string, w: Window): string;
  onBase(base: string): void;
  onDate(date: string): void;
  onSelect(selection: Selection): void;
}

export function ComparePanel({ base, date, years, diff, relationships, actorName, nameIn, onBase, onDate, onSelect }: Props) {
  const later = base > date;
  // What ended is named as it was at the earlier date, what appeared as at the later one.
  const atBase = { relationships, nameIn, at: windowOf({ at: base }), onSelect };
  const atDate = { relationships, nameIn, at: windowOf({ at: date }), onSelect };
  return (
    <section className={styles.panel} aria-labelledby="compare-heading" data-testid="compare-panel">
      <h2 id="compare-heading" tabIndex={-1}>
        {formatPartialDate(base)} against {formatPartialDate(date)}
      </h2>
      <div className={styles.row}>
        <label className={styles.field}>
          Earlier date
          <YearSelect value={base} years={years} onYear={onBase} testId="compare-base" />
        </label>
        <label className={styles.field}>
          Later date (the slider)
          <YearSelect value={date} years={years} onYear={onDate} testId="compare-date" />
        </label>
      </div>
      {later ? <p className={styles.note}>The first date is after the second: what “appeared” here had in fact ended by the later year.</p> : null}
      <p className={styles.muted}>
        Each date shows what holds at some moment of it. Two relationships between the same actors, one gone and one new, count as a change. The filters apply to both dates.
      </p>
      {!diff ? (
        <p className={styles.muted}>Loading the earlier date…</p>
      ) : (
        <>
          <p data-testid="compare-counts">
            <strong>{diff.added.length}</strong> appeared, <strong>{diff.removed.length}</strong> ended, <strong>{diff.changed.length}</strong> changed,{" "}
            {diff.kept.length} held at both dates.
          </p>
          <MarkHeading mark="added" count={diff.added.length}>
            Appeared
          </MarkHeading>
          <ChangeList ids={diff.added} testId="compare-added" {...atDate} />
          <MarkHeading mark="removed" count={diff.removed.length}>
            Ended
          </MarkHeading>
          <ChangeList ids={diff.removed} testId="compare-removed" {...atBase} />
          <MarkHeading mark="changed" count={diff.changed.length}>
            Changed
          </MarkHeading>
          <ul className={styles.list} data-testid="compare-changed">
            {diff.changed.map((c) => (
              <li key={c.pair.join("|")} className={styles.chain} data-pair={c.pair.join("|")}>
                <strong>
                  {actorName(c.pair[0])} · {actorName(c.pair[1])}
                </strong>
                <p className={styles.muted}>In {formatPartialDate(base)}:</p>
                <ChangeList ids={c.before.map((e) => e.id)} {...atBase} />
                <p className={styles.muted}>In {formatPartialDate(date)}:</p>
                <ChangeList ids={c.after.map((e) => e.id)} {...atDate} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

type ListProps = Pick<Props, "relationships" | "nameIn" | "onSelect"> & { at: Window };

/** Relationships, each with who, what, when, how certain, and on whose word. */
function ChangeList({ ids, testId, ...rest }: { ids: string[]; testId?: string } & ListProps) {
  return (
    <ul className={styles.list} data-testid={testId}>
      {ids.map((id) => (
        <ChangeItem key={id} id={id} {...rest} />
      ))}
    </ul>
  );
}

function ChangeItem({ id, relationships, nameIn, at, onSelect }: { id: string } & ListProps) {
  const r = relationships.get(id);
  if (!r) return <li data-id={id}>{id}</li>;
  const w = tieWindow(r.span, at);
  return (
    <li data-id={id}>
      <button type="button" className={styles.link} onClick={() => onSelect({ kind: "relationship", id })}>
        {nameIn(r.from.id, w)} → {nameIn(r.to.id, w)}: {RELATIONSHIP_TYPES[r.type].label}
      </button>{" "}
      <span className={styles.muted}>
        {r.dateLabel} · {r.certainty}
      </span>
      <span className={styles.cite}>{formatCitations(r.citations)}</span>
    </li>
  );
}

function MarkHeading({ mark, count, children }: { mark: ChangeMark; count: number; children: string }) {
  return (
    <h3>
      <span className={styles.swatch} style={{ background: CHANGE_MARKS[mark].colour }} aria-hidden />
      {children} ({count})
    </h3>
  );
}
