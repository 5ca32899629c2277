"use client";

/**
 * The current graph as tables: every actor and every relationship drawn, sortable by any column
 * and filtered by the words typed. It is the accessible alternative to the canvas, shown in its
 * place when the reader switches to Table; the buttons in it open the same detail panel.
 */
import { useId, useMemo, useState } from "react";
import type { ApiRelationship } from "@/lib/api/types";
import { formatCitations } from "@/lib/model/citations";
import { matchesQuery, nextSort, sortRows, type SortState } from "@/lib/view/table-sort";
import type { Selection } from "@/lib/view/state";
import { ACTOR_KINDS, CERTAINTIES, CERTAINTY_LABELS, POLARITIES, RELATIONSHIP_TYPES, type ActorKind, type Certainty } from "@/lib/model/vocabulary";
import { SortableHeader } from "./SortableHeader";
import styles from "./TableView.module.css";

export interface TableViewActor {
  id: string;
  /** The actor's name as of the date, as the graph labels it. */
  label: string;
  kind: ActorKind;
  /** How many of the drawn relationships it takes part in. */
  relationships: number;
}

export interface TableViewProps {
  /** What the view draws now (already filtered by date, filters and focus). */
  actors: TableViewActor[];
  /** Full records of the drawn relationships, with citations. */
  relationships: ApiRelationship[];
  /** Ids of relationships that have ended by the date (drawn greyed in "up to" mode). */
  ended: ReadonlySet<string>;
  /** "2009", "Up to 2009". */
  heading: string;
  /** Opens the detail panel for an actor or relationship. */
  onSelect(selection: Selection): void;
  /**
   * What an open reading tool says of each relationship (the comparison's "Appeared", a story step's
   * or a chain's "Highlighted"), shown as a column of that title; null when no tool marks any.
   */
  marks?: { title: string; of: ReadonlyMap<string, string> } | null;
  /** A relationship's end named while it held (an ended tie keeps its old names); the graph's label otherwise. */
  endName?(span: ApiRelationship["span"], id: string): string;
}

type ActorKey = "name" | "kind" | "relationships";
type RelationshipKey = "when" | "from" | "type" | "to" | "certainty" | "sources" | "mark";

const ACTOR_NUMERIC = new Set<ActorKey>(["relationships"]);
const DEFAULT_ACTOR_SORT: SortState<ActorKey> = { key: "name", dir: "asc" };
const DEFAULT_RELATIONSHIP_SORT: SortState<RelationshipKey> = { key: "when", dir: "asc" };

/** Firmest first, as the vocabulary lists them, rather than alphabetically. */
const CERTAINTY_ORDER = Object.keys(CERTAINTIES) as Certainty[];

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "19 actors", or "Showing 4 of 19 actors" while a filter hides some. */
function countLabel(shown: number, total: number, one: string, many: string): string {
  return shown === total ? plural(total, one, many) : `Showing ${shown} of ${plural(total, one, many)}`;
}

export function TableView({ actors, relationships, ended, heading, onSelect, marks = null, endName }: TableViewProps) {
  const filterId = useId();
  const headingId = useId();
  const [query, setQuery] = useState("");
  const [actorSort, setActorSort] = useState(DEFAULT_ACTOR_SORT);
  const [relationshipSort, setRelationshipSort] = useState(DEFAULT_RELATIONSHIP_SORT);

  /** The names the graph draws, so the tables and the canvas call actors the same. */
  const labels = useMemo(() => new Map(actors.map((a) => [a.id, a.label])), [actors]);

  const actorRows = useMemo(() => {
    const matching = actors.filter((a) => matchesQuery([a.label, ACTOR_KINDS[a.kind]], query));
    // Alphabetical first, so rows that tie on the chosen column read in name order.
    const byName = [...matching].sort((a, b) => collator.compare(a.label, b.label));
    return sortRows(byName, actorSort, (a, key) =>
      key === "name" ? a.label : key === "kind" ? ACTOR_KINDS[a.kind] : a.relationships,
    );
  }, [actors, query, actorSort]);

  const relationshipRows = useMemo(() => {
    const name = (r: ApiRelationship, ref: ApiRelationship["from"]) => (endName ? endName(r.span, ref.id) : (labels.get(ref.id) ?? ref.short ?? ref.name));
    const rows = relationships.map((r) => ({
      r,
      from: name(r, r.from),
      to: name(r, r.to),
      type: RELATIONSHIP_TYPES[r.type].label,
      sources: formatCitations(r.citations),
    }));
    const matching = rows.filter((row) =>
      matchesQuery(
        [
          row.from,
          row.r.from.name,
          row.r.from.short,
          row.to,
          row.r.to.name,
          row.r.to.short,
          row.type,
          POLARITIES[row.r.polarity],
          CERTAINTY_LABELS[row.r.certainty],
          row.r.dateLabel,
          row.r.summary,
          row.sources,
          marks?.of.get(row.r.id),
          ...row.r.citations.map((c) => c.source.title),
        ],
        query,
      ),
    );
    // Start date, then the two ends by name: the tie-break whatever column is chosen.
    const base = sortRows(
      [...matching].sort((a, b) => collator.compare(a.from, b.from) || collator.compare(a.to, b.to)),
      { key: "when", dir: "asc" },
      (row) => row.r.span.first,
    );
    return sortRows(base, relationshipSort, (row, key) => {
      switch (key) {
        case "when":
          return row.r.span.first;
        case "from":
          return row.from;
        case "type":
          return row.type;
        case "to":
          return row.to;
        case "certainty":
          return CERTAINTY_ORDER.indexOf(row.r.certainty);
        case "sources":
          return row.sources || null;
        case "mark":
          return marks?.of.get(row.r.id) ?? null;
      }
    });
  }, [relationships, labels, query, relationshipSort, marks, endName]);

  const filtering = query.trim() !== "";
  const endedShown = relationshipRows.filter((row) => ended.has(row.r.id)).length;
  const onActorSort = (key: ActorKey) => setActorSort((s) => nextSort(s, key, ACTOR_NUMERIC));
  const onRelationshipSort = (key: RelationshipKey) => setRelationshipSort((s) => nextSort(s, key));

  return (
    <section className={styles.view} aria-labelledby={headingId} data-testid="table-view">
      <h2 id={headingId} className={styles.title} tabIndex={-1}>
        Tables <span className={styles.count}>· {heading}</span>
      </h2>
      <p className={styles.lede}>The actors and relationships the graph draws, as tables. Sort by any column; names open their details.</p>

      <div className={styles.filter}>
        <label htmlFor={filterId}>Filter rows</label>
        <input
          id={filterId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Name, type, certainty, source…"
          autoComplete="off"
          spellCheck={false}
          data-testid="table-filter"
        />
        <span className={styles.srOnly} role="status">
          {filtering
            ? `${actorRows.length} of ${plural(actors.length, "actor", "actors")} and ${relationshipRows.length} of ${plural(relationships.length, "relationship", "relationships")} match.`
            : ""}
        </span>
      </div>

      <div className={styles.block}>
        <div className={styles.tableWrap}>
          <table className={styles.table} data-testid="table-actors">
            <caption>
              <h3 className={styles.captionTitle}>Actors</h3>{" "}
              <span className={styles.count} data-testid="table-actors-count">
                · {countLabel(actorRows.length, actors.length, "actor", "actors")}
              </span>
            </caption>
            <thead>
              <tr>
                <SortableHeader label="Name" sortKey="name" sort={actorSort} onSort={onActorSort} />
                <SortableHeader label="Kind" sortKey="kind" sort={actorSort} onSort={onActorSort} />
                <SortableHeader label="Relationships at this date" sortKey="relationships" sort={actorSort} onSort={onActorSort} numeric />
              </tr>
            </thead>
            <tbody>
              {actorRows.map((a) => (
                <tr key={a.id} data-id={a.id}>
                  <td>
                    <button type="button" className={styles.link} onClick={() => onSelect({ kind: "actor", id: a.id })}>
                      {a.label}
                    </button>
                  </td>
                  <td className={styles.kind}>{ACTOR_KINDS[a.kind]}</td>
                  <td className={styles.numeric}>{a.relationships}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {actorRows.length === 0 ? (
          <p className={styles.empty}>{actors.length ? "No actor matches the filter." : "No actor is drawn with these filters."}</p>
        ) : null}
      </div>

      <div className={styles.block}>
        <div className={styles.tableWrap}>
          <table className={`${styles.table} ${styles.wide}`} data-testid="table-relationships">
            <caption>
              <h3 className={styles.captionTitle}>Relationships</h3>{" "}
              <span className={styles.count} data-testid="table-relationships-count">
                · {countLabel(relationshipRows.length, relationships.length, "relationship", "relationships")}
                {endedShown ? `, ${endedShown} ended` : ""}
              </span>
            </caption>
            <thead>
              <tr>
                <SortableHeader label="When" sortKey="when" sort={relationshipSort} onSort={onRelationshipSort} />
                <SortableHeader label="From" sortKey="from" sort={relationshipSort} onSort={onRelationshipSort} />
                <SortableHeader label="Relationship" sortKey="type" sort={relationshipSort} onSort={onRelationshipSort} />
                <SortableHeader label="To" sortKey="to" sort={relationshipSort} onSort={onRelationshipSort} />
                <SortableHeader label="Certainty" sortKey="certainty" sort={relationshipSort} onSort={onRelationshipSort} />
                <SortableHeader label="Sources" sortKey="sources" sort={relationshipSort} onSort={onRelationshipSort} />
                {marks ? <SortableHeader label={marks.title} sortKey="mark" sort={relationshipSort} onSort={onRelationshipSort} /> : null}
              </tr>
            </thead>
            <tbody>
              {relationshipRows.map(({ r, from, to, type, sources }) => {
                const isEnded = ended.has(r.id);
                return (
                  <tr key={r.id} data-id={r.id} data-ended={isEnded || undefined} className={isEnded ? styles.ended : undefined}>
                    <td className={styles.whenCell}>
                      {r.dateLabel}
                      {isEnded ? <span className={styles.endedMark}>(ended)</span> : null}
                    </td>
                    <td>
                      <button type="button" className={styles.link} onClick={() => onSelect({ kind: "actor", id: r.from.id })}>
                        {from}
                      </button>
                    </td>
                    <td className={`polarity-${r.polarity}`}>
                      <button
                        type="button"
                        className={styles.typeLink}
                        onClick={() => onSelect({ kind: "relationship", id: r.id })}
                        data-testid="relationship-details"
                      >
                        {type}
                        <span className={styles.srOnly}>, {from} to {to}: details</span>
                      </button>
                    </td>
                    <td>
                      <button type="button" className={styles.link} onClick={() => onSelect({ kind: "actor", id: r.to.id })}>
                        {to}
                      </button>
                    </td>
                    <td>
                      <span className={`certainty certainty-${r.certainty}`}>{CERTAINTY_LABELS[r.certainty]}</span>
                    </td>
                    <td className={styles.sourcesCell}>
                      <span className={styles.sources}>{sources || "No source cited"}</span>
                      {r.summary ? <span className={styles.summary}>{r.summary}</span> : null}
                    </td>
                    {marks ? <td data-mark>{marks.of.get(r.id) ?? ""}</td> : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {relationshipRows.length === 0 ? (
          <p className={styles.empty}>
            {relationships.length ? "No relationship matches the filter." : "No relationship is drawn with these filters."}
          </p>
        ) : null}
      </div>
    </section>
  );
}
