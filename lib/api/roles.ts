/**
 * Roles on an account. The public reads without one; a `reader` is signed in and writes nothing;
 * an `editor` changes the data; an `admin` also manages accounts.
 */
export const ROLES = ["reader", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export const canEdit = (role: Role): boolean => role === "editor" || role === "admin";
export const canManageAccounts = (role: Role): boolean => role === "admin";
