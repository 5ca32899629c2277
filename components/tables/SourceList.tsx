import type { ApiSource } from "@/lib/api/types";

/** The bibliography, with how much of the dataset rests on each work. */
export function SourceList({ sources }: { sources: ApiSource[] }) {
  return (
    <ul className="plain" aria-label="Sources">
      {sources.map((s) => (
        <li key={s.id} id={`source-${s.id}`}>
          {s.authors.length ? s.authors.join(" and ") : "Anonymous"} ({s.date ?? "n.d."}): <em>{s.title}</em>
          {s.outlet && `, ${s.outlet}`}.{" "}
          <span className="cite">
            Cited by {s.citedBy.relationships} relationships and {s.citedBy.events} events.
          </span>
        </li>
      ))}
    </ul>
  );
}
