import { relationshipsQuerySchema } from "@/lib/schemas/query";
import { listRelationships } from "@/lib/server/relationships";
import { jsonRoute } from "@/lib/server/respond";

export const GET = jsonRoute(relationshipsQuerySchema, async (query) => ({ relationships: await listRelationships(query) }));
