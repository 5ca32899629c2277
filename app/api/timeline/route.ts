import { emptyQuerySchema } from "@/lib/schemas/query";
import { jsonRoute } from "@/lib/server/respond";
import { getTimeline } from "@/lib/server/timeline";

export const GET = jsonRoute(emptyQuerySchema, getTimeline);
