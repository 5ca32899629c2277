import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { checkStore } from "@/lib/server/store/status";
import { listRevisions } from "@/lib/server/writes/revisions";
import { StoreUnavailable } from "../store-unavailable";

export const metadata: Metadata = { title: "Recent changes to the dataset" };

const PAGE = 50;
const ACTION_WORDS = { create: "added", update: "changed", delete: "deleted", restore: "restored" } as const;

/** Where an entity can be seen: actors, relationships and events open in the explorer; sources and places are on /data. */
function entityHref(entity: string): string | null {
  const kind = entity.slice(0, entity.indexOf(":"));
  return kind === "actor" || kind === "relationship" || kind === "event" ? `/?sel=${encodeURIComponent(entity)}` : "/data";
}

function label(after: unknown, before: unknown, entity: string): string {
  const e = (after ?? before ?? {}) as { name?: string; title?: string; summary?: string; citedAs?: string };
  return e.name ?? e.title ?? e.citedAs ?? e.summary ?? entity;
}

// The public list of recent changes: who changed what, when and why, newest first (GET /api/revisions
// answers the same with the states before and after). Authors by name only: emails are for editors.
export default async function ChangesPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  await connection();
  const problem = await checkStore();
  if (problem) return <StoreUnavailable problem={problem} />;
  const raw = (await searchParams).before;
  const before = raw && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
  const revisions = await listRevisions({ limit: PAGE, before }, false);
  const last = revisions.at(-1);
  return (
    <main>
      <p className="back">
        <Link href="/">← Back to the network explorer</Link>
      </p>
      <h1>Recent changes</h1>
      <p className="lede">Every change made by the editors, newest first, with the reason they gave. Loading the seed files makes none.</p>
      {revisions.length === 0 ? (
        <p>{before === undefined ? "No change has been made through the editor yet." : "No older changes."}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => {
              // A deleted actor, relationship or event still opens in the explorer: its panel offers its history, to restore it from.
              const href = r.action === "delete" && !/^(actor|relationship|event):/.test(r.entity) ? null : entityHref(r.entity);
              const what = label(r.after, r.before, r.entity);
              return (
                <tr key={r.id}>
                  <td>
                    <time dateTime={r.at}>{r.at.slice(0, 16).replace("T", " ")}</time>
                  </td>
                  <td>{r.author.name}</td>
                  <td>
                    {ACTION_WORDS[r.action]} {r.entity.slice(0, r.entity.indexOf(":"))} {href ? <Link href={href}>{what}</Link> : what} (version {r.version})
                  </td>
                  <td>{r.reason}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {last && revisions.length === PAGE ? (
        <p>
          <Link href={`/changes?before=${last.id}`}>Older changes →</Link>
        </p>
      ) : null}
    </main>
  );
}
