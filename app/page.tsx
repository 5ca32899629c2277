import { preload } from "react-dom";
import { Explorer } from "@/components/explorer/Explorer";
import { viewGraphQueries } from "@/components/explorer/view-graph-queries";
import { graphPath } from "@/lib/api/client";
import { getTimeline } from "@/lib/server/reads/timeline";
import { checkStore } from "@/lib/server/store/status";
import { checkDatesWithin, parseViewState } from "@/lib/view/state";
import { StoreUnavailable } from "./store-unavailable";

// The view comes from the link, so the first paint already shows the right controls. The timeline
// (kept per dataset version) comes with the page, and the first view's graphs are named in the
// page's head for the browser to fetch while it loads the scripts: the explorer's own requests for
// them, once it runs, find them there instead of starting only then.
export default async function ExplorerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const problem = await checkStore();
  if (problem) return <StoreUnavailable problem={problem} />;
  const parsed = parseViewState(await searchParams);
  let { state } = parsed;
  const problems = [...parsed.problems];
  // A store without a dated entry has no timeline: the explorer then asks for it and says what is wrong.
  const timeline = await getTimeline().catch(() => null);
  if (timeline) {
    const within = checkDatesWithin(state, timeline);
    state = within.state;
    problems.push(...within.problems);
    // Same origin, without credentials: the mode and credentials of the explorer's fetch, or the preload is not reused.
    for (const query of viewGraphQueries(state, timeline)) preload(graphPath(query), { as: "fetch", crossOrigin: "anonymous" });
  }
  return <Explorer initial={state} problems={problems} timeline={timeline} />;
}
