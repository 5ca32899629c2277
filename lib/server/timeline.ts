import "server-only";
import type { ApiTimeline } from "../api-types";
import { buildTimeline } from "../timeline";
import { db } from "./db";
import { NotFoundError } from "./respond";

export async function getTimeline(): Promise<ApiTimeline> {
  const [relationships, events] = await Promise.all([
    db.relationship.findMany({ select: { startDate: true, endDate: true } }),
    db.event.findMany({ select: { startDate: true, endDate: true } }),
  ]);
  const timeline = buildTimeline({ relationships, events });
  if (!timeline) throw new NotFoundError("timeline", "the store holds no dated relationship or event; run npm run db:seed");
  return timeline;
}
