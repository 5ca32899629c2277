import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDatasetDir } from "./files";
import { synthesizeDataset } from "./synth";
import { DatasetError, formatProblem, validateDataset } from "./validation";
import { DATASET_FILES, LIMITS } from "./schema";

const MINI = path.resolve("test/fixtures/mini");

/** A copy of the mini dataset with one file's text changed. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "broken-seed-"));
  cpSync(MINI, dir, { recursive: true });
  const target = path.join(dir, file);
  writeFileSync(target, edit(readFileSync(target, "utf8")));
  return dir;
}

function problemsOf(dir: string): string[] {
  try {
    readDatasetDir(dir);
  } catch (e) {
    if (e instanceof DatasetError) return e.problems.map(formatProblem);
    throw e;
  }
  throw new Error("expected the dataset to be refused");
}

describe("seed validation", () => {
  it("accepts the mini dataset and normalises its shorthand", () => {
    const d = readDatasetDir(MINI);
    expect(d.actors).toHaveLength(4);
    expect(d.relationships.find((x) => x.id === "a-meets-x-2009")?.places).toEqual(["town", "port"]);
    const r = d.relationships.find((x) => x.id === "b-cooperates-with-a");
    expect(r?.start).toEqual({ date: "2001", qualifier: "exact" });
    expect(r?.end).toEqual({ date: "2005", qualifier: "at-least" });
    expect(r?.citations[0]?.pages).toBe("20");
    expect(d.actors.find((a) => a.id === "group-x")?.names[0]?.start).toBeNull();
  });

  it("names the file, the entry and the field of a bad date", () => {
    const dir = brokenCopy("relationships.yaml", (t) => t.replace('start: "2009"', 'start: "2009-13"'));
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/relationships\.yaml, entry #3 \(id: a-meets-x-2009\), field start.date: .*YYYY, YYYY-MM or YYYY-MM-DD/);
  });

  it("refuses a relationship naming an unknown actor or source", () => {
    const dir = brokenCopy("relationships.yaml", (t) =>
      t.replace("to: group-x", "to: group-y").replace("source: source-b, note: Says", "source: source-z, note: Says").replace("places: [town, port]", "places: [town, harbour]"),
    );
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(/entry #3 \(id: a-meets-x-2009\), field to: unknown actor "group-y" \(not in .*actors\.yaml\)/));
    expect(problems).toContainEqual(expect.stringMatching(/field citations\.0\.source: unknown source "source-z"/));
    expect(problems).toContainEqual(expect.stringMatching(/field places\.1: unknown place "harbour"/));
  });

  it("refuses an end before its start", () => {
    const dir = brokenCopy("relationships.yaml", (t) => t.replace('start: "2009"\n  end: "2009"', 'start: "2009"\n  end: "2008-12"'));
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/id: a-meets-x-2009\), field end: the end \(2008-12\) is before the start \(2009\)/)]);
  });

  it("refuses a relationship without citations, an unknown type and a misspelt field", () => {
    const dir = brokenCopy("relationships.yaml", (t) =>
      t
        .replace("type: hostility", "type: hostile-acts")
        .replace("  citations: [{ source: source-b, note: Reports the attack. }]", "  citations: []\n  sumary: typo"),
    );
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(/id: x-attacks-a\), field type: .*support/));
    expect(problems).toContainEqual(expect.stringMatching(/id: x-attacks-a\), field citations: expected at least one citation/));
    expect(problems).toContainEqual(expect.stringMatching(/id: x-attacks-a\).*sumary/));
  });

  it("refuses duplicate ids and dangling event references", () => {
    const dir = brokenCopy("events.yaml", (t) => t.replace("id: attack-2014", "id: meeting-2009").replace("relationships: [x-attacks-a]", "relationships: [x-attacks-b]").replace("place: town\n  description: The group", "place: city\n  description: The group"));
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(/events\.yaml, entry #2 \(id: meeting-2009\), field id: duplicate id "meeting-2009"/));
    expect(problems).toContainEqual(expect.stringMatching(/field relationships\.0: unknown relationship "x-attacks-b"/));
    expect(problems).toContainEqual(expect.stringMatching(/field place: unknown place "city"/));
  });

  it("names a file that is not YAML, or not a list", () => {
    expect(problemsOf(brokenCopy("places.yaml", () => "- id: [unclosed"))).toEqual([expect.stringMatching(/places\.yaml: not valid YAML/)]);
    expect(problemsOf(brokenCopy("places.yaml", () => "id: town"))).toEqual([expect.stringMatching(/places\.yaml: expected a list of entries/)]);
  });
});

describe("story validation", () => {
  it("reads the story in its order, and a dataset without story.yaml as having none", () => {
    expect(readDatasetDir(MINI).story.map((s) => s.id)).toEqual(["first-ties", "meeting-and-break"]);
    const dir = brokenCopy("story.yaml", (t) => t);
    rmSync(path.join(dir, "story.yaml"));
    expect(readDatasetDir(dir).story).toEqual([]);
  });

  /** Problems with the temporary directory taken out of the file names. */
  const storyProblems = (dir: string) => problemsOf(dir).map((p) => p.replaceAll(`${dir}${path.sep}`, ""));

  it("refuses a step whose highlighted relationship is not active at the step's date", () => {
    const dir = brokenCopy("story.yaml", (t) => t.replace("date: 2003", "date: 2007"));
    expect(storyProblems(dir)).toEqual([
      'story.yaml, entry #1 (id: first-ties), field relationships.0: "b-cooperates-with-a" is not active in 2007, so the step would highlight nothing',
    ]);
  });

  it("refuses a highlighted actor that is not on the graph in the step's window", () => {
    const dir = brokenCopy("story.yaml", (t) => t.replace("from: 2009", "from: 2012").replace("[a-meets-x-2009, x-attacks-a]", "[x-attacks-a]").replace("actors: [group-x]", "actors: [power-b]"));
    expect(storyProblems(dir)).toEqual(['story.yaml, entry #2 (id: meeting-and-break), field actors.0: "power-b" is not on the graph from 2012 to 2014']);
  });

  it("names unknown ids, a day date and a window that runs backwards", () => {
    const unknown = brokenCopy("story.yaml", (t) => t.replace("actors: [group-x]", "actors: [group-y]").replace("source: source-b", "source: source-q"));
    expect(storyProblems(unknown)).toEqual([
      'story.yaml, entry #2 (id: meeting-and-break), field actors.0: unknown actor "group-y" (not in actors.yaml)',
      'story.yaml, entry #2 (id: meeting-and-break), field citations.0.source: unknown source "source-q" (not in sources.yaml)',
    ]);
    const day = brokenCopy("story.yaml", (t) => t.replace("date: 2003", "date: 2003-04-09"));
    expect(problemsOf(day)[0]).toMatch(/entry #1 \(id: first-ties\), field date: expected a year or a month/);
    const backwards = brokenCopy("story.yaml", (t) => t.replace("from: 2009", "from: 2015"));
    expect(problemsOf(backwards)).toEqual([expect.stringMatching(/entry #2 \(id: meeting-and-break\), field from: the window starts \(2015\) after it ends \(2014\)/)]);
  });
});

describe("limits on what an entry may hold", () => {
  const files = Object.fromEntries(Object.keys(DATASET_FILES).map((s) => [s, `${s}.yaml`])) as Parameters<typeof validateDataset>[1];
  const base = () => synthesizeDataset({ relationships: 30 });
  const refused = (d: ReturnType<typeof base>): string[] => {
    try {
      validateDataset(d, files);
    } catch (e) {
      if (e instanceof DatasetError) return e.problems.map(formatProblem);
      throw e;
    }
    throw new Error("expected the dataset to be refused");
  };

  it("refuses a 2 MB description by file, entry and field", () => {
    const d = base();
    d.actors[2]!.description = "x".repeat(2 * 1024 * 1024);
    const problems = refused(d);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^actors\.yaml, entry #3 \(id: actor-03\), field description: expected a description of at most 4,000 characters, found 2,097,152$/);
  });

  it("refuses over-long text in every kind of entry", () => {
    const d = base();
    d.relationships[0]!.summary = "s".repeat(LIMITS.summary + 1);
    d.relationships[1]!.citations[0]!.note = "n".repeat(LIMITS.note + 1);
    d.sources[0]!.title = "t".repeat(LIMITS.title + 1);
    d.places[0]!.name = "p".repeat(LIMITS.name + 1);
    d.events[0]!.participants[0]!.note = "q".repeat(LIMITS.note + 1);
    d.actors[0]!.aliases = Array.from({ length: LIMITS.list + 1 }, (_, i) => `Alias ${i}`);
    const problems = refused(d);
    expect(problems).toContainEqual(expect.stringMatching(/^relationships\.yaml, entry #1 \(id: tie-01\), field summary: expected a summary of at most 2,000/));
    expect(problems).toContainEqual(expect.stringMatching(/^relationships\.yaml, entry #2 \(id: tie-02\), field citations\.0\.note: expected .* at most 2,000/));
    expect(problems).toContainEqual(expect.stringMatching(/^sources\.yaml, entry #1 \(id: source-01\), field title: expected a title of at most 300/));
    expect(problems).toContainEqual(expect.stringMatching(/^places\.yaml, entry #1 \(id: place-1\), field name: expected a name of at most 200/));
    expect(problems).toContainEqual(expect.stringMatching(/^events\.yaml, entry #1 \(id: event-1\), field participants\.0\.note: /));
    expect(problems).toContainEqual(expect.stringMatching(/^actors\.yaml, entry #1 \(id: actor-01\), field aliases: expected at most 200 entries, found 201/));
  });

  it("takes only http and https addresses", () => {
    for (const url of ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "ftp://example.org/x"]) {
      const d = base();
      d.sources[1]!.url = url;
      expect(refused(d)).toEqual([expect.stringMatching(/^sources\.yaml, entry #2 \(id: source-02\), field url: expected a web address starting with http:\/\/ or https:\/\//)]);
    }
    const d = base();
    d.sources[1]!.url = "http://example.org/a";
    d.sources[2]!.url = "https://example.org/b";
    expect(() => validateDataset(d, files)).not.toThrow();
  });

  it("refuses control characters; prose keeps its tabs and line breaks, a name has none", () => {
    const d = base();
    d.actors[0]!.name = "Name\u0007bell";
    d.actors[1]!.name = "Two\nlines";
    d.relationships[0]!.summary = "A summary with an escape \u001b[31m inside it.";
    d.events[0]!.description = "A description with a NUL \u0000 inside it.";
    const problems = refused(d);
    expect(problems).toContainEqual(expect.stringMatching(/actors\.yaml, entry #1 \(id: actor-01\), field name: expected a name on one line without control characters/));
    expect(problems).toContainEqual(expect.stringMatching(/actors\.yaml, entry #2 \(id: actor-02\), field name: expected a name on one line/));
    expect(problems).toContainEqual(expect.stringMatching(/relationships\.yaml, entry #1 \(id: tie-01\), field summary: expected a summary without control characters/));
    expect(problems).toContainEqual(expect.stringMatching(/events\.yaml, entry #1 \(id: event-1\), field description: expected a description without control characters/));
    expect(problems).toHaveLength(4);

    const fine = base();
    fine.relationships[0]!.summary = "First paragraph.\n\nSecond paragraph,\tindented.";
    expect(() => validateDataset(fine, files)).not.toThrow();
  });
});
