import type { ApiRelationship } from "@/lib/api-types";
import { formatCitations } from "@/lib/citations";
import { RELATIONSHIP_TYPES } from "@/lib/vocabulary";

/** Every relationship with its dates, certainty and the works that support it. */
export function RelationshipTable({ relationships }: { relationships: ApiRelationship[] }) {
  return (
    <div className="table-wrap">
      <table aria-label="Relationships">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Relationship</th>
            <th scope="col">To whom</th>
            <th scope="col">Certainty</th>
            <th scope="col">Summary and sources</th>
          </tr>
        </thead>
        <tbody>
          {relationships.map((r) => (
            <tr key={r.id} id={`relationship-${r.id}`}>
              <td>{r.dateLabel}</td>
              <td>{r.from.name}</td>
              <td className={`polarity-${r.polarity}`}>{RELATIONSHIP_TYPES[r.type].label}</td>
              <td>{r.to.name}</td>
              <td>
                <span className={`certainty certainty-${r.certainty}`}>{r.certainty}</span>
              </td>
              <td>
                {r.summary}
                <div className="cite">{formatCitations(r.citations)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
