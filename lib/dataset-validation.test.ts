import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDatasetDir } from "./dataset-files";
import { DatasetError, formatProblem } from "./dataset-validation";

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
