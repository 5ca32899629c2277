import { Explorer } from "@/components/explorer/Explorer";
import { getTimeline } from "@/lib/server/reads/timeline";
import { checkStore } from "@/lib/server/store/status";
import { checkDatesWithin, parseViewState } from "@/lib/view/state";
import { StoreUnavailable } from "./store-unavailable";

// The view comes from the link, so the first paint already shows the right controls; the data is
// read by the explorer through the routes.
export default async function ExplorerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const problem = await checkStore();
  if (problem) return <StoreUnavailable problem={problem} />;
  const parsed = parseViewState(await searchParams);
  let { state } = parsed;
  const problems = [...parsed.problems];
  // The data's span is read only when the link names a date, so a plain visit costs nothing more.
  if (state.date !== null || state.from !== null || state.base !== null) {
    const timeline = await getTimeline();
    const within = checkDatesWithin(state, timeline);
    state = within.state;
    problems.push(...within.problems);
  }
  return <Explorer initial={state} problems={problems} />;
}
