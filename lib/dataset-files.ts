/**
 * Reads the seed directory: one YAML file per section. Node-only (it reads files) but not
 * server-only, so command-line scripts and tests can use it.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { DatasetError, validateDataset } from "./dataset-validation";
import { DATASET_FILES, type Dataset } from "./schemas/dataset";

type Section = keyof typeof DATASET_FILES;

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
