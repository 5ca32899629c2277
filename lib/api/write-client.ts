/**
 * How the browser writes: the session, signing in and out, and the write API (docs/api.md, "Writing").
 * Bodies are typed from the seed files' zod schemas (lib/dataset/schema.ts), the same ones the
 * routes validate with, so a form cannot send a shape the server reads differently.
 */
import type { z } from "zod";
import { WRITABLE, reasonSchema, type WritablePath } from "../dataset/write-schema";
import { canEdit as roleCanEdit, type Role } from "./roles";

/** Each kind of entry the write API takes (by its path, /api/relationships), validated by the seed schemas. */
export type EntryKind = WritablePath;
export const entitySchemaFor = <K extends EntryKind>(kind: K): (typeof WRITABLE)[K]["schema"] => WRITABLE[kind].schema;
/** An entry as the server stores and answers it. */
export type Entry<K extends EntryKind> = z.output<(typeof WRITABLE)[K]["schema"]>;
/** The explorer's selection kinds and the revision log's entity prefixes ("relationship:ID"), by path. */
export const entityWord = (kind: EntryKind) => WRITABLE[kind].kind;
/** The reason every write carries, checked as the server checks it. */
export { reasonSchema };

export type { Role };
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export const canEdit = (user: SessionUser | null | undefined): boolean => !!user && roleCanEdit(user.role);

/** A refusal from the write API, with what the form needs to place it. */
export class WriteError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown> | null,
  ) {
    super(message);
    this.name = "WriteError";
  }
  /** The 400's field path without the body's "entity." prefix: "start.date", "citations.0.source". */
  get field(): string | null {
    const f = this.body?.field;
    return typeof f === "string" ? f.replace(/^entity\.?/, "") : null;
  }
}

/** The 409 of a stale version: what the store holds now. */
export interface StaleConflict<K extends EntryKind> {
  entity: Entry<K>;
  version: number;
}

export function staleConflict<K extends EntryKind>(err: unknown): StaleConflict<K> | null {
  if (!(err instanceof WriteError) || err.status !== 409) return null;
  const current = err.body?.current as { entity?: unknown; version?: unknown } | undefined;
  if (!current || typeof current.version !== "number" || !current.entity) return null;
  return { entity: current.entity as Entry<K>, version: current.version };
}

async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: "same-origin",
    cache: "no-store",
    headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (!res.ok) {
    const message =
      typeof json?.error === "string" ? json.error : typeof json?.message === "string" ? json.message : `${res.status} ${res.statusText}`;
    throw new WriteError(res.status, message, json);
  }
  return json as T;
}

const enc = encodeURIComponent;

export interface RevisionRef {
  id: string;
}

export interface Revision {
  id: string;
  at: string;
  author: { name: string; email?: string };
  entity: string;
  action: "create" | "update" | "delete" | "restore";
  reason: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  version: number;
}

export const writeApi = {
  session: () => send<{ user: SessionUser | null }>("GET", "/api/session").then((r) => r.user),
  signIn: (email: string, password: string) => send<unknown>("POST", "/api/auth/sign-in/email", { email, password }),
  signOut: () => send<unknown>("POST", "/api/auth/sign-out", {}),

  /** The entry in seed shape and its version: what an edit form starts from. */
  read: async <K extends EntryKind>(kind: K, id: string) => {
    const r = await send<{ entry: Entry<K>; version: number }>("GET", `/api/${kind}/${enc(id)}`);
    return { entry: r.entry, version: r.version };
  },
  create: <K extends EntryKind>(kind: K, entity: Entry<K>, reason: string) =>
    send<{ entity: Entry<K>; version: number; revision: RevisionRef }>("POST", `/api/${kind}`, { entity, reason }),
  update: <K extends EntryKind>(kind: K, id: string, entity: Entry<K>, version: number, reason: string) =>
    send<{ entity: Entry<K>; version: number; revision: RevisionRef }>("PATCH", `/api/${kind}/${enc(id)}`, { entity, version, reason }),
  remove: (kind: EntryKind, id: string, version: number, reason: string) =>
    send<{ deleted: string; revision: RevisionRef }>("DELETE", `/api/${kind}/${enc(id)}`, { version, reason }),

  history: (entity: string) =>
    send<{ revisions: Revision[] }>("GET", `/api/revisions?entity=${enc(entity)}&limit=50`).then((r) => r.revisions),
  restore: (revisionId: string, reason: string, version: number | undefined) =>
    send<{ entity: unknown; version: number; revision: RevisionRef }>("POST", `/api/revisions/${enc(revisionId)}/restore`, { reason, version }),
};
