import { eventsQuerySchema } from "@/lib/schemas/query";
import { listEvents } from "@/lib/server/events";
import { jsonRoute } from "@/lib/server/respond";

export const GET = jsonRoute(eventsQuerySchema, async (query) => ({ events: await listEvents(query) }));
