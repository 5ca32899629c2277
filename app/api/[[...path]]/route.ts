import { notFoundRoute } from "@/lib/server/http/respond";

// Any /api path no route claims (/api, /api/no-such-route, /api/actors.json): a JSON 404 like the others.
export const GET = notFoundRoute();
