import "server-only";
import { getAuth } from "./auth";
import { canEdit, canManageAccounts, isRole, type Role } from "../../api/roles";

/** Who is signed in, as the API shows it: never more than these four fields. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** The signed-in user of a request (from its session cookie), or null. */
export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const session = await getAuth().api.getSession({ headers: request.headers });
  if (!session) return null;
  const { id, email, name } = session.user;
  const role = (session.user as { role?: unknown }).role;
  return { id, email, name, role: isRole(role) ? role : "reader" };
}

/** Why a request may not do what it asks: answered 401 (no session) or 403 (a role that may not). */
export class AccessError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
    this.name = "AccessError";
  }
}

export const SIGN_IN_TO_EDIT = "sign in to edit";

/** The signed-in editor (or admin) making a write; throws AccessError otherwise. */
export async function requireEditor(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) throw new AccessError(401, SIGN_IN_TO_EDIT);
  if (!canEdit(user.role)) throw new AccessError(403, `your account's role (${user.role}) may read but not edit; an admin can make it an editor`);
  return user;
}

/** The signed-in admin managing accounts; throws AccessError otherwise. */
export async function requireAdmin(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) throw new AccessError(401, "sign in to manage accounts");
  if (!canManageAccounts(user.role)) throw new AccessError(403, "only an admin manages accounts");
  return user;
}
