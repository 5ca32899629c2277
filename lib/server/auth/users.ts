import "server-only";
import type { Role } from "../../api/roles";
import { NotFoundError } from "../http/respond";
import { db } from "../store/db";
import type { SessionUser } from "./session";

/** An admin changes an account's role; the change takes effect on that user's next request. */
export async function setUserRole(id: string, role: Role): Promise<SessionUser> {
  const found = await db.user.findUnique({ where: { id }, select: { id: true } });
  if (!found) throw new NotFoundError("id", `no account with id "${id}"`);
  const user = await db.user.update({ where: { id }, data: { role }, select: { id: true, email: true, name: true, role: true } });
  return { ...user, role: user.role as Role };
}
