/**
 * A form's draft: the entry as plain JSON, read and written by field path ("start.date",
 * "citations.0.source"), the same paths the schema's issues and the server's 400 `field` use, so an
 * error finds its input by name. Pure, tested in draft.test.ts.
 */
import type { z } from "zod";
import { formatBound, type Qualifier } from "@/lib/model/dates";

export type Draft = Record<string, unknown>;
export type FieldErrors = Record<string, string>;

const parts = (path: string) => (path === "" ? [] : path.split("."));

export function getAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const p of parts(path)) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

/** A copy with the value at path replaced; containers on the way are copied, never shared. */
export function setAt<T>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = parts(path);
  if (head === undefined) return value as T;
  const base = (obj ?? (/^\d+$/.test(head) ? [] : {})) as Record<string, unknown> | unknown[];
  const copy: Record<string, unknown> | unknown[] = Array.isArray(base) ? [...base] : { ...base };
  const child = (copy as Record<string, unknown>)[head];
  (copy as Record<string, unknown>)[head] = setAt(child, rest.join("."), value);
  return copy as T;
}

/**
 * What a form sends: text trimmed, empty optional fields left out (the schema's defaults then apply),
 * so an untouched "short name" box is no short name rather than an empty one.
 */
export function cleanDraft(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cleanDraft);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = cleanDraft(v);
      if (c !== undefined) out[k] = c;
    }
    return out;
  }
  if (typeof value === "string") {
    const t = value.trim();
    return t === "" ? undefined : t;
  }
  return value;
}

/** The schema's issues by field path; one message per field, the first found. */
export function issuesToErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    if (path in out) continue;
    const missing = issue.code === "invalid_type" && /received undefined/.test(issue.message);
    out[path] = missing ? "Required." : issue.message;
  }
  return out;
}

/** The field an error belongs to: itself if the form has it, else its nearest parent that it has. */
export function fieldFor(path: string, known: (p: string) => boolean): string {
  let p = path;
  while (p !== "" && !known(p)) p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "";
  return p;
}

/** Top-level fields whose values differ, for the merge view and the history's diff. */
export function changedFields(a: Draft | null, b: Draft | null): string[] {
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  return [...keys].filter((k) => !sameValue(a?.[k], b?.[k])).sort();
}

export function sameValue(x: unknown, y: unknown): boolean {
  return stableJson(x) === stableJson(y);
}

/** JSON with keys in order, so two equal entries compare equal whatever order their keys came in. */
export function stableJson(v: unknown): string {
  if (v === undefined) return "null";
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

/** A field's value in words for the diff and the merge view: dates as "by 2003", lists one per line. */
export function describeValue(v: unknown): string {
  if (v === undefined || v === null || v === "") return "—";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return v.length === 0 ? "—" : v.map((x) => `• ${describeValue(x).replace(/\n/g, "\n  ")}`).join("\n");
  const o = v as Record<string, unknown>;
  if (typeof o.date === "string" && typeof o.qualifier === "string" && Object.keys(o).length === 2) {
    return formatBound({ date: o.date, qualifier: o.qualifier as Qualifier });
  }
  return Object.entries(o)
    .filter(([, x]) => x !== undefined && x !== null && x !== "")
    .map(([k, x]) => `${k}: ${describeValue(x)}`)
    .join("; ");
}
