/**
 * Two things Next does to a request before any code of ours runs, undone here:
 * - TRACE: Next builds a web Request for every request and the Fetch standard forbids that method,
 *   so Next answered it with a plain-text 500;
 * - `?__proto__=…`: Next parses the query into a plain object and drops that key, so an /api route
 *   saw a request without it and accepted what it refuses under any other unknown name.
 * Node's HTTP server announces each request on a diagnostics channel before handing it to Next;
 * there (instrumentation-node.ts) such a request gets a header saying what it really was (a TRACE is
 * relabelled OPTIONS), and proxy.ts answers it in the API's JSON shape with the usual headers.
 */
export async function register() {
  // The Edge build of this file must not see node: modules.
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
