import { relationshipsQuerySchema } from "@/lib/api/query-schema";
import { listRelationships } from "@/lib/server/reads/relationships";
import { jsonRoute } from "@/lib/server/http/respond";
import { createRoute } from "@/lib/server/writes/routes";

export const GET = jsonRoute(relationshipsQuerySchema, async (query) => ({ relationships: await listRelationships(query) }));

export const POST = createRoute("relationships");
