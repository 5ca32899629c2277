import { describe, expect, it } from "vitest";
import { relationshipSchema } from "@/lib/dataset/schema";
import { changedFields, cleanDraft, describeValue, fieldFor, getAt, issuesToErrors, setAt } from "./draft";

describe("form drafts", () => {
  it("reads and writes by path without sharing containers", () => {
    const a = { citations: [{ source: "x", pages: "1" }], start: { date: "2003", qualifier: "by" } };
    const b = setAt(a, "citations.0.pages", "2");
    expect(getAt(b, "citations.0.pages")).toBe("2");
    expect(getAt(a, "citations.0.pages")).toBe("1");
    expect(b.start).toBe(a.start);
    expect(setAt({}, "names.0.name", "A")).toEqual({ names: [{ name: "A" }] });
  });

  it("leaves empty optional text out and trims the rest", () => {
    expect(cleanDraft({ a: " x ", b: "", c: [" y", ""], d: null, e: { f: "" } })).toEqual({ a: "x", c: ["y", undefined], d: null, e: {} });
  });

  it("maps the schema's issues to field paths, missing fields as Required", () => {
    const r = relationshipSchema.safeParse(cleanDraft({ id: "a-b", from: "a", to: "", type: "support", certainty: "documented", start: { date: "20x3", qualifier: "by" }, summary: "long enough summary", citations: [] }));
    expect(r.success).toBe(false);
    const errors = issuesToErrors(r.error!);
    expect(errors.to).toBe("Required.");
    expect(errors["start.date"]).toMatch(/YYYY/);
    expect(errors.citations).toMatch(/at least one citation/);
  });

  it("places an error on the nearest field the form has", () => {
    const known = new Set(["start.date", "citations"]);
    expect(fieldFor("start.date", (p) => known.has(p))).toBe("start.date");
    expect(fieldFor("citations.3.note", (p) => known.has(p))).toBe("citations");
    expect(fieldFor("nothing.here", (p) => known.has(p))).toBe("");
  });

  it("names the fields that differ and says values in words", () => {
    expect(changedFields({ a: 1, b: { x: 1, y: 2 } }, { b: { y: 2, x: 1 }, a: 2, c: "n" })).toEqual(["a", "c"]);
    expect(describeValue({ date: "2009", qualifier: "at-least" })).toBe("at least 2009");
    expect(describeValue(null)).toBe("—");
    expect(describeValue([{ source: "s", pages: "2" }])).toBe("• source: s; pages: 2");
  });
});
