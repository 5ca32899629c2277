/**
 * Reads the seed directory: one YAML file per section. Node-only (it reads files) but not
 * server-only, so command-line scripts and tests can use it.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { DatasetError, validateDataset } from "./validation";
import { DATASET_FILES, LIMITS, type Dataset } from "./schema";

type Section = keyof typeof DATASET_FILES;

const MB = 1024 * 1024;
/** The refusal of a file over LIMITS.fileBytes, in megabytes. */
export function tooLarge(bytes: number): string {
  return `the file is ${(bytes / MB).toFixed(1)} MB; at most ${LIMITS.fileBytes / MB} MB is read`;
}

export function readDatasetDir(dir: string): Dataset {
  const raw: Partial<Record<Section, unknown>> = {};
  const files = {} as Record<Section, string>;
  const unreadable: DatasetError["problems"] = [];
  for (const [section, spec] of Object.entries(DATASET_FILES) as [Section, { file: string; optional?: boolean }][]) {
    const { file } = spec;
    const full = path.join(dir, file);
    const relative = path.relative(process.cwd(), full);
    files[section] = relative.startsWith("..") ? full : relative;
    if (spec.optional && !existsSync(full)) continue;
    let text: string;
    try {
      // Checked before reading: a file this large is a mistake, and reading it could exhaust memory.
      const size = statSync(full).size;
      if (size > LIMITS.fileBytes) {
        unreadable.push({ file: files[section], entry: null, field: null, message: tooLarge(size) });
        continue;
      }
      text = readFileSync(full, "utf8");
    } catch (e) {
      unreadable.push({ file: files[section], entry: null, field: null, message: `cannot read the file (${(e as Error).message})` });
      continue;
    }
    try {
      raw[section] = parse(text, { prettyErrors: true });
    } catch (e) {
      unreadable.push({ file: files[section], entry: null, field: null, message: `not valid YAML: ${(e as Error).message}` });
    }
  }
  if (unreadable.length) throw new DatasetError(unreadable);
  return validateDataset(raw, files);
}

/**
 * Writes a file so that it is either wholly the new text or left as it was: the text goes to a
 * temporary file beside the target (same directory, so the same file system), is flushed to disk,
 * then renamed over the target, which POSIX makes atomic. On any failure (a full disk half-way,
 * a read-only directory) the temporary file is removed and the error passes on. `write` is for tests.
 */
export function writeFileAtomically(target: string, text: string, write: (fd: number, data: Buffer) => void = writeAll): void {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, "wx");
    write(fd, Buffer.from(text, "utf8"));
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, target);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw e;
  }
}

function writeAll(fd: number, data: Buffer): void {
  for (let done = 0; done < data.length; ) done += writeSync(fd, data, done, Math.min(data.length - done, 1 << 20));
}
