/**
 * The server's read-ahead queue: one read at a time, newest first, bounded, and never while a
 * reader's own request is being answered.
 */
import { describe, expect, it } from "vitest";
import { answeringReader, readAhead, readAheadSettled } from "./read-ahead";

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe("readAhead", () => {
  it("waits while a reader's request is answered, then reads", async () => {
    let release: () => void = () => undefined;
    const held = answeringReader(() => new Promise<void>((resolve) => (release = resolve)));
    const read: string[] = [];
    readAhead(["/a"], async (url) => void read.push(url));
    await turns(5);
    expect(read).toEqual([]);
    release();
    await held;
    await readAheadSettled();
    expect(read).toEqual(["/a"]);
  });

  it("reads one at a time, the newest reader's first, each once, and forgets the oldest past eight", async () => {
    let release: () => void = () => undefined;
    const held = answeringReader(() => new Promise<void>((resolve) => (release = resolve)));
    const read: string[] = [];
    let at = 0;
    let most = 0;
    const run = async (url: string) => {
      most = Math.max(most, ++at);
      await turns(1);
      read.push(url);
      at--;
    };
    readAhead(["/1", "/2", "/3"], run);
    readAhead(["/4", "/5", "/6", "/2"], run);
    readAhead(["/7", "/8", "/9"], run);
    release();
    await held;
    await readAheadSettled();
    expect(most).toBe(1);
    expect(read).toEqual(["/7", "/8", "/9", "/4", "/5", "/6", "/2", "/1"]);
  });

  it("keeps reading after a read fails", async () => {
    const read: string[] = [];
    readAhead(["/bad", "/good"], async (url) => {
      if (url === "/bad") throw new Error("no store");
      read.push(url);
    });
    await readAheadSettled();
    expect(read).toEqual(["/good"]);
  });
});
