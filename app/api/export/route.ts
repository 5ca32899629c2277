import { exportQuerySchema } from "@/lib/api/query-schema";
import { exportFile } from "@/lib/server/reads/export";
import { fileRoute } from "@/lib/server/http/respond";

export const GET = fileRoute(exportQuerySchema, exportFile);
