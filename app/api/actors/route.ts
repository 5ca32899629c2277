import { emptyQuerySchema } from "@/lib/schemas/query";
import { listActors } from "@/lib/server/actors";
import { jsonRoute } from "@/lib/server/respond";

export const GET = jsonRoute(emptyQuerySchema, async () => ({ actors: await listActors() }));
