import { emptyQuerySchema } from "@/lib/schemas/query";
import { jsonRoute } from "@/lib/server/respond";
import { listSources } from "@/lib/server/sources";

export const GET = jsonRoute(emptyQuerySchema, async () => ({ sources: await listSources() }));
