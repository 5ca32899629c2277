import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/api/security-headers";

const nextConfig: NextConfig = {
  // Native SQLite driver and the Prisma adapter stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  // `npm test` and CI run `tsc --noEmit` (npm run typecheck) just before the build, with the same
  // strict tsconfig; checking again inside the build cost about 40 s of a 10-minute CI budget.
  typescript: { ignoreBuildErrors: true },
  // Next would answer /api/actors/ with a bare 308; proxy.ts redirects pages itself and lets an /api
  // path with a trailing slash reach its route (or the JSON 404).
  skipTrailingSlashRedirect: true,
  // The fixed security headers on every answer, including the static files proxy.ts does not see and
  // any answer Next gives before routing; proxy.ts adds the per-request CSP.
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
