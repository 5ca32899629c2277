import type { ApiRelationship } from "@/lib/api/types";
import { formatCitations } from "@/lib/model/citations";
import { RELATIONSHIP_TYPES } from "@/lib/model/vocabulary";

/**
 * Every relationship with its dates, certainty and the works that support it. The explicit roles
 * keep the table's semantics for screen readers where the phone layout turns rows into cards.
 */
export function RelationshipTable({ relationships }: { relationships: ApiRelationship[] }) {
  return (
    <div className="table-wrap">
      <table aria-label="Relationships" role="table">
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">When</th>
            <th scope="col" role="columnheader">Who</th>
            <th scope="col" role="columnheader">Relationship</th>
            <th scope="col" role="columnheader">To whom</th>
            <th scope="col" role="columnheader">Certainty</th>
            <th scope="col" role="columnheader">Summary and sources</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {relationships.map((r) => (
            <tr key={r.id} id={`relationship-${r.id}`} role="row">
              <td role="cell" data-label="When">{r.dateLabel}</td>
              <td role="cell" data-label="Who">{r.from.name}</td>
              <td role="cell" data-label="Relationship" className={`polarity-${r.polarity}`}>{RELATIONSHIP_TYPES[r.type].label}</td>
              <td role="cell" data-label="To whom">{r.to.name}</td>
              <td role="cell" data-label="Certainty">
                <span className={`certainty certainty-${r.certainty}`}>{r.certainty}</span>
              </td>
              <td role="cell" data-label="Summary and sources">
                <div>
                  {r.summary}
                  <div className="cite">{formatCitations(r.citations)}</div>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
