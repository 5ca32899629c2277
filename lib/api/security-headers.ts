/**
 * The security headers every answer carries: pages, API answers and static files alike. Pure, so the
 * proxy (which cannot import server-only modules), next.config.js's list and the tests share one
 * definition.
 */

/** Headers that do not change per request. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  // frame-ancestors 'none' in the CSP says the same to browsers that read CSP; this is for those that do not.
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/**
 * The pages' policy. Scripts: only ours and those Next marks with this request's nonce (its inline
 * bootstrap); 'strict-dynamic' lets those load the chunks they import. No 'unsafe-eval': production
 * React and Cytoscape never evaluate strings. Styles need 'unsafe-inline': React and Cytoscape set
 * style attributes, which a nonce cannot cover (and a nonce in style-src would disable
 * 'unsafe-inline'). Pictures are drawn in the page from blob: and data: URLs onto a canvas.
 */
export function pageContentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** JSON and files are never rendered as documents of ours: nothing may load or frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

/**
 * Set by instrumentation.ts on a request whose method a web Request cannot carry (TRACE), which it
 * relabels OPTIONS; proxy.ts refuses such a request with 405.
 */
export const REFUSED_METHOD_HEADER = "x-explorer-refused-method";

/**
 * Set by instrumentation.ts when an /api query names `__proto__`: Next drops that parameter while
 * parsing the URL, before proxy.ts or the route could see it. Holds the value, percent-encoded.
 */
export const REFUSED_PARAMETER_HEADER = "x-explorer-refused-parameter";
