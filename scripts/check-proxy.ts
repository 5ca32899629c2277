/**
 * Checks deploy/nginx.conf in front of the built app, on loopback: `next start` on a freshly seeded
 * store, nginx with the repository's configuration (listen port, app address and cache directory
 * rewritten), then over the proxy:
 * - the first /api/graph?at=2009 is a MISS and the second a HIT, with the app's bytes and ETag;
 * - a client's If-None-Match gets 304 from nginx;
 * - an export (a file answer, streamed by the app) is kept too;
 * - after s-maxage the entry is revalidated with the app and served again (HIT), not refetched;
 * - a bad request (400) is passed on and not kept.
 *
 *   npm run build && npm run deploy:check -- [--port 3093] [--proxy-port 3094]
 *
 * Exit 0 when every check holds, or when nginx is not installed (printed as SKIPPED with the reason);
 * 1 when a check fails.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { NGINX, nginxErrors, startNginx } from "./nginx-proxy";

const { values } = parseArgs({ options: { port: { type: "string", default: "3093" }, "proxy-port": { type: "string" } } });
const APP = Number(values.port);
const PROXY = Number(values["proxy-port"] ?? APP + 1);

const failures: string[] = [];
function check(what: string, ok: boolean, detail = "") {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? ` (${detail})` : ""}`);
  if (!ok) failures.push(what);
}

async function waitFor(url: string, child: ChildProcess, name: string) {
  for (let i = 0; i < 400; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${name} did not answer at ${url}`);
}

const stop = (child: ChildProcess | undefined) =>
  new Promise<void>((resolve) => {
    if (!child || child.exitCode !== null) return resolve();
    child.on("exit", () => resolve());
    child.kill("SIGTERM");
  });

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, body, etag: res.headers.get("etag"), cache: res.headers.get("x-cache-status") };
}

async function main() {
  if (!NGINX) {
    console.log("SKIPPED: nginx is not installed (apt-get install nginx-light), so deploy/nginx.conf was not checked");
    return;
  }
  if (!existsSync(".next/BUILD_ID")) throw new Error("no build found; run npm run build first");
  const dir = mkdtempSync(path.join(tmpdir(), "explorer-proxy-"));
  const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "store.db")}`, NEXT_TELEMETRY_DISABLED: "1" };
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { env, stdio: "ignore" });
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "seed/load.ts"], { env, stdio: "ignore" });

  let app: ChildProcess | undefined;
  let proxy: ChildProcess | undefined;
  try {
    app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(APP), "-H", "127.0.0.1"], { env, stdio: "ignore" });
    await waitFor(`http://127.0.0.1:${APP}/api/timeline`, app, "next start");
    proxy = startNginx({ appPort: APP, proxyPort: PROXY, dir });
    await waitFor(`http://127.0.0.1:${PROXY}/api/timeline`, proxy, "nginx");

    const url = `http://127.0.0.1:${PROXY}/api/graph?at=2009`;
    const direct = await get(`http://127.0.0.1:${APP}/api/graph?at=2009`);
    const first = await get(url);
    const second = await get(url);
    check("first answer through the proxy is fetched from the app", first.status === 200 && first.cache === "MISS", `${first.status} ${first.cache}`);
    check("second answer is served by nginx from its cache", second.status === 200 && second.cache === "HIT", `${second.status} ${second.cache}`);
    check("the cached answer is the app's bytes and ETag", second.body.equals(direct.body) && second.etag === direct.etag && !!direct.etag);
    const revalidated = await get(url, { "if-none-match": second.etag ?? "" });
    check("a client's If-None-Match gets 304 from the proxy", revalidated.status === 304, `${revalidated.status} ${revalidated.cache}`);

    const exportUrl = `http://127.0.0.1:${PROXY}/api/export?format=gexf`;
    const e1 = await get(exportUrl);
    const e2 = await get(exportUrl);
    check("an export is kept too", e1.status === 200 && e2.cache === "HIT" && e2.body.equals(e1.body), `${e1.cache}, ${e2.cache}`);

    const bad1 = await get(`http://127.0.0.1:${PROXY}/api/graph?at=2009-13`);
    const bad2 = await get(`http://127.0.0.1:${PROXY}/api/graph?at=2009-13`);
    check("a 400 is passed on and not kept", bad1.status === 400 && bad2.status === 400 && bad2.cache !== "HIT", `${bad2.cache}`);

    // Past s-maxage (5 s): the entry is stale; nginx serves it and revalidates in the background
    // with If-None-Match, which the app answers 304 (same version), so the entry is fresh again.
    await new Promise((r) => setTimeout(r, 6500));
    const stale = await get(url);
    await new Promise((r) => setTimeout(r, 500));
    const after = await get(url);
    check("past s-maxage the stale entry is served while it is revalidated", stale.status === 200 && ["STALE", "UPDATING", "REVALIDATED"].includes(stale.cache ?? ""), `${stale.cache}`);
    check("and is then fresh again with the same bytes", after.cache === "HIT" && after.body.equals(direct.body), `${after.cache}`);
  } finally {
    if (failures.length) console.log(nginxErrors(dir));
    await stop(proxy);
    await stop(app);
    rmSync(dir, { recursive: true, force: true });
  }
  if (failures.length) {
    console.log(`${failures.length} check(s) failed`);
    process.exit(1);
  }
  console.log("deploy/nginx.conf: every check holds");
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`deploy:check failed: ${(e as Error).message}`);
    process.exit(1);
  },
);
