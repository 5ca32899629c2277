import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { END_QUALIFIERS, START_QUALIFIERS } from "./dates";
import { ACTOR_KINDS, CERTAINTIES, EVENT_KINDS, PARTICIPANT_ROLES, RELATIONSHIP_TYPES, SOURCE_KINDS } from "./vocabulary";

// docs/data-model.md is the reader's reference for the vocabularies: every term must be on it.
const doc = readFileSync("docs/data-model.md", "utf8");

describe("docs/data-model.md", () => {
  it.each(
    Object.entries({ ACTOR_KINDS, RELATIONSHIP_TYPES, CERTAINTIES, EVENT_KINDS, PARTICIPANT_ROLES, SOURCE_KINDS }).map(([name, v]) => [name, Object.keys(v)] as const),
  )("documents every term of %s", (_name, terms) => {
    expect(terms.filter((t) => !doc.includes(`\`${t}\``))).toEqual([]);
  });

  it("documents every date qualifier", () => {
    expect([...new Set([...START_QUALIFIERS, ...END_QUALIFIERS])].filter((q) => !doc.includes(`\`${q}\``))).toEqual([]);
  });
});
