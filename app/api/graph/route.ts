import { graphQuerySchema } from "@/lib/api/query-schema";
import { getGraph } from "@/lib/server/reads/graph";
import { jsonRoute } from "@/lib/server/http/respond";

export const GET = jsonRoute(graphQuerySchema, getGraph);
