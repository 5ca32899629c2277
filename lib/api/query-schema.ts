/**
 * The query parameters each route accepts, one zod schema per route. Routes parse with
 * parseSearchParams, which turns any problem into a 400 naming the parameter and what it expects.
 */
import { z } from "zod";
import { PARTIAL_DATE_HINT, isPartialDate, periodOf } from "../model/dates";
import { ACTOR_KINDS, CERTAINTIES, POLARITIES, RELATIONSHIP_TYPES, keysOf } from "../model/vocabulary";
import { slugSchema } from "../dataset/schema";

export const dateParam = z.string().refine(isPartialDate, { message: `expected ${PARTIAL_DATE_HINT}` });

/** A list given as repeated parameters or comma-separated (type=support,trade). */
function listOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .array(z.string())
    .transform((vs) => vs.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values, { message: `expected one or more of: ${values.join(", ")}` })).min(1, "expected at least one value"));
}

const windowShape = {
  at: dateParam.optional(),
  from: dateParam.optional(),
  to: dateParam.optional(),
};

type WindowParams = { at?: string; from?: string; to?: string };

function checkWindow(q: WindowParams, ctx: z.RefinementCtx) {
  if (q.at !== undefined && (q.from !== undefined || q.to !== undefined)) {
    ctx.addIssue({ code: "custom", path: ["at"], message: "expected either at, or from and/or to, not both" });
  }
  // Refinements run even when a field failed its own check; only two valid bounds can be compared
  // (periodOf throws on anything else, which would turn a bad request into a 500).
  if (q.from === undefined || q.to === undefined || !isPartialDate(q.from) || !isPartialDate(q.to)) return;
  if (periodOf(q.from).first > periodOf(q.to).last) {
    ctx.addIssue({ code: "custom", path: ["to"], message: `expected a date not before from (${q.from})` });
  }
}

export const windowQuerySchema = z.strictObject(windowShape).superRefine(checkWindow);

/**
 * /api/graph: the window, and `possibly=1` to add the relationships that may still hold after
 * their last attested date (an `at-least` end before the window), marked `possibly`.
 */
export const graphQuerySchema = z
  .strictObject({ ...windowShape, possibly: z.enum(["0", "1"], { message: "expected 1 or 0" }).optional() })
  .superRefine(checkWindow);
export type GraphQuery = z.infer<typeof graphQuerySchema>;

export const relationshipsQuerySchema = z
  .strictObject({
    ...windowShape,
    type: listOf(keysOf(RELATIONSHIP_TYPES)).optional(),
    certainty: listOf(keysOf(CERTAINTIES)).optional(),
    actor: slugSchema.optional(),
  })
  .superRefine(checkWindow);

export const eventsQuerySchema = z.strictObject({ ...windowShape, actor: slugSchema.optional() }).superRefine(checkWindow);

/** Like listOf, but an empty value ("type=") is an empty list: the explorer's "hide all of these". */
function filterListOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .array(z.string())
    .transform((vs) => vs.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values, { message: `expected a comma-separated list of: ${values.join(", ")} (empty for none)` })));
}

export const EXPORT_FORMATS = ["graphml", "gexf", "json", "csv", "bundle"] as const;
export const CSV_TABLES = ["relationships", "actors"] as const;

/**
 * /api/export: a format, the window as elsewhere, and the explorer's filters and focus, so a script
 * gets the same file as the explorer's Export menu. The bundle is the whole store and takes nothing else.
 */
export const exportQuerySchema = z
  .strictObject({
    format: z.enum(EXPORT_FORMATS, { message: `expected one of: ${EXPORT_FORMATS.join(", ")}` }),
    ...windowShape,
    type: filterListOf(keysOf(RELATIONSHIP_TYPES)).optional(),
    polarity: filterListOf(keysOf(POLARITIES)).optional(),
    certainty: filterListOf(keysOf(CERTAINTIES)).optional(),
    kind: filterListOf(keysOf(ACTOR_KINDS)).optional(),
    focus: slugSchema.optional(),
    table: z.enum(CSV_TABLES, { message: `expected one of: ${CSV_TABLES.join(", ")}` }).optional(),
  })
  .superRefine((q, ctx) => {
    checkWindow(q, ctx);
    if (q.table !== undefined && q.format !== "csv") {
      ctx.addIssue({ code: "custom", path: ["table"], message: "expected table only with format=csv" });
    }
    if (q.format === "bundle") {
      const extra = (["at", "from", "to", "type", "polarity", "certainty", "kind", "focus"] as const).find((k) => q[k] !== undefined);
      if (extra) ctx.addIssue({ code: "custom", path: [extra], message: "expected nothing but format=bundle: the bundle is always the whole store" });
    }
  });

export const emptyQuerySchema = z.strictObject({});

export type WindowQuery = z.infer<typeof windowQuerySchema>;
export type RelationshipsQuery = z.infer<typeof relationshipsQuerySchema>;
export type EventsQuery = z.infer<typeof eventsQuerySchema>;
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** Which parameters take several values; the others must be given at most once. */
const LIST_PARAMS = new Set(["type", "certainty", "polarity", "kind"]);

export class QueryError extends Error {
  readonly expected: string;
  constructor(
    readonly field: string,
    expected: string,
    readonly received?: string,
  ) {
    // Schema messages read "expected …"; the response's key already says so.
    const what = expected.replace(/^expected /, "");
    super(`${field}: expected ${what}`);
    this.name = "QueryError";
    this.expected = what;
  }
}

/** Parses URLSearchParams with a route's schema; the first problem becomes a QueryError. */
export function parseSearchParams<S extends z.ZodType>(schema: S, params: URLSearchParams): z.infer<S> {
  // No prototype: "__proto__", "constructor" or "toString" are then keys like any other, refused as
  // unknown, instead of being swallowed by (or read from) Object.prototype.
  const raw: Record<string, string | string[]> = Object.create(null);
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (LIST_PARAMS.has(key)) raw[key] = values;
    else if (values.length > 1) throw new QueryError(key, "expected the parameter at most once", values.join(", "));
    else raw[key] = values[0] ?? "";
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    const allowed = "shape" in schema ? Object.keys((schema as unknown as z.ZodObject).shape) : [];
    const expected = allowed.length ? `one of this route's parameters: ${allowed.join(", ")}` : "no parameters: this route takes none";
    throw new QueryError(key, expected, String(raw[key] ?? ""));
  }
  const field = String(issue.path[0] ?? "query");
  const received = raw[field];
  throw new QueryError(field, issue.message, Array.isArray(received) ? received.join(",") : received);
}
