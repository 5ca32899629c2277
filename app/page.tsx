import { Explorer } from "@/components/Explorer";
import { parseViewState } from "@/lib/view-state";

// The view comes from the link, so the first paint already shows the right controls; the data is
// read by the explorer through the routes.
export default async function ExplorerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { state, problems } = parseViewState(await searchParams);
  return <Explorer initial={state} problems={problems} />;
}
