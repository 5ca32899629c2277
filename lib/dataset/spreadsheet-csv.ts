/**
 * Reading one CSV file of a spreadsheet import: RFC 4180 quoting (cells with commas, quotes and line
 * breaks), a byte-order mark, CRLF or LF, through csv-parse. Rows are numbered as a spreadsheet shows
 * them: the header is row 1, a cell with a line break does not start a new row, and an empty row
 * still counts (and is skipped). Headers are matched to the columns we read by spreadsheet-columns.ts.
 */
import { parse } from "csv-parse/sync";
import { unguardFormula } from "../export/csv-formula";
import { LIMITS } from "./schema";
import { matchColumns, type ColumnSpec, type Refusal } from "./spreadsheet-columns";

/** A file as the importer receives it: the name shown in messages, and its text. */
export interface CsvFile {
  name: string;
  text: string;
}

export interface CsvRow<C extends string> {
  /** 1-based, as a spreadsheet shows it: the header is row 1. */
  row: number;
  /** Each known column's cell, trimmed, without the apostrophe that guards a formula; a column the file lacks is absent. */
  cells: Partial<Record<C, string>>;
}

export interface CsvTable<C extends string> {
  rows: CsvRow<C>[];
  /** Headers the file has that we do not read, in file order. */
  ignored: string[];
  refused: Refusal[];
  /** A column as this file's header writes it, for messages. */
  header: (column: C) => string;
}

const MB = 1024 * 1024;

/** Parses one file and matches its header; a file that cannot be read at all gives refusals and no rows. */
export function readCsvTable<C extends string>(file: CsvFile, spec: ColumnSpec<C>): CsvTable<C> {
  const empty = (message: string, row: number | null = null): CsvTable<C> => ({
    rows: [],
    ignored: [],
    refused: [{ file: file.name, row, column: null, value: "", message }],
    header: (c) => c,
  });
  const bytes = Buffer.byteLength(file.text, "utf8");
  if (bytes > LIMITS.fileBytes) return empty(`the file is ${(bytes / MB).toFixed(1)} MB; at most ${LIMITS.fileBytes / MB} MB is read`);
  let records: string[][];
  try {
    records = parse(file.text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    const err = e as Error & { records?: number };
    // `records` counts the records read before the fault, the header included: the fault is in the next row.
    return empty(`not valid CSV: ${err.message}`, typeof err.records === "number" ? err.records + 1 : null);
  }
  const [header, ...body] = records;
  if (!header || header.every((h) => h.trim() === "")) return empty("the file is empty; the first row must name the columns");
  const matched = matchColumns(file.name, header, spec);
  if (matched.refused.length) return { rows: [], ignored: matched.ignored, refused: matched.refused, header: matched.headerOf };

  const rows: CsvRow<C>[] = [];
  const refused: Refusal[] = [];
  body.forEach((record, i) => {
    const row = i + 2;
    if (record.every((cell) => cell.trim() === "")) return;
    if (record.length > header.length) {
      const extra = record.slice(header.length).find((cell) => cell.trim() !== "");
      if (extra !== undefined) {
        refused.push({
          file: file.name,
          row,
          column: null,
          value: extra,
          message: `the row has ${record.length} cells and the header ${header.length}; a cell with a comma needs quotes ("Damascus, Syria")`,
        });
        return;
      }
    }
    const cells: Partial<Record<C, string>> = {};
    matched.columns.forEach((column, index) => {
      // A cell our own CSV export guarded against formulas ('=…) reads back as the text it was.
      if (column !== null) cells[column] = unguardFormula((record[index] ?? "").trim());
    });
    rows.push({ row, cells });
  });
  return { rows, ignored: matched.ignored, refused, header: matched.headerOf };
}
