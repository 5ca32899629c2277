import "server-only";
import { getAuth } from "./auth";
import type { Role } from "../../api/roles";

/** Shortest password an account may have (the library is set to the same in auth.ts). */
export const MIN_PASSWORD_LENGTH = 12;

export class WeakPasswordError extends Error {}

/**
 * Makes an account that signs in with email and password, through the library's own adapter and
 * password hashing (sign-up is closed to the public). The password is hashed and never kept or
 * printed anywhere else. Refuses an email already in use.
 */
export async function createUser(input: { email: string; name: string; role: Role; password: string }) {
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new WeakPasswordError(`the password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const ctx = await getAuth().$context;
  const email = input.email.trim().toLowerCase();
  if (await ctx.internalAdapter.findUserByEmail(email)) throw new Error(`an account with the email ${email} already exists`);
  const hash = await ctx.password.hash(input.password);
  const user = await ctx.internalAdapter.createUser({ email, name: input.name, role: input.role, emailVerified: false }, { method: "admin" });
  await ctx.internalAdapter.linkAccount({ userId: user.id, providerId: "credential", accountId: user.id, password: hash });
  return { id: user.id, email: user.email, name: user.name, role: input.role };
}
