import { windowQuerySchema } from "@/lib/schemas/query";
import { getGraph } from "@/lib/server/graph";
import { jsonRoute } from "@/lib/server/respond";

export const GET = jsonRoute(windowQuerySchema, getGraph);
