import { emptyQuerySchema } from "@/lib/schemas/query";
import { getEvent } from "@/lib/server/events";
import { jsonRoute } from "@/lib/server/respond";

export const GET = jsonRoute(emptyQuerySchema, async (_query, { params }: { params: Promise<{ id: string }> }) => ({
  event: await getEvent((await params).id),
}));
