/**
 * One of the project's commands run as `npm run` runs it: the script through tsx's loader with
 * --conditions=react-server, in a child process of its own, on the store named by `databaseFile`.
 * Started as one `node --import tsx` process rather than `npx tsx`: npx and tsx's own CLI are two
 * more Node starts per run (about 0.6 s of CPU each time), and tests run these commands dozens of times.
 */
import { spawn } from "node:child_process";
import path from "node:path";

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CommandOptions {
  /** Text piped to the command's stdin (a password, as a person would type it). */
  input?: string;
  /** A file descriptor for the command's stdout instead of a pipe (e.g. /dev/full). */
  stdoutFd?: number;
  env?: Record<string, string | undefined>;
}

export function runCommand(script: string, args: string[], databaseFile: string, options: CommandOptions = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
      cwd: path.resolve("."),
      env: { ...process.env, ...options.env, DATABASE_URL: `file:${databaseFile}` },
      stdio: [options.input === undefined ? "ignore" : "pipe", options.stdoutFd ?? "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d: Buffer) => (stdout += d));
    child.stderr?.on("data", (d: Buffer) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    if (options.input !== undefined) child.stdin!.end(options.input);
  });
}
