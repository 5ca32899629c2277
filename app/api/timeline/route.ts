import { emptyQuerySchema } from "@/lib/api/query-schema";
import { jsonRoute } from "@/lib/server/http/respond";
import { getTimeline } from "@/lib/server/reads/timeline";

export const GET = jsonRoute(emptyQuerySchema, getTimeline);
