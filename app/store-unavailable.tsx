import type { StoreProblem } from "@/lib/server/store/status";

const TITLES: Record<StoreProblem["state"], string> = {
  missing: "The database file is missing",
  "not-migrated": "The database is not migrated",
  empty: "The database holds no data",
};

/** What a page shows instead of its data when the store is not there, with the commands that fix it. */
export function StoreUnavailable({ problem }: { problem: StoreProblem }) {
  return (
    <main>
      <h1>{TITLES[problem.state]}</h1>
      <p role="alert" data-testid="store-problem" data-state={problem.state}>
        The explorer cannot show anything yet: {problem.message}.
      </p>
      <p>From the project&apos;s folder, run:</p>
      <pre>
        <code>{problem.fix.join("\n")}</code>
      </pre>
      <p>then reload this page.</p>
    </main>
  );
}
