import { emptyQuerySchema } from "@/lib/api/query-schema";
import { listPlaces } from "@/lib/server/reads/places";
import { jsonRoute } from "@/lib/server/http/respond";
import { createRoute } from "@/lib/server/writes/routes";

export const GET = jsonRoute(emptyQuerySchema, async () => ({ places: await listPlaces() }));

export const POST = createRoute("places");
