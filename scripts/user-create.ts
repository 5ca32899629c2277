/**
 * Makes an account: `npm run user:create -- --email E --role admin [--name N]`. The password is read
 * from standard input when it is piped (`printf '%s' "$PW" | npm run user:create -- ...`) or asked
 * for at a hidden prompt, never taken as an argument (arguments show in `ps` and shell history).
 * Prints one line.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ROLES, isRole } from "../lib/api/roles";
import { databaseFile } from "../lib/env";
import { createUser, MIN_PASSWORD_LENGTH, WeakPasswordError } from "../lib/server/auth/create-user";
import { db } from "../lib/server/store/db";

class CommandError extends Error {}

const USAGE = `usage: npm run user:create -- --email E --role ${ROLES.join("|")} [--name N]   (password on stdin or at the prompt)`;

/** Everything piped in, without the final line break. */
async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

/** Asks on the terminal without echoing what is typed. */
function prompt(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    let typed = "";
    const done = (fail?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener("data", onData);
      process.stderr.write("\n");
      if (fail) reject(fail);
      else resolve(typed);
    };
    const onData = (key: string) => {
      for (const ch of key) {
        if (ch === "\r" || ch === "\n") return done();
        if (ch === "\u0003") return done(new CommandError("cancelled"));
        if (ch === "\u007f" || ch === "\b") typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPiped();
  const first = await prompt("password: ");
  if (first.length >= MIN_PASSWORD_LENGTH && (await prompt("again: ")) !== first) throw new CommandError("the two passwords differ; nothing was created");
  return first;
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({ options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } }, allowPositionals: false }));
  } catch (e) {
    // Also refuses --password: a password never travels as an argument.
    throw new CommandError(`${(e as Error).message.split("\n")[0]}; ${USAGE}`);
  }
  const email = z.email().safeParse(values.email?.trim());
  if (!email.success) throw new CommandError(`expected --email with an email address; ${USAGE}`);
  if (!isRole(values.role)) throw new CommandError(`expected --role, one of ${ROLES.join(", ")}; ${USAGE}`);
  const name = values.name?.trim() || email.data.split("@")[0]!;
  if (!existsSync(databaseFile())) throw new CommandError(`no database at ${databaseFile()}; run npm run db:migrate first (or set DATABASE_URL)`);
  const password = await readPassword();
  const user = await createUser({ email: email.data, name, role: values.role, password });
  console.log(`user:create: created ${user.role} ${user.email} (${user.name}, id ${user.id})`);
}

main()
  .catch((e: unknown) => {
    const message = e instanceof CommandError || e instanceof WeakPasswordError ? e.message : e instanceof Error ? e.message : String(e);
    console.error(`user:create: nothing was created; ${message}`);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
