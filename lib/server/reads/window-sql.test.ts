/**
 * The date window's SQL searches the (spanStart, spanEnd) index rather than reading the table
 * (EXPLAIN QUERY PLAN on a migrated store), for every shape of window.
 */
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { windowOf } from "@/lib/model/dates";
import { freshDatabaseFile } from "@/test/setup/database";
import { activeIdsSql, eventIdsSql, presentActorIdsSql } from "./window-sql";

const plan = (db: Database.Database, sql: string, params: string[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);

describe("activeIdsSql", () => {
  const db = new Database(freshDatabaseFile(), { readonly: true });

  it.each([{ at: "2009" }, { from: "2003", to: "2008" }, { to: "2001" }])("searches the index for %o, never scanning the table", (q) => {
    const { sql, params } = activeIdsSql("Relationship", windowOf(q));
    const steps = plan(db, sql, params);
    expect(steps.filter((s) => s.startsWith("SEARCH Relationship USING") && s.includes("INDEX Relationship_spanStart_spanEnd_idx"))).toHaveLength(2);
    expect(steps.some((s) => s.startsWith("SCAN Relationship"))).toBe(false);
  });

  it("takes at most the window's days as parameters", () => {
    expect(activeIdsSql("Relationship", windowOf({ at: "2009" })).params).toEqual(["2009-12-31", "2009-01-01", "2009-01-01"]);
    expect(activeIdsSql("Relationship", windowOf({})).params).toEqual([]);
  });

  it("events within a window are searched through their index too", () => {
    const { sql, params } = eventIdsSql(windowOf({ at: "2009" }));
    expect(plan(db, sql, params).some((s) => s.includes("INDEX Event_spanStart_spanEnd_idx"))).toBe(true);
  });
});

describe("presentActorIdsSql", () => {
  const db = new Database(freshDatabaseFile(), { readonly: true });

  it("for the whole dataset probes each actor's indexes instead of gathering and sorting every relationship's ends", () => {
    const { sql, params } = presentActorIdsSql(windowOf({}));
    const steps = plan(db, sql, params);
    expect(params).toEqual([]);
    expect(steps.some((s) => s.includes("UNION") || s.includes("TEMP B-TREE"))).toBe(false);
    expect(steps.filter((s) => s.includes("INDEX Relationship_fromId_idx") || s.includes("INDEX Relationship_toId_idx"))).toHaveLength(2);
  });
});
