/**
 * A second `next start` (the same build as the main test server) over a synthetic store large
 * enough that one date's view takes the graph's large-view paths: a temporary SQLite file, migrated
 * with the real migrations and filled by the real import of a synthetic bundle (lib/dataset/synth.ts,
 * npm run dataset:import).
 * Never touches data/e2e.db or the main server.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { BUNDLE_FORMAT, BUNDLE_VERSION } from "../lib/dataset/bundle-schema";
import { synthesizeDataset } from "../lib/dataset/synth";

const run = promisify(execFile);

export interface LargeStore {
  baseURL: string;
  stop(): Promise<void>;
}

async function step(what: string, args: string[], env: NodeJS.ProcessEnv) {
  try {
    await run(process.execPath, args, { env, maxBuffer: 16 * 2 ** 20 });
  } catch (e) {
    const { stderr, stdout } = e as { stderr?: string; stdout?: string };
    throw new Error(`large store: ${what} failed:\n${stderr || stdout || (e as Error).message}`);
  }
}

const answers = (url: string) => fetch(url).then((r) => r.ok, () => false);

/** Synthesises `relationships` relationships into a fresh store and serves it on `port`. */
export async function startLargeStore(port: number, relationships: number): Promise<LargeStore> {
  const baseURL = `http://127.0.0.1:${port}`;
  // Something else on the port would be tested in place of this store.
  if (await answers(`${baseURL}/api/timeline`)) throw new Error(`large store: something already answers on port ${port}`);
  const dir = mkdtempSync(path.join(tmpdir(), "explorer-e2e-large-"));
  const file = path.join(dir, "large.db");
  const bundle = path.join(dir, "synth.json");
  const env = { ...process.env, DATABASE_URL: `file:${file}`, NEXT_TELEMETRY_DISABLED: "1" };
  let server: ChildProcess | undefined;
  // A worker that dies without its afterAll must not leave the server holding the port.
  const killNow = () => {
    if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGKILL");
  };
  process.once("exit", killNow);

  const stop = async () => {
    process.off("exit", killNow);
    if (server?.pid && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server!.once("exit", r));
      // Not SIGTERM: a graceful stop waits out the test's idle keep-alive connections (seconds), and
      // the store is thrown away anyway.
      process.kill(-server.pid, "SIGKILL");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const migrated = step("prisma migrate deploy", ["node_modules/prisma/build/index.js", "migrate", "deploy"], env);
    migrated.catch(() => {}); // awaited below; not an unhandled rejection if the bundle fails first
    // What npm run dataset:synth writes, made here while the file is migrated (one process fewer).
    writeFileSync(bundle, `${JSON.stringify({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, ...synthesizeDataset({ relationships }) }, null, 2)}\n`);
    await migrated;
    await step("dataset:import", ["--conditions=react-server", "--import", "tsx", "scripts/dataset-bundle.ts", "import", bundle], env);

    let failed = "";
    // Its own process group, so that stopping it ends whatever it started too.
    server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
      env,
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
    });
    server.stderr!.on("data", (d: Buffer) => (failed += d.toString()));
    const exited = new Promise<never>((_, reject) => server!.once("exit", (code) => reject(new Error(`large store: next start exited (${code}):\n${failed}`))));
    exited.catch(() => {});
    let waiting = true;
    const ready = (async () => {
      while (waiting && !(await answers(`${baseURL}/api/timeline`))) await new Promise((r) => setTimeout(r, 200));
    })();
    await Promise.race([ready, exited]).finally(() => (waiting = false));
  } catch (e) {
    await stop();
    throw e;
  }
  return { baseURL, stop };
}
