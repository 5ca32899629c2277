import "server-only";
/**
 * The accounts library (better-auth, docs/decisions/accounts.md) over the app's one Prisma client:
 * email and password only, passwords hashed by the library (scrypt), sessions in the store, no
 * public sign-up (an admin makes accounts: npm run user:create), sign-in rate-limited in the store.
 * Made on first use, not at import, so a build never reads or writes the secret.
 */
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { ownOrigins } from "../../api/same-origin";
import { db } from "../store/db";
import type { PrismaClient } from "../store/prisma-client";
import { authSecret } from "./secret";

/** Quick failed sign-ins allowed from one address per window; the next answers 429. */
export const SIGN_IN_LIMIT = { window: 60, max: 5 } as const;

function limitFromEnv(env: NodeJS.ProcessEnv): number {
  // Browser tests sign several accounts in within a minute from one address; they may raise it.
  const n = Number(env.AUTH_SIGN_IN_MAX);
  return Number.isInteger(n) && n > 0 ? n : SIGN_IN_LIMIT.max;
}

export function createAuth(client: PrismaClient = db, env: NodeJS.ProcessEnv = process.env) {
  const publicUrl = env.BETTER_AUTH_URL?.trim() || undefined;
  return betterAuth({
    appName: "Actor network explorer",
    secret: authSecret(env),
    // Without a configured address the library takes it from each request (any port, behind any proxy);
    // its own origin check then trusts exactly what ours does (lib/api/same-origin.ts).
    ...(publicUrl && { baseURL: publicUrl }),
    trustedOrigins: (request?: Request) => (request ? ownOrigins(request, publicUrl) : publicUrl ? [publicUrl] : []),
    database: prismaAdapter(client, { provider: "sqlite" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 256 },
    user: {
      additionalFields: {
        // input: false: no request can set its own role; only user:create and an admin's PATCH /api/users/{id}.
        role: { type: "string", required: false, defaultValue: "reader", input: false },
      },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: { "/sign-in/*": { window: SIGN_IN_LIMIT.window, max: limitFromEnv(env) } },
    },
    advanced: {
      // Secure exactly when served over https: decided per request by withSecureCookies (route.ts),
      // unless the configured public address says https.
      useSecureCookies: publicUrl?.startsWith("https://") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      // The client's address for the rate limit: the last one in X-Forwarded-For that is not a proxy
      // on this machine (deploy/nginx.conf appends the real one, after anything the client sent).
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"], trustedProxies: ["127.0.0.1", "::1"] },
    },
    telemetry: { enabled: false },
    logger: { level: "error" },
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { auth?: Auth };

/** The process's one auth instance, over the process's one Prisma client. */
export function getAuth(): Auth {
  return (globalForAuth.auth ??= createAuth());
}
