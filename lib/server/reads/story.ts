import "server-only";
import type { ApiStoryStep } from "../../api/types";
import { formatPartialDate } from "../../model/dates";
import { db } from "../store/db";
import { citationSelect, toCitation } from "./serialize";

/** The guided story in reading order, each step with what it highlights and the works it rests on. */
export async function listStory(): Promise<ApiStoryStep[]> {
  const rows = await db.storyStep.findMany({
    select: {
      id: true,
      title: true,
      date: true,
      fromDate: true,
      caption: true,
      dataNote: true,
      actors: { select: { actorId: true }, orderBy: { position: "asc" } },
      relationships: { select: { relationshipId: true, relationship: { select: { fromId: true, toId: true } } }, orderBy: { position: "asc" } },
      citations: citationSelect,
    },
    orderBy: { position: "asc" },
  });
  return rows.map((s, i) => {
    const ends = s.relationships.flatMap((r) => [r.relationship.fromId, r.relationship.toId]);
    return {
      id: s.id,
      number: i + 1,
      title: s.title,
      date: s.date,
      from: s.fromDate,
      dateLabel: s.fromDate ? `${formatPartialDate(s.fromDate)} to ${formatPartialDate(s.date)}` : formatPartialDate(s.date),
      actors: [...new Set([...s.actors.map((a) => a.actorId), ...ends])],
      relationships: s.relationships.map((r) => r.relationshipId),
      caption: s.caption,
      dataNote: s.dataNote,
      citations: s.citations.map(toCitation),
    };
  });
}
