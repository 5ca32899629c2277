/**
 * A spreadsheet import's plan in words: what the CLI prints for --dry-run and before applying, and a
 * text the editor's preview can show as it is. Refusals read `edges.csv row 14, column "start": ...`.
 */
import type { ImportPlan } from "./spreadsheet-plan";
import { formatRefusal } from "./spreadsheet-columns";

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export function describePlan(plan: ImportPlan): string[] {
  const { added, changed, unchanged, refused, ignored } = plan;
  const lines = [
    `add ${plural(added.actors.length, "actor")}, ${plural(added.relationships.length, "relationship")}, ${plural(added.sources.length, "source")}; ` +
      `change ${plural(changed.length, "entry", "entries")}; ${plural(unchanged, "entry", "entries")} unchanged; ${plural(refused.length, "problem")}`,
  ];
  for (const c of changed) {
    lines.push(`  change ${c.kind} ${c.id} (${c.file} row ${c.row}): ${c.fields.map((f) => `${f.field} "${f.before}" → "${f.after}"`).join("; ")}`);
  }
  for (const i of ignored) lines.push(`  ${i.file}: column "${i.column}" is not read (docs/import.md lists the columns)`);
  for (const r of refused) lines.push(formatRefusal(r));
  return lines;
}
