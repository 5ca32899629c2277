import { describe, expect, it } from "vitest";
import { overlaps, spanBounds, windowOf } from "../model/dates";
import { SYNTH_FIRST_YEAR, SYNTH_LAST_YEAR, synthesizeDataset } from "./synth";
import { validateDataset } from "./validation";
import { canonicalDataset } from "./bundle-schema";
import { DATASET_FILES } from "./schema";
import { ACTOR_KINDS, CERTAINTIES, EVENT_KINDS, PARTICIPANT_ROLES, RELATIONSHIP_TYPES, SOURCE_KINDS } from "../model/vocabulary";
import { END_QUALIFIERS, START_QUALIFIERS, precisionOf } from "../model/dates";

const files = Object.fromEntries(Object.keys(DATASET_FILES).map((s) => [s, `synth › ${s}`])) as Parameters<typeof validateDataset>[1];

describe("synthesizeDataset", () => {
  const dataset = synthesizeDataset({ relationships: 5000, seed: 7 });

  it("gives the same bytes for the same options, and another dataset for another seed", () => {
    const again = synthesizeDataset({ relationships: 5000, seed: 7 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(dataset));
    expect(JSON.stringify(synthesizeDataset({ relationships: 5000, seed: 8 }))).not.toBe(JSON.stringify(dataset));
  });

  it("passes validation unchanged and is already in the canonical form an export writes", () => {
    const validated = validateDataset(structuredClone(dataset), files);
    expect(validated).toEqual(dataset);
    expect(canonicalDataset(dataset)).toEqual(dataset);
  });

  it("has the shape issue 12 asks for", () => {
    const { actors, relationships, events, sources, story } = dataset;
    expect(relationships).toHaveLength(5000);
    expect(actors).toHaveLength(1000);
    expect(sources.length).toBeGreaterThanOrEqual(10);
    expect(events.length).toBeGreaterThan(0);
    expect(story.length).toBeGreaterThan(0);

    // A skewed degree: a few hubs carry far more ties than the median actor.
    const degree = new Map<string, number>();
    for (const r of relationships) for (const a of [r.from, r.to]) degree.set(a, (degree.get(a) ?? 0) + 1);
    const sorted = [...degree.values()].sort((a, b) => b - a);
    expect(degree.size).toBe(actors.length);
    expect(sorted[0]!).toBeGreaterThan(20 * sorted[Math.floor(sorted.length / 2)]!);

    // About 8% of ties active in a given year, averaged over the years inside the period.
    const shares: number[] = [];
    for (let year = SYNTH_FIRST_YEAR + 3; year <= SYNTH_LAST_YEAR - 3; year++) {
      const w = windowOf({ at: String(year) });
      shares.push(relationships.filter((r) => overlaps(spanBounds(r.start, r.end), w)).length / relationships.length);
    }
    const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
    expect(mean).toBeGreaterThan(0.05);
    expect(mean).toBeLessThan(0.11);

    expect(relationships.every((r) => r.citations.length >= 1 && r.citations.length <= 3)).toBe(true);
    expect(relationships.some((r) => r.start === null)).toBe(true);
    expect(relationships.some((r) => r.end === null)).toBe(true);
    const renamed = actors.filter((a) => a.names.length > 1).length / actors.length;
    expect(renamed).toBeGreaterThan(0.1);
    expect(renamed).toBeLessThan(0.3);
    expect(events.every((e) => e.participants.length >= 1)).toBe(true);
    expect(relationships.some((r) => r.places.length > 0)).toBe(true);
  });

  it("uses every term of every vocabulary, every precision and every qualifier", () => {
    const { actors, relationships, events, sources } = dataset;
    const used = <T>(values: T[]) => new Set(values);
    expect(used(actors.map((a) => a.kind))).toEqual(used(Object.keys(ACTOR_KINDS)));
    expect(used(relationships.map((r) => r.type))).toEqual(used(Object.keys(RELATIONSHIP_TYPES)));
    expect(used(relationships.map((r) => r.certainty))).toEqual(used(Object.keys(CERTAINTIES)));
    expect(used(events.map((e) => e.kind))).toEqual(used(Object.keys(EVENT_KINDS)));
    expect(used(events.flatMap((e) => e.participants.map((p) => p.role)))).toEqual(used(Object.keys(PARTICIPANT_ROLES)));
    expect(used(sources.map((s) => s.kind))).toEqual(used(Object.keys(SOURCE_KINDS)));
    expect(used(relationships.flatMap((r) => (r.start ? [r.start.qualifier] : [])))).toEqual(used([...START_QUALIFIERS]));
    expect(used(relationships.flatMap((r) => (r.end ? [r.end.qualifier] : [])))).toEqual(used([...END_QUALIFIERS]));
    expect(used(relationships.flatMap((r) => (r.start ? [precisionOf(r.start.date)] : [])))).toEqual(used(["year", "month", "day"]));
  });

  it("scales its parts from the number of relationships", () => {
    const small = synthesizeDataset({ relationships: 20 });
    expect(small.relationships).toHaveLength(20);
    expect(validateDataset(structuredClone(small), files)).toEqual(small);
    expect(() => synthesizeDataset({ relationships: 0 })).toThrow(RangeError);
  });
});
