import "server-only";
import type { ApiSource } from "../../api/types";
import type { SourceKind } from "../../model/vocabulary";
import { db } from "../store/db";
import { toSourceRef } from "./serialize";

/** Every source, with how many distinct relationships and events cite it. */
export async function listSources(): Promise<ApiSource[]> {
  const [sources, citations] = await Promise.all([
    db.source.findMany({ orderBy: { id: "asc" } }),
    db.citation.findMany({ select: { sourceId: true, relationshipId: true, eventId: true } }),
  ]);
  const citedBy = new Map<string, { relationships: Set<string>; events: Set<string> }>();
  for (const c of citations) {
    const entry = citedBy.get(c.sourceId) ?? { relationships: new Set(), events: new Set() };
    if (c.relationshipId) entry.relationships.add(c.relationshipId);
    if (c.eventId) entry.events.add(c.eventId);
    citedBy.set(c.sourceId, entry);
  }
  return sources.map((s) => ({
    ...toSourceRef(s),
    dateNote: s.dateNote,
    outletNote: s.outletNote,
    details: s.details,
    kind: s.kind as SourceKind,
    url: s.url,
    notes: JSON.parse(s.notes) as string[],
    citedBy: { relationships: citedBy.get(s.id)?.relationships.size ?? 0, events: citedBy.get(s.id)?.events.size ?? 0 },
  }));
}
