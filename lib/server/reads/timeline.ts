import "server-only";
import type { ApiTimeline } from "../../api/types";
import { buildTimeline } from "../../graph/timeline";
import { NotFoundError } from "../http/respond";
import { sqlAll } from "../store/sql";

export async function getTimeline(): Promise<ApiTimeline> {
  // Every row's two dates: read in SQL (sql.ts), as Prisma's per-row cost dominated at 100,000 rows.
  const relationships = sqlAll<{ startDate: string | null; endDate: string | null }>(`SELECT startDate, endDate FROM "Relationship"`);
  const events = sqlAll<{ startDate: string; endDate: string | null }>(`SELECT startDate, endDate FROM "Event"`);
  const timeline = buildTimeline({ relationships, events });
  if (!timeline) throw new NotFoundError("timeline", "the store holds no dated relationship or event; run npm run db:seed");
  return timeline;
}
