import { type NextRequest, NextResponse } from "next/server";
import { crossOriginRefusal, isSameOrigin, isWriteMethod } from "./lib/api/same-origin";
import { allowedMethods, expectedMethods } from "./lib/api/write-paths";
import { ANSWER_KEY_HEADER, answerKeyOf, keptAnswers } from "./lib/api/kept-answers";
import { API_CONTENT_SECURITY_POLICY, REFUSED_METHOD_HEADER, REFUSED_PARAMETER_HEADER, STATIC_SECURITY_HEADERS, pageContentSecurityPolicy } from "./lib/api/security-headers";

/** Methods that are never ours, wherever they go (TRACE on a page: instrumentation.ts). */
const READ_METHODS = ["GET", "HEAD", "OPTIONS"];

/**
 * In front of every page and API answer (not the build's static files, which next.config.ts covers):
 * the security headers, a fresh CSP nonce per page, the /api answers Next would otherwise give
 * in its own format (unsupported methods, undecodable paths), and reads the process already keeps
 * answered here, before Next prepares a route (lib/api/kept-answers.ts).
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const refused = request.headers.get(REFUSED_METHOD_HEADER);
  if (refused) return methodNotAllowed(refused);
  if (pathname === "/api" || pathname.startsWith("/api/")) return api(request);
  if (pathname.length > 1 && pathname.endsWith("/")) {
    const url = new URL(request.url);
    url.pathname = pathname.replace(/\/+$/, "") || "/";
    return secured(NextResponse.redirect(url, 308), API_CONTENT_SECURITY_POLICY);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = pageContentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  return secured(response, csp);
}

/** 405 in the API's shape; also for TRACE on a page, which Next could not answer at all (instrumentation.ts). */
function methodNotAllowed(method: string, pathname = ""): NextResponse {
  const allow = pathname.startsWith("/api/") ? allowedMethods(pathname) : READ_METHODS;
  const response = NextResponse.json(
    { error: "method not allowed", field: "method", expected: pathname.startsWith("/api/") ? expectedMethods(pathname) : "GET or HEAD", received: method },
    { status: 405, headers: { allow: allow.join(", ") } },
  );
  return secured(response, API_CONTENT_SECURITY_POLICY);
}

async function api(request: NextRequest): Promise<NextResponse> {
  const allowed = allowedMethods(request.nextUrl.pathname);
  if (!allowed.includes(request.method)) return methodNotAllowed(request.method, request.nextUrl.pathname);
  if (request.method === "OPTIONS") {
    return secured(new NextResponse(null, { status: 204, headers: { allow: allowed.join(", ") } }), API_CONTENT_SECURITY_POLICY);
  }
  // CSRF: a write from another site's page is refused before any route runs (lib/api/same-origin.ts).
  if (isWriteMethod(request.method) && !isSameOrigin(request)) {
    return secured(NextResponse.json(await crossOriginRefusal().json(), { status: 403 }), API_CONTENT_SECURITY_POLICY);
  }
  // Next drops a __proto__ parameter before this sees the query, so the route cannot refuse it like
  // any other unknown parameter; instrumentation.ts saw the raw URL and says so. No route takes it.
  const protoHeader = request.headers.get(REFUSED_PARAMETER_HEADER);
  if (protoHeader !== null) {
    const proto = decodeURIComponent(protoHeader);
    const response = NextResponse.json(
      { error: "invalid parameter", field: "__proto__", expected: "one of this route's parameters (docs/api.md lists them)", received: proto },
      { status: 400 },
    );
    return secured(response, API_CONTENT_SECURITY_POLICY);
  }
  const bad = undecodableSegment(request.nextUrl.pathname);
  if (bad !== null) {
    const response = NextResponse.json(
      { error: "invalid path", field: "path", expected: "a path whose percent-encoding is valid UTF-8", received: bad },
      { status: 400 },
    );
    return secured(response, API_CONTENT_SECURITY_POLICY);
  }
  return secured(keptOrThrough(request), API_CONTENT_SECURITY_POLICY);
}

/**
 * A read the process keeps for this URL at the store's current version, answered from memory (200,
 * or 304 to a client that holds it); else the request goes on to its route, carrying the key the
 * route files its answer under. Every request let through gets the header, so a client's own copy
 * never reaches a route.
 */
function keptOrThrough(request: NextRequest): NextResponse {
  const key = answerKeyOf(request.nextUrl);
  const read = request.method === "GET" || request.method === "HEAD";
  const kept = read ? keptAnswers()?.(key, request.headers.get("if-none-match")) : null;
  if (kept) return new NextResponse(request.method === "HEAD" ? null : kept.body, { status: kept.status, headers: kept.headers });
  if (!read && !request.headers.has(ANSWER_KEY_HEADER)) return NextResponse.next();
  const headers = new Headers(request.headers);
  if (read) headers.set(ANSWER_KEY_HEADER, key);
  else headers.delete(ANSWER_KEY_HEADER);
  return NextResponse.next({ request: { headers } });
}

/** The first path segment that does not percent-decode (`%ff`, `%`, `%zz`), else null. */
function undecodableSegment(pathname: string): string | null {
  for (const segment of pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }
  return null;
}

function secured(response: NextResponse, csp: string): NextResponse {
  response.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but the build's hashed static files, unless a refused method came for one
  // (REFUSED_METHOD_HEADER: a matcher must be written out literally).
  matcher: ["/((?!_next/static).*)", { source: "/_next/static/:path*", has: [{ type: "header", key: "x-explorer-refused-method" }] }],
};
