import { roleBodySchema } from "@/lib/dataset/write-schema";
import { setUserRole } from "@/lib/server/auth/users";
import { writeRoute } from "@/lib/server/http/write-route";

/** Admins only: `{ role: "reader" | "editor" | "admin" }` → `{ user: { id, email, name, role } }`. */
export const PATCH = writeRoute(
  roleBodySchema,
  async (body, { params }: { params: { id: string } }) => ({ body: { user: await setUserRole(params.id, body.role) } }),
  { role: "admin" },
);
