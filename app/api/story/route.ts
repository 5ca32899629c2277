import { emptyQuerySchema } from "@/lib/schemas/query";
import { jsonRoute } from "@/lib/server/respond";
import { listStory } from "@/lib/server/story";

export const GET = jsonRoute(emptyQuerySchema, async () => ({ steps: await listStory() }));
