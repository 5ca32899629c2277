import { emptyQuerySchema } from "@/lib/api/query-schema";
import { getActor } from "@/lib/server/reads/actors";
import { jsonRoute } from "@/lib/server/http/respond";

export const GET = jsonRoute(emptyQuerySchema, async (_query, { params }: { params: Promise<{ id: string }> }) => ({
  actor: await getActor((await params).id),
}));
