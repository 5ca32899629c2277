import "server-only";
import { crossOriginRefusal, isSameOrigin, isWriteMethod } from "../../api/same-origin";
import { getAuth } from "./auth";

/** Whether the browser reached us over https, directly or through a proxy that says so. */
function servedOverHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/** Adds `Secure` to each Set-Cookie of an answer to an https request (the library decides it once, at start). */
function withSecureCookies(response: Response, request: Request): Response {
  const cookies = response.headers.getSetCookie();
  if (!servedOverHttps(request) || cookies.length === 0) return response;
  const headers = new Headers(response.headers);
  headers.delete("set-cookie");
  for (const c of cookies) headers.append("set-cookie", /;\s*secure\b/i.test(c) ? c : `${c}; Secure`);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * The library answers its refusals as `{ message, code }` (or with no body at all, for a path it does
 * not have); every /api error carries `error`, so the same client code reads them all.
 */
async function inApiShape(response: Response): Promise<Response> {
  if (response.status < 400) return response;
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    // No JSON: described below by the status alone.
  }
  const error = typeof body.error === "string" ? body.error : typeof body.message === "string" ? body.message : response.status === 404 ? "not found" : response.statusText || "refused";
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify({ error, ...body }), { status: response.status, headers });
}

/**
 * better-auth's endpoints under /api/auth (sign-in/email, sign-out, get-session...), behind the same
 * CSRF rule as every other write, and never cached.
 */
export async function handleAuthRequest(request: Request): Promise<Response> {
  if (isWriteMethod(request.method) && !isSameOrigin(request)) return crossOriginRefusal();
  const response = withSecureCookies(await inApiShape(await getAuth().handler(request)), request);
  response.headers.set("cache-control", "no-store");
  return response;
}
