import { restoreRoute } from "@/lib/server/writes/revision-routes";

export const POST = restoreRoute;
