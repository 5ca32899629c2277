"use client";

/**
 * How one actor reaches another at the date: every shortest chain through what is drawn, each hop
 * with the relationships that carry it, optionally only cooperative ones and only along arrows.
 */
import type { ApiRelationship } from "@/lib/api/types";
import { formatCitations } from "@/lib/model/citations";
import type { PathResult } from "@/lib/graph/analysis/paths";
import type { CooperativeChains } from "@/lib/graph/analysis/cooperative-chains";
import type { PathQuery, Selection } from "@/lib/view/state";
import { RELATIONSHIP_TYPES } from "@/lib/model/vocabulary";
import styles from "./ReadingTools.module.css";

interface Props {
  heading: string;
  query: PathQuery;
  /** The actors drawn now, to choose from. */
  actors: { id: string; label: string }[];
  result: PathResult | null;
  /** Set with "only cooperative": what was left out, and whether the chains had to use belonging ties. */
  cooperative?: Pick<CooperativeChains, "throughBelonging" | "belongingLeftOut"> | null;
  relationships: ReadonlyMap<string, ApiRelationship>;
  actorName(id: string): string;
  onQuery(query: PathQuery): void;
  onSelect(selection: Selection): void;
}

export function PathPanel({ heading, query, actors, result, cooperative = null, relationships, actorName, onQuery, onSelect }: Props) {
  // Without "follow the arrows" a hop may run against a relationship's direction: no arrow then.
  const link = query.directed ? " → " : " — ";
  const sorted = [...actors].sort((a, b) => a.label.localeCompare(b.label));
  return (
    <section className={styles.panel} aria-labelledby="paths-heading" data-testid="path-panel">
      <h2 id="paths-heading" tabIndex={-1}>
        Chains between two actors · {heading}
      </h2>
      <div className={styles.row}>
        <ActorPicker end="from" label="From" query={query} actors={sorted} actorName={actorName} onQuery={onQuery} />
        <button type="button" className={styles.button} aria-label="Swap the two actors" onClick={() => onQuery({ ...query, from: query.to, to: query.from })}>
          ⇄
        </button>
        <ActorPicker end="to" label="To" query={query} actors={sorted} actorName={actorName} onQuery={onQuery} />
      </div>
      <label className={styles.check}>
        <input type="checkbox" checked={query.cooperative} onChange={(e) => onQuery({ ...query, cooperative: e.target.checked })} data-testid="path-cooperative" />
        Only cooperative relationships (support, alliance, sanctuary, facilitation, trade…)
      </label>
      <label className={styles.check}>
        <input type="checkbox" checked={query.directed} onChange={(e) => onQuery({ ...query, directed: e.target.checked })} data-testid="path-directed" />
        Follow the arrows (from who acts to whom)
      </label>
      {cooperative ? (
        <p className={styles.note} data-testid="path-cooperative-note">
          {cooperative.throughBelonging
            ? `No chain of cooperative relationships alone links ${query.from ? actorName(query.from) : ""} to ${query.to ? actorName(query.to) : ""}; the chains below also pass through leadership, membership or “part of” ties (who leads or belongs to whom), marked “belonging”.`
            : `Leadership, membership and “part of” ties are left out (${cooperative.belongingLeftOut} drawn now): they say who belongs to whom, not who cooperates. Where cooperative ties alone find no chain, the chains through them are given instead.`}
        </p>
      ) : null}
      <p className={styles.muted}>Only what is drawn now counts: the date, the filters and the focus decide which relationships can be followed.</p>
      <div data-testid="path-result" data-hops={result?.hops ?? ""}>
        {!query.from || !query.to ? (
          <p className={styles.muted}>Choose two actors.</p>
        ) : !result || result.hops === null ? (
          <p>
            No chain links {actorName(query.from)} to {actorName(query.to)} at this date
            {query.cooperative || query.directed ? " with these options" : ""}.
          </p>
        ) : (
          <>
            <p>
              <strong>{result.hops}</strong> {result.hops === 1 ? "step" : "steps"} apart; {result.paths.length}
              {result.truncated ? "+" : ""} shortest {result.paths.length === 1 ? "chain" : "chains"}
              {result.truncated ? ` (the first ${result.paths.length} shown)` : ""}.
            </p>
            <ol className={styles.list} data-testid="path-chains">
              {result.paths.map((p) => (
                <li key={p.actors.join(">")} className={styles.chain} data-chain={p.actors.join(">")}>
                  <strong>{p.actors.map(actorName).join(link)}</strong>
                  <ul className={styles.hops}>
                    {p.hops.map((h) => (
                      <li key={`${h.from}>${h.to}`}>
                        {actorName(h.from)}
                        {link}
                        {actorName(h.to)}:{" "}
                        {h.relationships.map((id, i) => {
                          const r = relationships.get(id);
                          return (
                            <span key={id}>
                              {i ? "; " : ""}
                              <button type="button" className={styles.link} onClick={() => onSelect({ kind: "relationship", id })}>
                                {r ? `${RELATIONSHIP_TYPES[r.type].label} (${RELATIONSHIP_TYPES[r.type].structural && query.cooperative ? "belonging, " : ""}${r.certainty})` : id}
                              </button>
                              {r ? <span className={styles.cite}>{formatCitations(r.citations)}</span> : null}
                            </span>
                          );
                        })}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </section>
  );
}

interface PickerProps extends Pick<Props, "query" | "actorName" | "onQuery"> {
  end: "from" | "to";
  label: string;
  actors: Props["actors"];
}

/** One end of the query. A component of its own, so its select keeps focus across changes. */
function ActorPicker({ end, label, query, actors, actorName, onQuery }: PickerProps) {
  const chosen = query[end];
  const missing = chosen !== null && !actors.some((a) => a.id === chosen);
  return (
    <label className={styles.field}>
      {label}
      <select value={chosen ?? ""} onChange={(e) => onQuery({ ...query, [end]: e.target.value || null })} data-testid={`path-${end}`}>
        <option value="">Choose an actor…</option>
        {missing ? <option value={chosen}>{actorName(chosen)} (not drawn now)</option> : null}
        {actors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
          </option>
        ))}
      </select>
    </label>
  );
}
