/**
 * What the write API takes: the seed files' own entry schemas (schema.ts) wrapped in a body with the
 * editor's reason and, for a change, the version it was made against. A form and a seed file
 * therefore can never disagree on what an entry is. Pure: the browser's write client uses these too.
 */
import { z } from "zod";
import { ROLES } from "../api/roles";
import { LIMITS, actorSchema, eventSchema, placeSchema, relationshipSchema, sourceSchema } from "./schema";

/** The kinds of entry the API writes, by the path segment that names them (/api/relationships). */
export const WRITABLE = {
  actors: { kind: "actor", schema: actorSchema },
  relationships: { kind: "relationship", schema: relationshipSchema },
  events: { kind: "event", schema: eventSchema },
  sources: { kind: "source", schema: sourceSchema },
  places: { kind: "place", schema: placeSchema },
} as const;

export type WritablePath = keyof typeof WRITABLE;
export type EntityKind = (typeof WRITABLE)[WritablePath]["kind"];
export const ENTITY_KINDS = Object.values(WRITABLE).map((w) => w.kind) as EntityKind[];
export const pathOfKind = (kind: EntityKind): WritablePath =>
  (Object.keys(WRITABLE) as WritablePath[]).find((p) => WRITABLE[p].kind === kind)!;

/** An entry as one of the schemas outputs it. */
export type Entry = z.infer<(typeof WRITABLE)[WritablePath]["schema"]>;

/** Why the change was made, in the editor's words: shown in the history and on /changes. */
export const reasonSchema = z
  .string({ error: "expected a reason for the change (a sentence)" })
  .trim()
  .min(3, "expected a reason for the change (a sentence)")
  .max(LIMITS.note, `expected a reason of at most ${LIMITS.note.toLocaleString("en")} characters`)
  .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, "expected a reason without control characters");

export const versionSchema = z.number({ error: "expected the version the change was made against (a whole number)" }).int().positive();

/** POST /api/{kind}. */
export const createBodySchema = <S extends z.ZodType>(entity: S) => z.strictObject({ entity, reason: reasonSchema });

/** PATCH /api/{kind}/{id}: the whole entry, as the form holds it. */
export const updateBodySchema = <S extends z.ZodType>(entity: S) => z.strictObject({ version: versionSchema, reason: reasonSchema, entity });

/** DELETE /api/{kind}/{id}: in the query string or the same JSON body. */
export const deleteBodySchema = z.strictObject({
  version: z.preprocess((v) => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v), versionSchema),
  reason: reasonSchema,
});

/** POST /api/revisions/{id}/restore: `version` is the entity's current one, absent when it is deleted. */
export const restoreBodySchema = z.strictObject({ reason: reasonSchema, version: versionSchema.optional() });

/** PATCH /api/users/{id} (admins). */
export const roleBodySchema = z.strictObject({
  role: z.enum(ROLES, { error: `expected one of: ${ROLES.join(", ")}` }),
});

/** "relationship:some-id", as revisions name what they changed. */
export const entityRefSchema = z
  .string()
  .regex(/^(actor|relationship|event|source|place):[^\s]{1,100}$/, "expected a kind and an id, such as relationship:assad-supports-aqi");

export const revisionsQuerySchema = z.strictObject({
  limit: z.coerce.number({ error: "expected a whole number from 1 to 200" }).int("expected a whole number from 1 to 200").min(1, "expected a whole number from 1 to 200").max(200, "expected a whole number from 1 to 200").default(50),
  before: z.coerce.number({ error: "expected a revision id (a whole number)" }).int("expected a revision id (a whole number)").positive("expected a revision id (a whole number)").optional(),
  entity: entityRefSchema.optional(),
});

/** A body (or query) that does not fit its schema: the first problem, its field dotted from the body's root. */
export interface BodyProblem {
  field: string;
  expected: string;
  received?: unknown;
}

function at(value: unknown, path: PropertyKey[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** The first problem of a failed parse, as the 400 names it ("entity.start.date"). */
export function firstProblem(error: z.ZodError, input: unknown): BodyProblem {
  const issue = error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    const where = issue.path.length ? issue.path.join(".") : "the body";
    return { field: [...issue.path, key].join("."), expected: `only the fields of ${where} (there is no field "${key}")` };
  }
  const received = at(input, issue.path);
  const shown = received === undefined || (typeof received === "object" && received !== null) ? undefined : received;
  return { field: issue.path.length ? issue.path.join(".") : "body", expected: issue.message.replace(/^expected /, ""), ...(shown !== undefined && { received: typeof shown === "string" && shown.length > 200 ? `${shown.slice(0, 200)}…` : shown }) };
}
