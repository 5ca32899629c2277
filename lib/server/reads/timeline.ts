import "server-only";
import type { ApiTimeline } from "../../api/types";
import { buildTimeline } from "../../graph/timeline";
import { databaseFile } from "../../env";
import { NotFoundError } from "../http/respond";
import { sqlAll, sqlGet } from "../store/sql";

/**
 * The timeline changes only with the dataset, and the explorer's page reads it on every visit (for
 * the slider and the first graph's date) before it can answer: at 100,000 relationships reading it
 * anew took seconds of each page's first byte. It is kept per store file and dataset version.
 */
let kept: { key: string; timeline: Promise<ApiTimeline> } | null = null;

export function getTimeline(): Promise<ApiTimeline> {
  // The version is read before the rows: a write committing in between leaves rows newer than the
  // key, which the next request (seeing the new version) replaces, never older rows under a newer key.
  const version = sqlGet<{ version: number }>(`SELECT version FROM "DatasetInfo" WHERE id = 1`)?.version ?? 0;
  const key = `${databaseFile()}#${version}`;
  if (kept?.key !== key) {
    const timeline = readTimeline();
    kept = { key, timeline };
    // A failure (an empty store) is not kept: the next request reads again.
    timeline.catch(() => {
      if (kept?.timeline === timeline) kept = null;
    });
  }
  return kept.timeline;
}

async function readTimeline(): Promise<ApiTimeline> {
  // Every row's two dates: read in SQL (sql.ts), as Prisma's per-row cost dominated at 100,000 rows.
  const relationships = sqlAll<{ startDate: string | null; endDate: string | null }>(`SELECT startDate, endDate FROM "Relationship"`);
  const events = sqlAll<{ startDate: string; endDate: string | null }>(`SELECT startDate, endDate FROM "Event"`);
  const timeline = buildTimeline({ relationships, events });
  if (!timeline) throw new NotFoundError("timeline", "the store holds no dated relationship or event; run npm run db:seed");
  return timeline;
}
