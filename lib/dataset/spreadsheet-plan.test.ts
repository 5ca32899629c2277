import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDatasetDir } from "./files";
import { canonicalDataset } from "./bundle-schema";
import { derivedRelationshipId, formatRefusal, planSpreadsheetImport } from "./spreadsheet-plan";

const mini = () => readDatasetDir(path.resolve("test/fixtures/mini"));
const csv = (name: string, ...lines: string[]) => ({ name, text: lines.join("\r\n") + "\r\n" });

describe("planSpreadsheetImport", () => {
  it("adds actors, relationships and sources, reading Kumu-style headers, quoting, a BOM and human dates", () => {
    const plan = planSpreadsheetImport(mini(), {
      nodes: csv("nodes.csv", "\uFEFFLabel,Type,Aliases,Description", 'New Militia,militant-organisation,"NM; The Militia","A militia, formed in 2010."'),
      edges: csv(
        "edges.csv",
        "From,To,Type,Start,End,Certainty,Summary,Source,Pages,Note",
        'New Militia,state-a,Hostility or attack,Aug 2010,at least until 2012,reported,"The militia fought the state, ""hard"".",new-report,12,Reports the fighting from August 2010.',
        "new-militia,state-a,hostility,Aug 2010,,,,source-a,,Confirms the fighting in 2010 and after.",
      ),
      sources: csv("sources.csv", "id,author,title,date,url,kind", "new-report,\"Doe, Jane\",A report on militias,19/08/2011,https://example.org/r,report"),
    });
    expect(plan.refused).toEqual([]);
    expect(plan.ignored).toEqual([]);
    expect(plan.added.sources).toEqual([
      { id: "new-report", citedAs: "Doe 2011", authors: ["Doe, Jane"], date: "2011-08-19", title: "A report on militias", kind: "report", url: "https://example.org/r", notes: [] },
    ]);
    expect(plan.added.actors).toEqual([
      { id: "new-militia", kind: "militant-organisation", name: "New Militia", description: "A militia, formed in 2010.", aliases: ["NM", "The Militia"], names: [] },
    ]);
    const id = derivedRelationshipId("new-militia", "state-a", "hostility", { date: "2010-08", qualifier: "exact" });
    expect(id).toBe("new-militia-hostility-state-a-2010-08");
    expect(plan.added.relationships).toEqual([
      {
        id,
        from: "new-militia",
        to: "state-a",
        type: "hostility",
        polarity: "hostile",
        certainty: "reported",
        start: { date: "2010-08", qualifier: "exact" },
        end: { date: "2012", qualifier: "at-least" },
        summary: 'The militia fought the state, "hard".',
        places: [],
        citations: [
          { source: "new-report", pages: "12", note: "Reports the fighting from August 2010." },
          { source: "source-a", note: "Confirms the fighting in 2010 and after." },
        ],
      },
    ]);
    expect(plan.changed).toEqual([]);
    expect(plan.merged.relationships.map((r) => r.id)).toContain(id);
    expect(plan.merged.actors).toHaveLength(5);
  });

  it("changes existing entries field by field, keeps what an empty cell leaves, and counts what stays", () => {
    const plan = planSpreadsheetImport(mini(), {
      nodes: csv("nodes.csv", "id,label,type,description", "power-b,Power B,,", "state-a,State A Renamed,,"),
      edges: csv("edges.csv", "id,from,to,type,end,certainty,source,pages,note", "a-meets-x-2009,service-a,group-x,cooperation,2010,,source-a,20-21,\"Disputes the meeting, and dates it to 2010.\""),
    });
    expect(plan.refused).toEqual([]);
    expect(plan.unchanged).toBe(1);
    expect(plan.changed).toEqual([
      { kind: "actor", id: "state-a", file: "nodes.csv", row: 3, fields: [{ field: "name", before: "State A", after: "State A Renamed" }] },
      {
        kind: "relationship",
        id: "a-meets-x-2009",
        file: "edges.csv",
        row: 2,
        fields: [
          { field: "end", before: "2009", after: "2010" },
          {
            field: "citations",
            before: "source-b (Says the two met in 2009.); source-a p. 20-21 (Disputes the meeting.)",
            after: "source-b (Says the two met in 2009.); source-a p. 20-21 (Disputes the meeting, and dates it to 2010.)",
          },
        ],
      },
    ]);
    const tie = plan.merged.relationships.find((r) => r.id === "a-meets-x-2009")!;
    expect(tie.places).toEqual(["town", "port"]);
    expect(tie.certainty).toBe("contested");
    expect(tie.citations[1]).toEqual({ source: "source-a", pages: "20-21", note: "Disputes the meeting, and dates it to 2010." });
  });

  it("importing what the store already holds changes nothing", () => {
    const plan = planSpreadsheetImport(mini(), {
      edges: csv("edges.csv", "id,from,to,type,start,end,source,pages", "a-meets-x-2009,service-a,group-x,cooperation,2009,2009,source-a,20-21"),
    });
    expect(plan).toMatchObject({ refused: [], changed: [], unchanged: 1, added: { actors: [], relationships: [], sources: [] } });
    expect(plan.merged).toEqual(canonicalDataset(mini()));
  });

  it("reads Gephi's Source, Target, Type (direction) and Label (the relation), and reports the columns it ignores", () => {
    const plan = planSpreadsheetImport(mini(), {
      edges: csv(
        "edges.csv",
        "Source,Target,Type,Id,Label,Weight,Citation,Certainty,Summary,Note",
        "power-b,group-x,Directed,,Support,1.0,source-b,alleged,Power B is said to back group X.,Says power B backed the group.",
      ),
    });
    expect(plan.refused).toEqual([]);
    expect(plan.ignored).toEqual([
      { file: "edges.csv", column: "Weight" },
      { file: "edges.csv", column: "Type" },
    ]);
    expect(plan.added.relationships.map((r) => [r.id, r.from, r.to, r.type])).toEqual([["power-b-support-group-x-undated", "power-b", "group-x", "support"]]);
  });

  it("reads Kumu's Type as the relation and leaves its free-text Label aside; a Label alone is the type", () => {
    const row = "power-b,group-x,Support,backs,source-b,alleged,Power B is said to back group X.,Says power B backed the group.";
    const kumu = planSpreadsheetImport(mini(), { edges: csv("edges.csv", "From,To,Type,Label,Source,Certainty,Summary,Note", row) });
    expect(kumu.refused).toEqual([]);
    expect(kumu.ignored).toEqual([{ file: "edges.csv", column: "Label" }]);
    expect(kumu.added.relationships.map((r) => r.type)).toEqual(["support"]);
    const labelOnly = planSpreadsheetImport(mini(), {
      edges: csv("edges.csv", "Source,Target,Label,Citation,Certainty,Summary,Note", "power-b,group-x,support,source-b,alleged,Power B is said to back group X.,Says power B backed the group."),
    });
    expect(labelOnly.refused).toEqual([]);
    expect(labelOnly.ignored).toEqual([]);
    expect(labelOnly.added.relationships.map((r) => r.type)).toEqual(["support"]);
  });

  it("names file, row and column of every problem, and refuses the whole plan", () => {
    const plan = planSpreadsheetImport(mini(), {
      nodes: csv("nodes.csv", "id,label,type,description", "new-one,New One,empire,Someone new here.", "state-a,,,"),
      edges: csv(
        "edges.csv",
        "from,to,type,start,end,certainty,summary,source,note",
        "state-a,nobody,support,2009,,documented,State A supports somebody.,source-a,Says it supports them.",
        '"state-a",power-b,support,08/19/2009,,documented,State A supports power B.,source-a,Says it supports them.',
        "state-a,power-b,support,2009,,sure,State A supports power B.,no-such-source,Says it supports them.",
        "state-a,power-b,support,2003?,,documented,State A supports power B.,source-a,Says it supports them.",
        "state-a,power-b,support,2004,,documented,State A supports power B.,,",
        "state-a,power-b,support,2005,,documented,State A supports power B.,source-a,Too short",
      ),
    });
    expect(plan.refused.map(formatRefusal)).toEqual([
      'nodes.csv row 2, column "type": unknown type of actor "empire"; expected one of state, government, government-body, security-service, armed-forces, party-or-faction, militant-organisation, religious-body, person, population-group, network',
      'edges.csv row 2, column "to": unknown actor "nobody": not an id or a label in nodes.csv or the store',
      'edges.csv row 3, column "start": cannot read "08/19/2009" as a date: numeric dates are read day first (DD/MM/YYYY), and 19 is not a month; for August 19, 2009 write 19/08/2009 or 2009-08-19',
      'edges.csv row 4, column "certainty": unknown certainty "sure"; expected one of documented, reported, alleged, contested',
      'edges.csv row 4, column "source": unknown source "no-such-source": not an id in sources.csv or the store',
      'edges.csv row 5, column "start": cannot read "2003?" as a date: a question mark is not a date; if the date is approximate write "c. 2003", and put doubt about the claim in the certainty or a note',
      'edges.csv row 6, column "source": a new relationship needs at least one citation: the id of a source in the store or in sources.csv',
      'edges.csv row 7, column "note": expected a note saying what the source supports of at least 10 characters',
    ]);
    expect(plan.refused[1]).toMatchObject({ file: "edges.csv", row: 2, column: "to", value: "nobody" });
  });

  it("refuses a file that is not CSV, a missing column, and a row with more cells than the header", () => {
    const broken = planSpreadsheetImport(mini(), { edges: csv("edges.csv", "from,to,type", '"state-a,power-b,support') });
    expect(broken.refused.map(formatRefusal)).toEqual([expect.stringMatching(/^edges\.csv row 2: not valid CSV: Quote Not Closed/)]);
    const missing = planSpreadsheetImport(mini(), { edges: csv("edges.csv", "from,type", "state-a,support") });
    expect(missing.refused.map(formatRefusal)).toEqual([`edges.csv row 1: expected the columns "from" and "to" (or Gephi's "Source" and "Target"); missing "to"`]);
    const wide = planSpreadsheetImport(mini(), { nodes: csv("nodes.csv", "id,label", "x,Damascus, Syria") });
    expect(wide.refused.map(formatRefusal)).toEqual([`nodes.csv row 2: the row has 3 cells and the header 2; a cell with a comma needs quotes ("Damascus, Syria")`]);
  });

  it("counts rows as a spreadsheet does: a line break inside a cell and an empty row", () => {
    const plan = planSpreadsheetImport(mini(), {
      nodes: csv("nodes.csv", "id,label,type,description", 'one,One,person,"Line one\nline two of it."', "", "two,Two,person,short"),
    });
    expect(plan.refused.map(formatRefusal)).toEqual(['nodes.csv row 4, column "description": expected a description of at least 10 characters']);
  });
});

describe("the templates in docs/templates", () => {
  it("import into the article's seed without a problem: three actors, two relationships (one cited twice), two sources", () => {
    const read = (name: string) => ({ name, text: readFileSync(path.resolve("docs/templates", name), "utf8") });
    const plan = planSpreadsheetImport(readDatasetDir(path.resolve("seed/data")), { nodes: read("nodes.csv"), edges: read("edges.csv"), sources: read("sources.csv") });
    expect(plan.refused.map(formatRefusal)).toEqual([]);
    expect(plan.ignored).toEqual([]);
    expect(plan.added.actors.map((a) => a.id)).toEqual(["example-militia", "example-broker", "example-front"]);
    expect(plan.added.actors[2]!.names).toEqual([{ name: "Example Front", start: { date: "2011", qualifier: "circa" }, end: null }]);
    expect(plan.added.sources.map((s) => [s.id, s.citedAs, s.date])).toEqual([
      ["example-report-2016", "Doe 2016", "2016"],
      ["example-article-2017", "Roe et al. 2017", "2017-03-03"],
    ]);
    expect(plan.added.relationships.map((r) => [r.id, r.citations.length, r.start, r.end])).toEqual([
      ["example-broker-facilitation-example-militia-2009-08", 2, { date: "2009-08", qualifier: "exact" }, { date: "2011", qualifier: "at-least" }],
      ["militia-fights-front", 1, { date: "2012-08-19", qualifier: "exact" }, { date: "2014", qualifier: "by" }],
    ]);
  });
});
