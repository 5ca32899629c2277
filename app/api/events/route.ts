import { eventsQuerySchema } from "@/lib/api/query-schema";
import { listEvents } from "@/lib/server/reads/events";
import { jsonRoute } from "@/lib/server/http/respond";
import { createRoute } from "@/lib/server/writes/routes";

export const GET = jsonRoute(eventsQuerySchema, async (query) => ({ events: await listEvents(query) }));

export const POST = createRoute("events");
