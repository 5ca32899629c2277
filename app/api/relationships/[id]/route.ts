import { emptyQuerySchema } from "@/lib/api/query-schema";
import { getRelationship } from "@/lib/server/reads/relationships";
import { jsonRoute } from "@/lib/server/http/respond";

export const GET = jsonRoute(emptyQuerySchema, async (_query, { params }: { params: Promise<{ id: string }> }) => ({
  relationship: await getRelationship((await params).id),
}));
