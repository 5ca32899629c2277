import { emptyQuerySchema } from "@/lib/api/query-schema";
import { jsonRoute } from "@/lib/server/http/respond";
import { listStory } from "@/lib/server/reads/story";

export const GET = jsonRoute(emptyQuerySchema, async () => ({ steps: await listStory() }));
