import { exportQuerySchema } from "@/lib/schemas/query";
import { exportFile } from "@/lib/server/export";
import { fileRoute } from "@/lib/server/respond";

export const GET = fileRoute(exportQuerySchema, exportFile);
