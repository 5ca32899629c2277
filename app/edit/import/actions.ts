"use server";

/**
 * The import page's server action: reads the uploaded CSV files and plans the import with the CLI's
 * own code (lib/server/store/import-spreadsheet.ts) against the store; with `apply` and no refusal it
 * writes it, all or nothing, only if the store is still at the version the preview was made at.
 * Editors only: the session is checked here as the write routes check it (a server action is a POST to
 * this page, and Next refuses one whose Origin is not this site).
 */
import { headers } from "next/headers";
import type { ImportAnswer, ImportPreviewData } from "@/components/editing/import-preview-types";
import type { CsvFile, ImportPlan } from "@/lib/dataset/spreadsheet-plan";
import { LIMITS } from "@/lib/dataset/schema";
import { reasonSchema } from "@/lib/dataset/write-schema";
import { getSessionUser } from "@/lib/server/auth/session";
import { canEdit } from "@/lib/api/roles";
import { db } from "@/lib/server/store/db";
import { importSpreadsheet } from "@/lib/server/store/import-spreadsheet";
import { StaleDatasetError } from "@/lib/server/store/load-dataset";

async function fileOf(data: FormData, name: string): Promise<CsvFile | undefined> {
  const f = data.get(name);
  if (!(f instanceof File) || f.size === 0) return undefined;
  if (f.size > LIMITS.fileBytes) throw new RangeError(`${f.name} is larger than ${LIMITS.fileBytes.toLocaleString("en")} bytes`);
  return { name: f.name || `${name}.csv`, text: await f.text() };
}

/** The plan without the merged dataset: the browser needs the summary, not the whole store. */
function summary(plan: ImportPlan): ImportPreviewData {
  return {
    added: {
      actors: plan.added.actors.map((a) => ({ id: a.id, name: a.name })),
      relationships: plan.added.relationships.map((r) => ({ id: r.id, from: r.from, to: r.to, type: r.type })),
      sources: plan.added.sources.map((s) => ({ id: s.id, citedAs: s.citedAs })),
    },
    changed: plan.changed,
    unchanged: plan.unchanged,
    refused: plan.refused,
    ignored: plan.ignored,
  };
}

export async function runImport(data: FormData): Promise<ImportAnswer> {
  const user = await getSessionUser(new Request("http://import.local/", { headers: await headers() }));
  if (!user) return { ok: false, status: 401, error: "Sign in to import." };
  if (!canEdit(user.role)) return { ok: false, status: 403, error: "Your account may read but not import." };
  let files;
  try {
    files = { nodes: await fileOf(data, "nodes"), edges: await fileOf(data, "edges"), sources: await fileOf(data, "sources") };
  } catch (e) {
    return { ok: false, status: 400, error: e instanceof Error ? e.message : "A file could not be read." };
  }
  if (!files.nodes && !files.edges) return { ok: false, status: 400, error: "Choose a nodes.csv or an edges.csv file." };
  // The editor's own reason goes into every revision the import records; left empty, the files' names do.
  const written = String(data.get("reason") ?? "").trim();
  const why = written ? reasonSchema.safeParse(written) : null;
  if (why && !why.success) return { ok: false, status: 400, error: `Reason for the import: ${why.error.issues[0]?.message ?? "3 to 2,000 characters"}.` };
  const apply = data.get("apply") === "1";
  const seen = Number(data.get("datasetVersion"));
  try {
    const result = await importSpreadsheet(db, files, { dryRun: !apply, ifVersion: apply && Number.isInteger(seen) ? seen : undefined, author: user, reason: why?.data });
    return { ok: true, preview: summary(result.plan), applied: result.applied !== null, datasetVersion: result.datasetVersion };
  } catch (e) {
    if (e instanceof StaleDatasetError) return { ok: false, status: 409, error: "The dataset changed since this preview: preview again before importing." };
    throw e;
  }
}
