import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeFileAtomically } from "./files";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "explorer-atomic-"));
  dirs.push(dir);
  return dir;
};

describe("writeFileAtomically", () => {
  it("replaces the file whole", () => {
    const dir = tempDir();
    const target = path.join(dir, "backup.json");
    writeFileSync(target, "old backup\n");
    writeFileAtomically(target, "new backup\n");
    expect(readFileSync(target, "utf8")).toBe("new backup\n");
    expect(readdirSync(dir)).toEqual(["backup.json"]);
  });

  it("leaves the previous file intact and no temporary file when the disk fills half-way", () => {
    const dir = tempDir();
    const target = path.join(dir, "backup.json");
    writeFileSync(target, "the previous good backup\n");
    const fullHalfWay = (fd: number, data: Buffer) => {
      writeSync(fd, data, 0, data.length / 2);
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    };
    expect(() => writeFileAtomically(target, "x".repeat(10_000), fullHalfWay)).toThrow(/ENOSPC/);
    expect(readFileSync(target, "utf8")).toBe("the previous good backup\n");
    expect(readdirSync(dir)).toEqual(["backup.json"]);
  });

  it("fails before touching anything when the directory does not exist", () => {
    const dir = tempDir();
    expect(() => writeFileAtomically(path.join(dir, "missing", "backup.json"), "x")).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
