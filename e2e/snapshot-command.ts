import { spawnSync } from "node:child_process";

/**
 * `npm run snapshot -- ARGS` (tsx scripts/snapshot.ts), started as one `node --import tsx` process:
 * npx and tsx's own CLI would be two more Node starts for each run.
 */
export function snapshotCommand(args: string[], timeout: number) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/snapshot.ts", ...args], { encoding: "utf8", timeout });
}
