import { emptyQuerySchema } from "@/lib/api/query-schema";
import { jsonRoute } from "@/lib/server/http/respond";
import { listSources } from "@/lib/server/reads/sources";
import { createRoute } from "@/lib/server/writes/routes";

export const GET = jsonRoute(emptyQuerySchema, async () => ({ sources: await listSources() }));

export const POST = createRoute("sources");
