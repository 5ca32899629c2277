import type { Metadata } from "next";
import Link from "next/link";
import { ImportPreview } from "@/components/editing/ImportPreview";
import { runImport } from "./actions";

export const metadata: Metadata = { title: "Import a spreadsheet" };

export default function ImportPage() {
  return (
    <main>
      <p className="back">
        <Link href="/">← Back to the network explorer</Link>
      </p>
      <h1>Import a spreadsheet</h1>
      <p className="lede">
        Actors from <code>nodes.csv</code>, relationships from <code>edges.csv</code> (the columns Kumu, Gephi and Flourish users keep;
        templates in <code>docs/templates/</code>, columns in <code>docs/import.md</code>). Preview first: nothing is written until every row reads, and then
        all of it at once.
      </p>
      <ImportPreview run={runImport} />
    </main>
  );
}
