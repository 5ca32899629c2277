/**
 * A synthetic dataset bundle of any size (lib/dataset/synth.ts), importable with dataset:import:
 *
 *   npm run dataset:synth -- --relationships 100000 [--seed N] --out FILE
 *
 * The same options always write the same bytes. Exit codes: 0 written, 1 failed (nothing written),
 * 2 a wrong command line.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { writeFileAtomically } from "../lib/dataset/files";
import { synthesizeDataset } from "../lib/dataset/synth";
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle } from "../lib/dataset/bundle-schema";
import { describeStoreFailure } from "../lib/dataset/store-failure";

const USAGE = "usage: dataset-synth --relationships N [--seed N] --out FILE";

function wholeNumber(name: string, text: string | undefined, fallback?: number): number {
  if (text === undefined && fallback !== undefined) return fallback;
  const n = Number(text);
  if (text === undefined || !/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1) {
    console.error(`dataset-synth: --${name} expects a positive whole number, found ${text === undefined ? "nothing" : JSON.stringify(text)}\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

let values: { relationships?: string; seed?: string; out?: string };
try {
  ({ values } = parseArgs({
    args: process.argv.slice(2),
    options: { relationships: { type: "string" }, seed: { type: "string" }, out: { type: "string" } },
  }));
} catch (e) {
  console.error(`dataset-synth: ${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
const relationships = wholeNumber("relationships", values.relationships);
const seed = wholeNumber("seed", values.seed, 1);
if (!values.out) {
  console.error(`dataset-synth: --out FILE is required\n${USAGE}`);
  process.exit(2);
}

const dataset = synthesizeDataset({ relationships, seed });
const bundle: Bundle = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, ...dataset };
// The same text as dataset:export writes, so an import then an export gives this file back.
const text = `${JSON.stringify(bundle, null, 2)}\n`;
const out = path.resolve(values.out);
try {
  writeFileAtomically(out, text);
} catch (e) {
  console.error(`dataset-synth: failed: ${describeStoreFailure(e) ?? (e as Error).message}; nothing was written to ${out}`);
  process.exit(1);
}
console.log(
  `dataset-synth: wrote ${dataset.actors.length} actors, ${dataset.relationships.length} relationships, ${dataset.events.length} events, ` +
    `${dataset.sources.length} sources, ${dataset.places.length} places (seed ${seed}) to ${values.out} (${Buffer.byteLength(text)} bytes)`,
);
