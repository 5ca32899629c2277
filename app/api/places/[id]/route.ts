import { emptyQuerySchema } from "@/lib/api/query-schema";
import { getPlace } from "@/lib/server/reads/places";
import { jsonRoute } from "@/lib/server/http/respond";
import { getVersionedEntry } from "@/lib/server/writes/read-entry";
import { itemRoutes } from "@/lib/server/writes/routes";

// `version` and `entry` (the place as its seed file holds it) are what an edit form starts from.
export const GET = jsonRoute(emptyQuerySchema, async (_query, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return { place: await getPlace(id), ...(await getVersionedEntry("place", id)) };
});

export const { PATCH, DELETE } = itemRoutes("places");
