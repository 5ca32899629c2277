import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { databaseFile } from "../../env";

/** The file that keeps a generated secret: beside the database (data/.auth-secret by default), gitignored with it. */
export function secretFile(): string {
  return path.join(path.dirname(databaseFile()), ".auth-secret");
}

/**
 * The key that signs session cookies: BETTER_AUTH_SECRET when set (a deployment sets it), else one
 * generated once and kept in data/.auth-secret, so the quick start, development, tests and CI need
 * no set-up and sessions survive a restart. Read when the first request needs it, never at build.
 */
export function authSecret(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.BETTER_AUTH_SECRET?.trim();
  if (given) {
    if (given.length < 32) throw new Error("BETTER_AUTH_SECRET must be at least 32 characters (for example: openssl rand -base64 32)");
    return given;
  }
  const file = secretFile();
  if (existsSync(file)) {
    const kept = readFileSync(file, "utf8").trim();
    if (kept.length >= 32) return kept;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  // "wx": two processes starting at once must not each write their own; the loser reads the winner's.
  try {
    writeFileSync(file, `${secret}\n`, { flag: "wx", mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    return readFileSync(file, "utf8").trim();
  }
  chmodSync(file, 0o600);
  return secret;
}
