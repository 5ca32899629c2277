import { describe, expect, it } from "vitest";
import { formatCitation, formatCitations } from "./citations";

describe("formatCitation", () => {
  it("writes one page as p. and a range as pp.", () => {
    expect(formatCitation({ pages: "20", source: { citedAs: "Felter and Fishman 2007" } })).toBe("Felter and Fishman 2007, p. 20");
    expect(formatCitation({ pages: "20-21", source: { citedAs: "Felter and Fishman 2007" } })).toBe("Felter and Fishman 2007, pp. 20-21");
    expect(formatCitations([{ pages: null, source: { citedAs: "Neumann 2014" } }, { pages: "21", source: { citedAs: "X 2007" } }])).toBe("Neumann 2014; X 2007, p. 21");
  });
});
