/**
 * npm run user:create as a person runs it: the password piped on stdin, never an argument; a weak
 * one refused; one line out; the account signs in through the real route afterwards.
 */
import { describe, expect, it } from "vitest";
import { runCommand } from "@/test/setup/command";
import { freshDatabaseFile } from "@/test/setup/database";

async function userCreate(file: string, args: string[], input: string) {
  const r = await runCommand("scripts/user-create.ts", args, file, { input, env: { BETTER_AUTH_SECRET: "" } });
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}

describe("npm run user:create", () => {
  it("reads the password from stdin, refuses a weak one or one given as an argument, and prints one line", { timeout: 120_000 }, async () => {
    const file = freshDatabaseFile();
    const weak = await userCreate(file, ["--email", "ed@example.org", "--role", "editor"], "short\n");
    expect(weak.status).toBe(1);
    expect(weak.stderr.trim()).toBe("user:create: nothing was created; the password must be at least 12 characters");

    const asArgument = await userCreate(file, ["--email", "ed@example.org", "--role", "editor", "--password", "a long enough passphrase"], "");
    expect(asArgument.status).toBe(1);
    expect(asArgument.stderr).toMatch(/Unknown option '--password'/);

    const badRole = await userCreate(file, ["--email", "ed@example.org", "--role", "owner"], "a long enough passphrase\n");
    expect(badRole.status).toBe(1);

    const made = await userCreate(file, ["--email", "Ed@Example.org", "--role", "editor", "--name", "Ed Itor"], "a long enough passphrase\n");
    expect(made.stderr).toBe("");
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/^user:create: created editor ed@example\.org \(Ed Itor, id \S+\)\n$/);
    expect(made.stdout + made.stderr).not.toContain("a long enough passphrase");

    const again = await userCreate(file, ["--email", "ed@example.org", "--role", "admin"], "a long enough passphrase\n");
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists/);

    process.env.DATABASE_URL = `file:${file}`;
    const { POST } = await import("@/app/api/auth/[...all]/route");
    const signIn = (password: string) =>
      POST(new Request("http://localhost/api/auth/sign-in/email", { method: "POST", headers: { origin: "http://localhost", "content-type": "application/json" }, body: JSON.stringify({ email: "ed@example.org", password }) }));
    expect((await signIn("a long enough passphrase")).status).toBe(200);
    expect((await signIn("a long enough passphrasf")).status).toBe(401);
  });
});
