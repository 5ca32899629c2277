/**
 * The write API against a real SQLite file loaded with the small dataset: accounts and roles, the
 * CSRF rule, create → read → update → stale 409 → delete refused while in use, the revision log and
 * restore, one transaction per write, and what must never leak (passwords) or run (stored markup).
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importApiRoutes, type ApiRoutes } from "@/test/setup/api-routes";
import { appRequest, call, makeUser, PASSWORD, signIn } from "@/test/setup/accounts";
import { dumpStore, loadedDatabaseFile, MINI_DATASET } from "@/test/setup/database";
import type { PrismaClient } from "@/lib/server/store/prisma-client";

let routes: ApiRoutes;
let db: PrismaClient;
let editor: string;
let otherEditor: string;
let reader: string;
let admin: string;
const logged: string[] = [];

beforeAll(async () => {
  process.env.DATABASE_URL = `file:${await loadedDatabaseFile(MINI_DATASET)}`;
  routes = await importApiRoutes();
  db = (await import("@/lib/server/store/db")).db;
  // Every line the server logs in this file, to show no password ever reaches a log.
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
  }
  await makeUser("editor@example.org", "editor", "Eda Editor");
  await makeUser("other@example.org", "editor", "Otto Other");
  await makeUser("reader@example.org", "reader", "Rea Reader");
  await makeUser("admin@example.org", "admin", "Ada Admin");
  editor = await signIn(routes.auth.POST, "editor@example.org");
  otherEditor = await signIn(routes.auth.POST, "other@example.org");
  reader = await signIn(routes.auth.POST, "reader@example.org");
  admin = await signIn(routes.auth.POST, "admin@example.org");
});

afterAll(() => vi.restoreAllMocks());

const newRelationship = {
  id: "b-supports-x",
  from: "power-b",
  to: "group-x",
  type: "support",
  certainty: "reported",
  start: { date: "2010", qualifier: "by" },
  end: null,
  summary: "Power B backs the group from 2010 at the latest.",
  citations: [{ source: "source-b", pages: "12", note: "Reports the backing by 2010.", quote: "B was arming X by 2010", url: "https://example.org/b#12" }],
};
/** The same entry as the store gives it back: polarity written out, empty lists present. */
const stored = { ...newRelationship, polarity: "cooperative", places: [] };
const keyOrder = ["id", "from", "to", "type", "polarity", "certainty", "start", "end", "summary", "places", "citations"];
const canonical = (e: Record<string, unknown>) => Object.fromEntries(keyOrder.filter((k) => k in e).map((k) => [k, e[k]]));

const post = (path: string, body: unknown, cookie?: string, origin?: string | null) => appRequest(path, { method: "POST", body, cookie, origin });
const patch = (path: string, body: unknown, cookie?: string, origin?: string | null) => appRequest(path, { method: "PATCH", body, cookie, origin });
const del = (path: string, cookie?: string, origin?: string | null) => appRequest(path, { method: "DELETE", cookie, origin });

describe("accounts", () => {
  it("GET /api/session answers the signed-in user (four fields) or null, never cached", async () => {
    const none = await call(routes.session.GET, appRequest("/api/session"));
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ user: null });
    expect(none.headers.get("cache-control")).toBe("no-store");
    const me = await call(routes.session.GET, appRequest("/api/session", { cookie: editor }));
    expect(me.body).toEqual({ user: { id: expect.any(String), email: "editor@example.org", name: "Eda Editor", role: "editor" } });
  });

  it("sets an httpOnly, SameSite=Lax session cookie, Secure only over https", async () => {
    const plain = await routes.auth.POST(appRequest("/api/auth/sign-in/email", { method: "POST", body: { email: "reader@example.org", password: PASSWORD } }));
    const cookie = plain.headers.getSetCookie().find((c) => c.includes("session_token"))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const https = await routes.auth.POST(
      appRequest("/api/auth/sign-in/email", { method: "POST", body: { email: "reader@example.org", password: PASSWORD }, headers: { "x-forwarded-proto": "https", "x-forwarded-for": "10.0.0.9" } }),
    );
    expect(https.headers.getSetCookie().find((c) => c.includes("session_token"))).toMatch(/; Secure/);
  });

  it("answers the library's refusals in the API's shape", async () => {
    const wrong = await call(routes.auth.POST, appRequest("/api/auth/sign-in/email", { method: "POST", body: { email: "nobody@example.org", password: "not the password" }, headers: { "x-forwarded-for": "10.0.0.10" } }));
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: expect.any(String) });
    expect(wrong.text).not.toContain("not the password");
    const unknown = await call(routes.auth.GET, appRequest("/api/auth/no-such-endpoint"));
    expect(unknown).toMatchObject({ status: 404, body: { error: expect.any(String) } });
    const signUp = await call(routes.auth.POST, post("/api/auth/sign-up/email", { email: "new@example.org", password: "a long enough passphrase", name: "New" }));
    expect(signUp.status).toBeGreaterThanOrEqual(400);
    expect(await db.user.count({ where: { email: "new@example.org" } })).toBe(0);
  });

  it("refuses a sign-in from another origin, and signs out", async () => {
    const cross = await call(routes.auth.POST, post("/api/auth/sign-in/email", { email: "editor@example.org", password: PASSWORD }, undefined, "https://evil.example"));
    expect(cross).toMatchObject({ status: 403, body: { error: "cross-origin request refused" } });
    const cookie = await signIn(routes.auth.POST, "reader@example.org", PASSWORD, { "x-forwarded-for": "10.0.0.8" });
    expect((await call(routes.auth.POST, post("/api/auth/sign-out", {}, cookie))).status).toBe(200);
    expect((await call(routes.session.GET, appRequest("/api/session", { cookie }))).body).toEqual({ user: null });
  });

  it("answers 429 to the sixth quick failed sign-in from one address", async () => {
    const attempt = () => call(routes.auth.POST, appRequest("/api/auth/sign-in/email", { method: "POST", body: { email: "editor@example.org", password: "wrong password!" }, headers: { "x-forwarded-for": "203.0.113.7" } }));
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await attempt()).body).toMatchObject({ error: expect.stringMatching(/too many requests/i) });
    // Another address is not held back.
    expect((await call(routes.auth.POST, appRequest("/api/auth/sign-in/email", { method: "POST", body: { email: "editor@example.org", password: PASSWORD }, headers: { "x-forwarded-for": "203.0.113.8" } }))).status).toBe(200);
  });

  it("lets an admin change a role, and nobody else", async () => {
    const target = await db.user.findUniqueOrThrow({ where: { email: "reader@example.org" } });
    expect((await call(routes.user.PATCH, patch(`/api/users/${target.id}`, { role: "editor" }, editor), { id: target.id })).status).toBe(403);
    const bad = await call(routes.user.PATCH, patch(`/api/users/${target.id}`, { role: "owner" }, admin), { id: target.id });
    expect(bad).toMatchObject({ status: 400, body: { error: "invalid body", field: "role" } });
    const ok = await call(routes.user.PATCH, patch(`/api/users/${target.id}`, { role: "editor" }, admin), { id: target.id });
    expect(ok.body).toEqual({ user: { id: target.id, email: "reader@example.org", name: "Rea Reader", role: "editor" } });
    await call(routes.user.PATCH, patch(`/api/users/${target.id}`, { role: "reader" }, admin), { id: target.id });
    expect((await call(routes.session.GET, appRequest("/api/session", { cookie: reader }))).body.user.role).toBe("reader");
  });
});

describe("every write route refuses", () => {
  const writes = () => {
    const list: [string, (r: Request) => Promise<Response>, string, Record<string, string>, string][] = [];
    for (const [col, item, kind, id] of [
      ["actors", "actor", "actor", "state-a"],
      ["relationships", "relationship", "relationship", "x-attacks-a"],
      ["events", "event", "event", "attack-2014"],
      ["sources", "source", "source", "source-a"],
      ["places", "place", "place", "town"],
    ] as const) {
      list.push([`POST /api/${col}`, (r) => routes[col].POST(r, { params: Promise.resolve({}) }), `/api/${col}`, {}, "POST"]);
      list.push([`PATCH /api/${col}/${id}`, (r) => routes[item].PATCH(r, { params: Promise.resolve({ id }) }), `/api/${col}/${id}`, { id }, "PATCH"]);
      list.push([`DELETE /api/${col}/${id}`, (r) => routes[item].DELETE(r, { params: Promise.resolve({ id }) }), `/api/${col}/${id}?version=1&reason=because`, { id }, "DELETE"]);
      void kind;
    }
    list.push(["POST /api/revisions/1/restore", (r) => routes.restore.POST(r, { params: Promise.resolve({ id: "1" }) }), "/api/revisions/1/restore", { id: "1" }, "POST"]);
    list.push(["PATCH /api/users/x", (r) => routes.user.PATCH(r, { params: Promise.resolve({ id: "x" }) }), "/api/users/x", { id: "x" }, "PATCH"]);
    return list;
  };

  it("401 without a session, 403 for a reader, 403 from another origin or none, and changes nothing", async () => {
    const before = await dumpStore(db);
    for (const [name, handler, path, , method] of writes()) {
      const body = method === "DELETE" ? undefined : { entity: newRelationship, reason: "a reason", version: 1, role: "admin" };
      const anon = await call(handler, appRequest(path, { method, body }));
      expect(anon.status, name).toBe(401);
      if (!name.includes("/users/")) expect(anon.body, name).toEqual({ error: "sign in to edit", message: "sign in to edit" });
      const asReader = await call(handler, appRequest(path, { method, body, cookie: reader }));
      expect([asReader.status, asReader.body.error], name).toEqual([403, "forbidden"]);
      const cross = await call(handler, appRequest(path, { method, body, cookie: admin, origin: "https://evil.example" }));
      expect([cross.status, cross.body.error], name).toEqual([403, "cross-origin request refused"]);
      const noOrigin = await call(handler, appRequest(path, { method, body, cookie: admin, origin: null }));
      expect(noOrigin.status, name).toBe(403);
      const referer = await call(handler, appRequest(path, { method, body, cookie: admin, origin: null, headers: { referer: "https://evil.example/page" } }));
      expect(referer.status, name).toBe(403);
    }
    expect(await dumpStore(db)).toEqual(before);
    expect(await db.revision.count()).toBe(0);
  });
});

describe("create, read, update, stale, delete", () => {
  it("walks a relationship through its life and keeps the store whole on a stale change", async () => {
    const versionBefore = (await db.datasetInfo.findUniqueOrThrow({ where: { id: 1 } })).version;
    const created = await call(routes.relationships.POST, post("/api/relationships", { entity: newRelationship, reason: "Reported by B" }, editor));
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ entity: canonical(stored), version: 1, revision: { id: expect.any(Number) } });
    expect((await db.datasetInfo.findUniqueOrThrow({ where: { id: 1 } })).version).toBe(versionBefore + 1);

    const duplicate = await call(routes.relationships.POST, post("/api/relationships", { entity: newRelationship, reason: "again" }, editor));
    expect(duplicate).toMatchObject({ status: 409, body: { field: "entity.id" } });

    const read = await call(routes.relationship.GET, appRequest("/api/relationships/b-supports-x"), { id: "b-supports-x" });
    expect(read.status).toBe(200);
    expect(read.body.version).toBe(1);
    expect(read.body.entry).toEqual(created.body.entity);
    expect(read.body.relationship).toMatchObject({ id: "b-supports-x", type: "support" });

    const changed = { ...read.body.entry, end: { date: "2013", qualifier: "at-least" } };
    const updated = await call(routes.relationship.PATCH, patch("/api/relationships/b-supports-x", { version: 1, reason: "It lasted", entity: changed }, editor), { id: "b-supports-x" });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({ entity: changed, version: 2, revision: { id: created.body.revision.id + 1 } });

    // A second editor still holds version 1: refused with the current entity, and nothing changes.
    const store = await dumpStore(db);
    const revisions = await db.revision.count();
    const stale = await call(routes.relationship.PATCH, patch("/api/relationships/b-supports-x", { version: 1, reason: "Mine", entity: { ...read.body.entry, summary: "Another summary entirely." } }, otherEditor), { id: "b-supports-x" });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: "stale version", field: "version", current: { entity: changed, version: 2 } });
    expect(await dumpStore(db)).toEqual(store);
    expect(await db.revision.count()).toBe(revisions);

    // The id cannot change; a date that is not one is named by its path.
    const renamed = await call(routes.relationship.PATCH, patch("/api/relationships/b-supports-x", { version: 2, reason: "rename", entity: { ...changed, id: "other-id" } }, editor), { id: "b-supports-x" });
    expect(renamed).toMatchObject({ status: 400, body: { field: "entity.id" } });
    const badDate = await call(routes.relationship.PATCH, patch("/api/relationships/b-supports-x", { version: 2, reason: "date", entity: { ...changed, start: { date: "2010-13" } } }, editor), { id: "b-supports-x" });
    expect(badDate).toMatchObject({ status: 400, body: { error: "invalid body", field: "entity.start.date", received: "2010-13" } });
    const unknownActor = await call(routes.relationship.PATCH, patch("/api/relationships/b-supports-x", { version: 2, reason: "who", entity: { ...changed, to: "nobody" } }, editor), { id: "b-supports-x" });
    expect(unknownActor).toMatchObject({ status: 400, body: { field: "entity.to", received: "nobody" } });
    const noReason = await call(routes.relationship.PATCH, patch("/api/relationships/b-supports-x", { version: 2, entity: changed }, editor), { id: "b-supports-x" });
    expect(noReason).toMatchObject({ status: 400, body: { field: "reason" } });
    const extra = await call(routes.relationship.PATCH, patch("/api/relationships/b-supports-x", { version: 2, reason: "extra", entity: { ...changed, colour: "red" } }, editor), { id: "b-supports-x" });
    expect(extra).toMatchObject({ status: 400, body: { field: "entity.colour", expected: 'only the fields of entity (there is no field "colour")' } });
    const notJson = await call(routes.relationship.PATCH, patch("/api/relationships/b-supports-x", "{not json", editor), { id: "b-supports-x" });
    expect(notJson).toMatchObject({ status: 400, body: { field: "body" } });

    // An actor still used is not deleted: the answer lists what uses it.
    const actor = await call(routes.actor.GET, appRequest("/api/actors/power-b"), { id: "power-b" });
    const refused = await call(routes.actor.DELETE, del(`/api/actors/power-b?version=${actor.body.version}&reason=gone`, editor), { id: "power-b" });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe("in use");
    expect(refused.body.usedBy).toEqual(
      expect.arrayContaining([
        { kind: "relationship", id: "b-supports-x", label: "power-b → group-x (support)" },
        { kind: "relationship", id: "b-cooperates-with-a", label: "power-b → state-a (cooperation)" },
      ]),
    );
    const source = await call(routes.source.GET, appRequest("/api/sources/source-b"), { id: "source-b" });
    expect(source.body).toMatchObject({ source: { id: "source-b" }, version: 1, entry: { id: "source-b", citedAs: "Writer 2014" } });
    expect((await call(routes.source.DELETE, del("/api/sources/source-b?version=1&reason=gone", editor), { id: "source-b" })).body.error).toBe("in use");
    expect((await call(routes.place.DELETE, del("/api/places/town?version=1&reason=gone", editor), { id: "town" })).body.error).toBe("in use");

    // The relationship itself goes, with the stale check, the body form of DELETE too.
    expect((await call(routes.relationship.DELETE, del("/api/relationships/b-supports-x?version=1&reason=gone", editor), { id: "b-supports-x" })).status).toBe(409);
    const gone = await call(routes.relationship.DELETE, appRequest("/api/relationships/b-supports-x", { method: "DELETE", body: { version: 2, reason: "Not borne out" }, cookie: editor }), { id: "b-supports-x" });
    expect(gone.body).toEqual({ deleted: "b-supports-x", revision: { id: expect.any(Number) } });
    expect((await call(routes.relationship.GET, appRequest("/api/relationships/b-supports-x"), { id: "b-supports-x" })).status).toBe(404);
  });

  it("creates every other kind, and places a new actor near its neighbours without moving anybody", async () => {
    const place = { id: "harbour", name: "Harbour", country: "Somewhere" };
    expect((await call(routes.places.POST, post("/api/places", { entity: place, reason: "New place" }, editor))).body).toMatchObject({ entity: place, version: 1 });
    const source = { id: "source-c", citedAs: "Third 2020", authors: [], date: "2020", title: "A third work", kind: "report" };
    expect((await call(routes.sources.POST, post("/api/sources", { entity: source, reason: "New work" }, editor))).status).toBe(201);
    const actor = { id: "group-y", kind: "militant-organisation", name: "Group Y", description: "A splinter of the group.", aliases: ["Y"], names: [{ name: "Young Y", start: "2012", end: { date: "2013", qualifier: "by" } }] };
    const made = await call(routes.actors.POST, post("/api/actors", { entity: actor, reason: "New actor" }, editor));
    expect(made.status).toBe(201);
    expect(made.body.entity.names[0]).toEqual({ name: "Young Y", start: { date: "2012", qualifier: "exact" }, end: { date: "2013", qualifier: "by" } });

    const { getLayoutPositions } = await import("@/lib/server/store/layout");
    const before = new Map(await getLayoutPositions());
    const tie = { ...newRelationship, id: "y-splits-from-x", from: "group-y", to: "group-x", type: "rivalry", start: "2012", citations: [{ source: "source-c", note: "Says Y split from X." }] };
    expect((await call(routes.relationships.POST, post("/api/relationships", { entity: tie, reason: "Split" }, editor))).status).toBe(201);
    const after = await getLayoutPositions();
    for (const [id, p] of before) expect(after.get(id), id).toEqual(p);
    const x = after.get("group-x")!;
    const y = after.get("group-y")!;
    expect(Math.hypot(x.x - y.x, x.y - y.y)).toBeLessThan(400);

    const event = { id: "split-2012", title: "The split", kind: "political-change", start: "2012", certainty: "reported", description: "Y leaves the group.", participants: [{ actor: "group-y", role: "participant" }], relationships: ["y-splits-from-x"], citations: [{ source: "source-c", note: "Reports the split." }] };
    const ev = await call(routes.events.POST, post("/api/events", { entity: event, reason: "Event" }, editor));
    expect(ev.status, JSON.stringify(ev.body)).toBe(201);
    // Now the relationship is used by an event: deleting it would change the event silently.
    expect((await call(routes.relationship.DELETE, del("/api/relationships/y-splits-from-x?version=1&reason=gone", editor), { id: "y-splits-from-x" })).body).toMatchObject({
      error: "in use",
      usedBy: [{ kind: "event", id: "split-2012", label: "The split" }],
    });
  });
});

describe("revisions", () => {
  it("log before and after exactly, and restore an earlier state exactly, as a new revision", async () => {
    const original = (await call(routes.relationship.GET, appRequest("/api/relationships/x-attacks-a"), { id: "x-attacks-a" })).body;
    const edited = { ...original.entry, summary: "The group attacks the state, first in August 2014.", end: "2015" };
    const first = await call(routes.relationship.PATCH, patch("/api/relationships/x-attacks-a", { version: original.version, reason: "Add the end", entity: edited }, editor), { id: "x-attacks-a" });
    expect(first.status).toBe(200);

    const history = await call(routes.revisions.GET, appRequest("/api/revisions?entity=relationship:x-attacks-a"));
    expect(history.status).toBe(200);
    expect(history.body.revisions).toEqual([
      {
        id: first.body.revision.id,
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        author: { name: "Eda Editor" },
        entity: "relationship:x-attacks-a",
        action: "update",
        reason: "Add the end",
        before: original.entry,
        after: first.body.entity,
        version: 2,
      },
    ]);
    // Editors see who by email too; nobody sees an account id or anything of a password.
    const asEditor = await call(routes.revisions.GET, appRequest("/api/revisions?entity=relationship:x-attacks-a", { cookie: otherEditor }));
    expect(asEditor.body.revisions[0].author).toEqual({ name: "Eda Editor", email: "editor@example.org" });

    const restored = await call(routes.restore.POST, post(`/api/revisions/${first.body.revision.id}/restore`, { reason: "Back to the original", version: 1 }, otherEditor), { id: String(first.body.revision.id) });
    expect(restored).toMatchObject({ status: 409, body: { error: "stale version", current: { version: 2 } } });
    // Restoring against a version that is not the current one is refused like any stale change.
    const second = await call(routes.relationship.PATCH, patch("/api/relationships/x-attacks-a", { version: 2, reason: "Another", entity: { ...edited, certainty: "alleged" } }, otherEditor), { id: "x-attacks-a" });
    expect(second.body.version).toBe(3);
    const back = await call(routes.restore.POST, post(`/api/revisions/${first.body.revision.id}/restore`, { reason: "The first edit was right", version: 3 }, otherEditor), { id: String(first.body.revision.id) });
    expect(back.status).toBe(200);
    expect(back.body.entity).toEqual(first.body.entity);
    expect(back.body.version).toBe(4);
    expect((await call(routes.relationship.GET, appRequest("/api/relationships/x-attacks-a"), { id: "x-attacks-a" })).body.entry).toEqual(first.body.entity);
    const log = (await call(routes.revisions.GET, appRequest("/api/revisions?entity=relationship:x-attacks-a"))).body.revisions;
    expect(log.map((r: { action: string; version: number }) => [r.action, r.version])).toEqual([["restore", 4], ["update", 3], ["update", 2]]);
    expect(log[0].before).toEqual(second.body.entity);
  });

  it("brings a deleted entity back from its delete revision, exactly", async () => {
    const place = await call(routes.place.GET, appRequest("/api/places/port"), { id: "port" });
    // The port is used by a relationship: free it first, then delete it.
    const rel = (await call(routes.relationship.GET, appRequest("/api/relationships/a-meets-x-2009"), { id: "a-meets-x-2009" })).body;
    await call(routes.relationship.PATCH, patch("/api/relationships/a-meets-x-2009", { version: rel.version, reason: "Only the town", entity: { ...rel.entry, places: ["town"] } }, editor), { id: "a-meets-x-2009" });
    const deleted = await call(routes.place.DELETE, del(`/api/places/port?version=${place.body.version}&reason=Merged`, editor), { id: "port" });
    expect(deleted.status).toBe(200);
    const back = await call(routes.restore.POST, post(`/api/revisions/${deleted.body.revision.id}/restore`, { reason: "Not merged after all" }, editor), { id: String(deleted.body.revision.id) });
    expect(back.status).toBe(200);
    expect(back.body.entity).toEqual(place.body.entry);
    expect(back.body.version).toBe(place.body.version + 1);
    const page = await call(routes.revisions.GET, appRequest("/api/revisions?limit=2"));
    expect(page.body.revisions.map((r: { action: string }) => r.action)).toEqual(["restore", "delete"]);
    const older = await call(routes.revisions.GET, appRequest(`/api/revisions?limit=1&before=${page.body.revisions[1].id}`));
    expect(older.body.revisions[0].id).toBeLessThan(page.body.revisions[1].id);
    expect((await call(routes.revisions.GET, appRequest("/api/revisions?limit=0"))).status).toBe(400);
  });
});

describe("one transaction per write", () => {
  it("a failure after the data rows leaves the data, the log and the version as they were", async () => {
    const { createEntity, updateEntity } = await import("@/lib/server/writes/write-entity");
    const author = { id: (await db.user.findUniqueOrThrow({ where: { email: "editor@example.org" } })).id, name: "Eda Editor", email: "editor@example.org" };
    const store = await dumpStore(db);
    const revisions = await db.revision.findMany();
    const info = await db.datasetInfo.findUniqueOrThrow({ where: { id: 1 } });
    const boom = () => {
      throw new Error("the disk failed mid-write");
    };
    await expect(createEntity("relationship", { ...stored, id: "never-written" } as never, "x", author, { afterRows: boom })).rejects.toThrow("the disk failed");
    const current = (await call(routes.relationship.GET, appRequest("/api/relationships/service-part-of-state"), { id: "service-part-of-state" })).body;
    await expect(updateEntity("relationship", "service-part-of-state", current.version, { ...current.entry, summary: "Changed, then failed." }, "x", author, { afterRows: boom })).rejects.toThrow("the disk failed");
    expect(await dumpStore(db)).toEqual(store);
    expect(await db.revision.findMany()).toEqual(revisions);
    expect(await db.datasetInfo.findUniqueOrThrow({ where: { id: 1 } })).toEqual(info);
  });

  it("turns the read cache over: /api/graph's ETag changes after a write", async () => {
    const etag = async () => (await routes.graph.GET(new Request("http://localhost/api/graph?at=2009"), {} as never)).headers.get("etag");
    const before = await etag();
    expect(before).toBeTruthy();
    const current = (await call(routes.place.GET, appRequest("/api/places/town"), { id: "town" })).body;
    await call(routes.place.PATCH, patch("/api/places/town", { version: current.version, reason: "Describe it", entity: { ...current.entry, description: "A market town." } }, editor), { id: "town" });
    expect(await etag()).not.toBe(before);
  });
});

describe("what must not leak or run", () => {
  it("stores markup verbatim and answers it only as JSON", async () => {
    const xss = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&`;
    const actor = { id: "xss-actor", kind: "network", name: `${xss}`.slice(0, 200), description: `A test of ${xss} in prose.`, aliases: [`<svg onload=alert(3)>`] };
    const made = await call(routes.actors.POST, post("/api/actors", { entity: actor, reason: `<b>why</b> ${xss}` }, editor));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.headers.get("content-type")).toMatch(/^application\/json/);
    const read = await call(routes.actor.GET, appRequest("/api/actors/xss-actor"), { id: "xss-actor" });
    expect(read.headers.get("content-type")).toMatch(/^application\/json/);
    expect(read.body.entry).toMatchObject({ name: actor.name, description: actor.description, aliases: actor.aliases });
    const log = await call(routes.revisions.GET, appRequest("/api/revisions?entity=actor:xss-actor"));
    expect(log.headers.get("content-type")).toMatch(/^application\/json/);
    expect(log.body.revisions[0].reason).toBe(`<b>why</b> ${xss}`);
  });

  it("never puts a password or its hash in an answer, a revision, a log line or an export", async () => {
    const hashes = (await db.account.findMany({ select: { password: true } })).map((a) => a.password!).filter(Boolean);
    expect(hashes.length).toBeGreaterThanOrEqual(4);
    const answers = [
      (await call(routes.session.GET, appRequest("/api/session", { cookie: admin }))).text,
      (await call(routes.revisions.GET, appRequest("/api/revisions?limit=200", { cookie: admin }))).text,
      (await call(routes.auth.GET, appRequest("/api/auth/get-session", { cookie: admin }))).text,
      JSON.stringify(await db.revision.findMany()),
      await (await routes.export.GET(new Request("http://localhost/api/export?format=bundle"), {} as never)).text(),
      await (await routes.export.GET(new Request("http://localhost/api/export?format=json"), {} as never)).text(),
      logged.join("\n"),
    ];
    for (const text of answers) {
      expect(text).not.toContain(PASSWORD);
      for (const hash of hashes) {
        expect(text).not.toContain(hash);
        expect(text).not.toContain(hash.split(":").pop()!);
      }
    }
    expect(answers[0]).not.toMatch(/password/i);
    // The secret that signs sessions stays in its file.
    const secret = readFileSync((await import("@/lib/server/auth/secret")).secretFile(), "utf8").trim();
    for (const text of answers) expect(text).not.toContain(secret);
  });
});

describe("the guided story", () => {
  it("refuses dates that would leave a story step highlighting a relationship that is not active then", async () => {
    const step = await db.storyStepRelationship.findFirstOrThrow({ select: { relationshipId: true, step: { select: { date: true, fromDate: true } } } });
    const current = (await call(routes.relationship.GET, appRequest(`/api/relationships/${step.relationshipId}`), { id: step.relationshipId })).body;
    const moved = await call(
      routes.relationship.PATCH,
      patch(`/api/relationships/${step.relationshipId}`, { version: current.version, reason: "Move it", entity: { ...current.entry, start: "1950", end: "1951" } }, editor),
      { id: step.relationshipId },
    );
    expect(moved).toMatchObject({ status: 400, body: { error: "invalid body", field: "entity.start", expected: expect.stringMatching(/story step/) } });
  });
});

describe("loading the dataset again", () => {
  it("replaces the data but keeps the accounts, sessions and the revision log", async () => {
    const { replaceDataset } = await import("@/lib/server/store/load-dataset");
    const { readDatasetDir } = await import("@/lib/dataset/files");
    const users = await db.user.count();
    const revisions = await db.revision.count();
    expect(revisions).toBeGreaterThan(0);
    await replaceDataset(db, readDatasetDir(MINI_DATASET));
    expect(await db.user.count()).toBe(users);
    expect(await db.revision.count()).toBe(revisions);
    expect((await call(routes.session.GET, appRequest("/api/session", { cookie: editor }))).body.user.email).toBe("editor@example.org");
    expect((await call(routes.relationship.GET, appRequest("/api/relationships/x-attacks-a"), { id: "x-attacks-a" })).body.version).toBe(1);
  });
});
