import { emptyQuerySchema } from "@/lib/api/query-schema";
import { getEvent } from "@/lib/server/reads/events";
import { jsonRoute } from "@/lib/server/http/respond";
import { getVersionedEntry } from "@/lib/server/writes/read-entry";
import { itemRoutes } from "@/lib/server/writes/routes";

// `version` and `entry` (the event as its seed file holds it) are what an edit form starts from.
export const GET = jsonRoute(emptyQuerySchema, async (_query, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return { event: await getEvent(id), ...(await getVersionedEntry("event", id)) };
});

export const { PATCH, DELETE } = itemRoutes("events");
