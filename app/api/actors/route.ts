import { emptyQuerySchema } from "@/lib/api/query-schema";
import { listActors } from "@/lib/server/reads/actors";
import { jsonRoute } from "@/lib/server/http/respond";
import { createRoute } from "@/lib/server/writes/routes";

export const GET = jsonRoute(emptyQuerySchema, async () => ({ actors: await listActors() }));

export const POST = createRoute("actors");
