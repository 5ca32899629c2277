import { graphQuerySchema } from "@/lib/api/query-schema";
import { getGraph, nextGraphQueries } from "@/lib/server/reads/graph";
import { jsonRoute } from "@/lib/server/http/respond";

export const GET = jsonRoute(graphQuerySchema, getGraph, { next: nextGraphQueries });
