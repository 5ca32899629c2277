import { emptyQuerySchema } from "@/lib/schemas/query";
import { getActor } from "@/lib/server/actors";
import { jsonRoute } from "@/lib/server/respond";

export const GET = jsonRoute(emptyQuerySchema, async (_query, { params }: { params: Promise<{ id: string }> }) => ({
  actor: await getActor((await params).id),
}));
