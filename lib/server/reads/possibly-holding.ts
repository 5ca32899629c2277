import "server-only";
/**
 * Relationships that may still hold in a window though their last attested date is before it: those
 * whose end is `at-least` (lib/model/dates.ts: "held at least until then", nothing says it ended)
 * and whose span started by the window's end. Read with the window's days as the only parameters,
 * with the actors at their ends (and the actors' names), so /api/graph can add them, marked, when
 * asked (`possibly=1`).
 */
import type { Window } from "../../model/dates";
import type { GraphActorRow, GraphRelationshipRow } from "../../graph/elements";
import { sqlAll } from "../store/sql";
import { actorsWithNames } from "./actor-rows";
import type { SqlPart } from "./window-sql";

/** What ended as "at least" before the window and had begun by its end (or has no start). */
function possiblyHoldingIdsSql(w: Window): SqlPart | null {
  // The whole dataset: nothing lies after it.
  if (w.first === null) return null;
  const started = w.last === null ? "" : " AND (spanStart IS NULL OR spanStart <= ?)";
  return {
    sql: `SELECT id FROM "Relationship" WHERE endQualifier = 'at-least' AND spanEnd < ?${started}`,
    params: w.last === null ? [w.first] : [w.first, w.last],
  };
}

type Row = Omit<GraphRelationshipRow, "citations"> & { citations: number | bigint };
type ActorJoinRow = Omit<GraphActorRow, "names"> & {
  nName: string | null;
  nShort: string | null;
  nIsAlias: number | bigint | boolean | null;
  nSpanStart: string | null;
  nSpanEnd: string | null;
};

export function readPossiblyHolding(w: Window): { relationships: GraphRelationshipRow[]; actors: GraphActorRow[] } {
  const ids = possiblyHoldingIdsSql(w);
  if (!ids) return { relationships: [], actors: [] };
  const relationships = sqlAll<Row>(
    `SELECT r.id, r.fromId, r.toId, r.type, r.polarity, r.certainty, r.startDate, r.startQualifier, r.endDate, r.endQualifier,
        r.spanStart, r.spanEnd, (SELECT COUNT(*) FROM "Citation" c WHERE c.relationshipId = r.id) AS citations
      FROM (${ids.sql}) AS p JOIN "Relationship" r ON r.id = p.id
      ORDER BY r.id`,
    ids.params,
  );
  const actorRows = sqlAll<ActorJoinRow>(
    `SELECT x.id, x.kind, x.name, x.short,
        n.name AS nName, n.short AS nShort, n.isAlias AS nIsAlias, n.spanStart AS nSpanStart, n.spanEnd AS nSpanEnd
      FROM (SELECT r.fromId AS id FROM (${ids.sql}) AS p JOIN "Relationship" r ON r.id = p.id
            UNION SELECT r.toId FROM (${ids.sql}) AS p JOIN "Relationship" r ON r.id = p.id) AS ends
      JOIN "Actor" x ON x.id = ends.id LEFT JOIN "ActorName" n ON n.actorId = x.id
      ORDER BY x.id, n.position`,
    [...ids.params, ...ids.params],
  );
  const actors: GraphActorRow[] = actorsWithNames(actorRows);
  return { relationships: relationships.map((r) => ({ ...r, citations: Number(r.citations) })), actors };
}
