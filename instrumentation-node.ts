import { subscribe } from "node:diagnostics_channel";
import { REFUSED_METHOD_HEADER, REFUSED_PARAMETER_HEADER } from "./lib/api/security-headers";

/** Methods Node accepts but a web Request cannot carry (CONNECT never reaches a request handler). */
const UNREPRESENTABLE = new Set(["TRACE", "TRACK"]);

type NodeRequest = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };

subscribe("http.server.request.start", (message) => {
  const { request } = message as { request: NodeRequest };
  // Only this hook may set the header: a client's own copy is dropped.
  delete request.headers[REFUSED_METHOD_HEADER];
  delete request.headers[REFUSED_PARAMETER_HEADER];
  if (request.method && UNREPRESENTABLE.has(request.method)) {
    request.headers[REFUSED_METHOD_HEADER] = request.method;
    request.method = "OPTIONS";
  }
  const raw = request.url ?? "";
  const q = raw.indexOf("?");
  const pathPart = q >= 0 ? raw.slice(0, q) : raw;
  const queryPart = q >= 0 ? raw.slice(q + 1) : null;
  // Next answers a path with "//" by a bare redirect, before any header or route of ours; merged
  // here instead, as nginx does by default.
  if (pathPart.includes("//")) request.url = pathPart.replace(/\/{2,}/g, "/") + (queryPart === null ? "" : `?${queryPart}`);
  if (pathPart.startsWith("/api") && queryPart !== null) {
    const proto = new URLSearchParams(queryPart).get("__proto__");
    if (proto !== null) request.headers[REFUSED_PARAMETER_HEADER] = encodeURIComponent(proto);
  }
});
