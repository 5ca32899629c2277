/**
 * The CSRF rule for every write (POST, PATCH, DELETE), the accounts' own included: a request is
 * accepted only when its Origin (or, when a browser sent none, its Referer) is the app's own origin.
 * A request with neither is refused too: every browser sends Origin on these methods, so only a
 * script could omit it, and it can send one. Checked in proxy.ts before any route runs, and again by
 * the write routes themselves (a route never relies on being reached through the proxy).
 *
 * "The app's own origin" is the host the request was sent to (Host, or X-Forwarded-Host from a
 * proxy in front: a cross-site page cannot set either without a CORS preflight, which the API never
 * grants) under http or https, plus BETTER_AUTH_URL when it is set (the public address of a deployment).
 */

export const CROSS_ORIGIN_ERROR = "cross-origin request refused";

/** Methods that change something and therefore need the check. */
export function isWriteMethod(method: string): boolean {
  return method === "POST" || method === "PATCH" || method === "DELETE" || method === "PUT";
}

function originOf(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** Every origin that counts as the app's own for this request. */
export function ownOrigins(request: Request, publicUrl: string | undefined = process.env.BETTER_AUTH_URL): string[] {
  const origins = new Set<string>();
  const own = originOf(request.url);
  if (own) origins.add(own);
  for (const header of ["host", "x-forwarded-host"]) {
    const host = request.headers.get(header)?.split(",")[0]?.trim();
    if (!host || !/^[\w.\-:[\]]+$/.test(host)) continue;
    origins.add(`http://${host}`).add(`https://${host}`);
  }
  const configured = originOf(publicUrl ?? null);
  if (configured) origins.add(configured);
  return [...origins];
}

/** True when the request comes from a page of this app (or names no other origin and comes from nowhere else). */
export function isSameOrigin(request: Request): boolean {
  const claimed = request.headers.get("origin");
  const origin = claimed !== null && claimed !== "null" ? originOf(claimed) : originOf(request.headers.get("referer"));
  if (origin === null) return false;
  return ownOrigins(request).includes(origin);
}

/** 403 in the API's error shape. */
export function crossOriginRefusal(): Response {
  return Response.json(
    { error: CROSS_ORIGIN_ERROR, field: "origin", expected: "a request from this app's own pages (Origin or Referer of this site)" },
    { status: 403 },
  );
}
