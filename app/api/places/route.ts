import { emptyQuerySchema } from "@/lib/schemas/query";
import { listPlaces } from "@/lib/server/places";
import { jsonRoute } from "@/lib/server/respond";

export const GET = jsonRoute(emptyQuerySchema, async () => ({ places: await listPlaces() }));
