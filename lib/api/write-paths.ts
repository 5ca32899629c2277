/**
 * Which methods each /api path answers. Reads are everywhere; writes only where a route takes them,
 * so that proxy.ts answers any other method with the API's own 405 before Next's empty one.
 */
const READ_METHODS = ["GET", "HEAD", "OPTIONS"] as const;

const ENTITY_KINDS = "actors|relationships|events|sources|places";

/** Paths that take writes only: reads there answer 405 here rather than Next's empty one. */
const WRITE_ONLY = [/^\/api\/revisions\/[^/]+\/restore$/, /^\/api\/users\/[^/]+$/];

const WRITE_PATHS: [RegExp, string[]][] = [
  [new RegExp(`^/api/(${ENTITY_KINDS})$`), ["POST"]],
  [new RegExp(`^/api/(${ENTITY_KINDS})/[^/]+$`), ["PATCH", "DELETE"]],
  [/^\/api\/revisions\/[^/]+\/restore$/, ["POST"]],
  [/^\/api\/users\/[^/]+$/, ["PATCH"]],
  // better-auth's endpoints (sign-in/email, sign-out...): it answers the ones it has.
  [/^\/api\/auth\/.+$/, ["POST"]],
];

/** The methods a path answers, reads first. */
export function allowedMethods(pathname: string): string[] {
  const writes = WRITE_PATHS.find(([pattern]) => pattern.test(pathname))?.[1] ?? [];
  if (WRITE_ONLY.some((pattern) => pattern.test(pathname))) return ["OPTIONS", ...writes];
  return [...READ_METHODS, ...writes];
}

/** What the 405 says a path expects. */
export function expectedMethods(pathname: string): string {
  const methods = allowedMethods(pathname).filter((m) => m !== "OPTIONS");
  return methods.length === 2 && methods[0] === "GET" ? "GET or HEAD: this path only reads" : `one of ${methods.join(", ")}`;
}
