import "server-only";
/**
 * Applies a spreadsheet import (lib/dataset/spreadsheet-plan.ts) to the store: the plan is made
 * against what the store holds now, and only a plan with no refusal is written, through the seed's
 * loader in one transaction (all or nothing). Actors already placed keep their positions; new ones
 * are placed by their neighbours (layout.ts). The CLI (`npm run dataset:import -- --nodes ... --edges ...`)
 * and the editor's preview both call this, the preview with `dryRun`.
 */
import { planSpreadsheetImport, type ImportPlan, type SpreadsheetFiles } from "../../dataset/spreadsheet-plan";
import { readDataset } from "./dataset-bundle";
import { getDatasetVersion } from "./dataset-version";
import { updateLayout, type LayoutReport } from "./layout";
import { replaceDataset, type LoadCounts } from "./load-dataset";
import type { PrismaClient } from "./prisma-client";

export interface SpreadsheetImportResult {
  plan: ImportPlan;
  /** The dataset version the plan was made against: pass it back as `ifVersion` to apply exactly what was previewed. */
  datasetVersion: number;
  /** Set when the plan was written. */
  applied: { counts: LoadCounts; layout: LayoutReport } | null;
}

/**
 * Plans the import against the store and, unless `dryRun` or any row is refused, writes it. With
 * `ifVersion` (the version a preview was made at) it is refused with StaleDatasetError if the
 * store has changed since; without, the plan's own read is the one checked, so no write made between
 * reading and writing is lost either way.
 */
export async function importSpreadsheet(
  client: PrismaClient,
  files: SpreadsheetFiles,
  { dryRun = false, ifVersion }: { dryRun?: boolean; ifVersion?: number } = {},
): Promise<SpreadsheetImportResult> {
  // The version first: a write between the two reads then makes the load refuse, never lose it.
  const datasetVersion = await getDatasetVersion(client);
  const plan = planSpreadsheetImport(await readDataset(client), files);
  if (dryRun || plan.refused.length > 0) return { plan, datasetVersion, applied: null };
  const counts = await replaceDataset(client, plan.merged, { ifVersion: ifVersion ?? datasetVersion });
  const layout = await updateLayout(client);
  return { plan, datasetVersion, applied: { counts, layout } };
}
