/**
 * What the import page's server actions answer: the plan of lib/dataset/spreadsheet-plan.ts without
 * the merged dataset (the browser needs the summary, not the whole store).
 */
export interface ImportRefusal {
  file: string;
  row: number | null;
  column: string | null;
  value: string;
  message: string;
}

export interface ImportPreviewData {
  added: {
    actors: { id: string; name: string }[];
    relationships: { id: string; from: string; to: string; type: string }[];
    sources: { id: string; citedAs: string }[];
  };
  changed: { kind: string; id: string; file: string; row: number; fields: { field: string; before: string; after: string }[] }[];
  unchanged: number;
  refused: ImportRefusal[];
  ignored: { file: string; column: string }[];
}

export type ImportAnswer =
  | { ok: true; preview: ImportPreviewData; applied: boolean; /** The store's version the plan was made at. */ datasetVersion: number }
  | { ok: false; status: 400 | 401 | 403 | 409; error: string };
