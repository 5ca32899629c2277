/**
 * Starts nginx with deploy/nginx.conf on loopback in front of an app port, for scripts/check-proxy.ts
 * and the benchmark. Only the three values marked "check-proxy" in the file are rewritten: the port
 * nginx listens on, the app's address, and the cache's directory (under `dir`).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));

export function startNginx({ appPort, proxyPort, dir }: { appPort: number; proxyPort: number; dir: string }): ChildProcess {
  if (!NGINX) throw new Error("nginx is not installed");
  const conf = readFileSync("deploy/nginx.conf", "utf8")
    .replace(/proxy_cache_path \S+/, `proxy_cache_path ${path.join(dir, "cache")}`)
    .replace(/server 127\.0\.0\.1:3000;/, `server 127.0.0.1:${appPort};`)
    .replace(/listen 8080;/, `listen 127.0.0.1:${proxyPort};`);
  mkdirSync(path.join(dir, "logs"), { recursive: true });
  writeFileSync(path.join(dir, "nginx.conf"), conf);
  // Run as root, nginx's workers would switch to "nobody", who cannot write this private directory.
  const asRoot = process.getuid?.() === 0 ? "user root; " : "";
  const args = ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", `${asRoot}daemon off; pid ${path.join(dir, "nginx.pid")}; error_log ${path.join(dir, "logs", "error.log")};`];
  execFileSync(NGINX, ["-t", ...args], { stdio: "pipe" });
  return spawn(NGINX, args, { stdio: "ignore" });
}

export const nginxErrors = (dir: string) => {
  try {
    return readFileSync(path.join(dir, "logs", "error.log"), "utf8").split("\n").slice(-10).join("\n");
  } catch {
    return "";
  }
};
