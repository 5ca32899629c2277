import type { ApiEvent } from "@/lib/api/types";
import { formatCitations } from "@/lib/model/citations";

/** Events in date order, each with its place and the works that report it. */
export function EventList({ events }: { events: ApiEvent[] }) {
  return (
    <ul className="plain" aria-label="Events">
      {events.map((e) => (
        <li key={e.id} id={`event-${e.id}`}>
          <strong>{e.dateLabel}</strong>: {e.title}
          {e.place && `, ${e.place.name}`}
          <div className="cite">{formatCitations(e.citations)}</div>
        </li>
      ))}
    </ul>
  );
}
