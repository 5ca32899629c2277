import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDatasetDir } from "@/lib/dataset/files";

// docs/article-coverage.md maps the article's paragraphs to the entries that encode them; an entry
// missing from it is one a reviewer cannot trace back to the text.
describe("docs/article-coverage.md", () => {
  const doc = readFileSync("docs/article-coverage.md", "utf8");
  const dataset = readDatasetDir(path.resolve("seed/data"));

  it("names every relationship and every event of the seed", () => {
    const ids = [...dataset.relationships, ...dataset.events].map((e) => e.id);
    expect(ids.filter((id) => !doc.includes(`\`${id}\``))).toEqual([]);
  });
});
