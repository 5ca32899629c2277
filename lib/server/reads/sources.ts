import "server-only";
import type { ApiSource } from "../../api/types";
import type { SourceKind } from "../../model/vocabulary";
import { db } from "../store/db";
import { NotFoundError } from "../http/respond";
import { toSourceRef } from "./serialize";

/** Every source (or the one with `id`), with how many distinct relationships and events cite it. */
export async function listSources(id?: string): Promise<ApiSource[]> {
  const [sources, citations] = await Promise.all([
    db.source.findMany({ where: id === undefined ? {} : { id }, orderBy: { id: "asc" } }),
    db.citation.findMany({ where: id === undefined ? {} : { sourceId: id }, select: { sourceId: true, relationshipId: true, eventId: true } }),
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

/** One source, as the list shows it. */
export async function getSource(id: string): Promise<ApiSource> {
  const [source] = await listSources(id);
  if (!source) throw new NotFoundError("id", `no source with id "${id}"`);
  return source;
}
