import { emptyQuerySchema } from "@/lib/schemas/query";
import { getRelationship } from "@/lib/server/relationships";
import { jsonRoute } from "@/lib/server/respond";

export const GET = jsonRoute(emptyQuerySchema, async (_query, { params }: { params: Promise<{ id: string }> }) => ({
  relationship: await getRelationship((await params).id),
}));
