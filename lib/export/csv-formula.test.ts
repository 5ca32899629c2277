import fc from "fast-check";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDatasetDir } from "../dataset/files";
import { NODE_SPEC } from "../dataset/spreadsheet-columns";
import { readCsvTable } from "../dataset/spreadsheet-csv";
import { planSpreadsheetImport } from "../dataset/spreadsheet-plan";
import { csvField } from "./csv";
import { guardFormula, unguardFormula } from "./csv-formula";

/** What a spreadsheet would run: the cell's first character, "-" unless the cell is a plain number. */
const runs = (cell: string) => /^[=+@\t\r]/.test(cell) || (cell.startsWith("-") && !/^-\d+(\.\d+)?$/.test(cell));

/** Texts that start with what the guard is about, apostrophes included. */
const risky = fc
  .tuple(fc.constantFrom("", "'", "''"), fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", "x", "1", "-1"), fc.string())
  .map(([quotes, first, rest]) => quotes + first + rest);

describe("formula guard", () => {
  it("leaves nothing a spreadsheet would run, and the import's unguard gives back the text exactly", () => {
    fc.assert(
      fc.property(fc.oneof(risky, fc.string()), (text) => {
        const cell = guardFormula(text);
        expect(runs(cell)).toBe(false);
        expect(unguardFormula(cell)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps numbers and ordinary text as they are, and guards the OWASP cases", () => {
    expect(guardFormula("-12")).toBe("-12");
    expect(guardFormula("Iran")).toBe("Iran");
    expect(guardFormula("'quoted'")).toBe("'quoted'");
    expect(guardFormula(`=HYPERLINK("http://evil","x")`)).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(guardFormula("'=1")).toBe("''=1");
    expect(unguardFormula("'quoted'")).toBe("'quoted'");
    expect(unguardFormula("''=1")).toBe("'=1");
  });

  it("reads an exported cell back through the spreadsheet import to the same text", () => {
    const texts = [`=HYPERLINK("http://evil","x") and more`, "+34 600 000 000", "-2+3", "-12", "@SUM(1+1)", "'=already quoted", "'-12", "plain, with a comma"];
    const text = ["id,label,description", ...texts.map((t, i) => [`n${i}`, csvField(t), csvField(`${t} (a description)`)].join(","))].join("\r\n");
    const table = readCsvTable({ name: "nodes.csv", text }, NODE_SPEC);
    expect(table.refused).toEqual([]);
    expect(table.rows.map((r) => r.cells.label)).toEqual(texts);
    expect(table.rows.map((r) => r.cells.description)).toEqual(texts.map((t) => `${t} (a description)`));
  });

  it("imports a formula-looking name as the text it is", () => {
    const name = `=HYPERLINK("http://evil","x")`;
    const nodes = { name: "nodes.csv", text: `id,label,type,description\r\nformula-actor,${csvField(name)},person,${csvField(`-${name} described`)}\r\n` };
    const plan = planSpreadsheetImport(readDatasetDir(path.resolve("test/fixtures/mini")), { nodes });
    expect(plan.refused).toEqual([]);
    const actor = plan.added.actors.find((a) => a.id === "formula-actor");
    expect(actor).toMatchObject({ name, description: `-${name} described` });
  });
});
