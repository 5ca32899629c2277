import "server-only";
/**
 * Where the Cytoscape JSON export places each actor: the explorer's layout of the whole network.
 *
 * The one call to swap once the layout is stored per dataset version (lib/server/layout.ts, issue
 * 12): until then the cola layout is run here at most once per dataset version and process, never
 * per request, and not at all beyond COLA_LIMIT actors: cola took 4.5 s for 200 actors and about
 * 10 minutes for 2,000 (issue 12), all that time holding the single-threaded server. Beyond it the
 * export carries no positions (every actor at 0,0) rather than stalling every other request.
 */
import { layoutPositions } from "../graph-positions";
import { getDatasetVersion } from "./dataset-version";
import { db } from "./db";
import { getGraph } from "./graph";

export type Positions = Map<string, { x: number; y: number }>;

const COLA_LIMIT = 250;

let kept: { version: number; positions: Promise<Positions> } | null = null;

export async function exportPositions(): Promise<Positions> {
  const version = await getDatasetVersion(db);
  if (kept?.version !== version) {
    const positions = getGraph({}).then((all) => (all.elements.nodes.length > COLA_LIMIT ? new Map() : layoutPositions(all.elements)));
    kept = { version, positions };
    positions.catch(() => {
      if (kept?.positions === positions) kept = null;
    });
  }
  return kept.positions;
}
