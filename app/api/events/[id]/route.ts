import { emptyQuerySchema } from "@/lib/api/query-schema";
import { getEvent } from "@/lib/server/reads/events";
import { jsonRoute } from "@/lib/server/http/respond";

export const GET = jsonRoute(emptyQuerySchema, async (_query, { params }: { params: Promise<{ id: string }> }) => ({
  event: await getEvent((await params).id),
}));
