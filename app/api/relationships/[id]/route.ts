import { emptyQuerySchema } from "@/lib/api/query-schema";
import { getRelationship } from "@/lib/server/reads/relationships";
import { jsonRoute } from "@/lib/server/http/respond";
import { getVersionedEntry } from "@/lib/server/writes/read-entry";
import { itemRoutes } from "@/lib/server/writes/routes";

// `version` and `entry` (the relationship as its seed file holds it) are what an edit form starts from.
export const GET = jsonRoute(emptyQuerySchema, async (_query, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return { relationship: await getRelationship(id), ...(await getVersionedEntry("relationship", id)) };
});

export const { PATCH, DELETE } = itemRoutes("relationships");
