import "server-only";
import type { ApiGraph } from "../api-types";
import { overlapWhere, windowOf } from "../dates";
import { buildGraph } from "../graph-elements";
import type { WindowQuery } from "../schemas/query";
import { db } from "./db";
import { getLayoutPositions } from "./layout";
import { datesSelect } from "./serialize";

/** The network in a window (the whole dataset when none is given), as Cytoscape elements. */
export async function getGraph(q: WindowQuery): Promise<ApiGraph> {
  const window = windowOf(q);
  const [relationships, events] = await Promise.all([
    db.relationship.findMany({
      where: overlapWhere(window),
      select: {
        id: true,
        fromId: true,
        toId: true,
        type: true,
        polarity: true,
        certainty: true,
        ...datesSelect,
        _count: { select: { citations: true } },
      },
      orderBy: { id: "asc" },
    }),
    db.event.findMany({
      where: overlapWhere(window, { openEnds: false }),
      select: {
        id: true,
        title: true,
        kind: true,
        ...datesSelect,
        participants: { select: { actorId: true }, orderBy: { position: "asc" } },
      },
      orderBy: [{ spanStart: "asc" }, { id: "asc" }],
    }),
  ]);
  const eventRows = events.map((e) => ({ ...e, participants: [...new Set(e.participants.map((p) => p.actorId))] }));
  const ids = new Set<string>();
  relationships.forEach((r) => ids.add(r.fromId).add(r.toId));
  eventRows.forEach((e) => e.participants.forEach((a) => ids.add(a)));
  const actors = await db.actor.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      kind: true,
      name: true,
      short: true,
      names: { select: { name: true, short: true, isAlias: true, spanStart: true, spanEnd: true }, orderBy: { position: "asc" } },
    },
    orderBy: { id: "asc" },
  });
  const graph = buildGraph(
    window,
    actors,
    relationships.map(({ _count, ...r }) => ({ ...r, citations: _count.citations })),
    eventRows,
    await getLayoutPositions(),
  );
  return { window: { at: q.at ?? null, from: q.from ?? null, to: q.to ?? null, ...window }, ...graph };
}
