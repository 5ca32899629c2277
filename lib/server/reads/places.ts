import "server-only";
import type { ApiPlace } from "../../api/types";
import { db } from "../store/db";
import { placeSelect } from "./serialize";

/** Every place, with how many events happened there and how many relationships name it. */
export async function listPlaces(): Promise<(ApiPlace & { usedBy: { events: number; relationships: number } })[]> {
  const rows = await db.place.findMany({
    select: { ...placeSelect, _count: { select: { events: true, relationships: true } } },
    orderBy: { id: "asc" },
  });
  return rows.map(({ _count, ...place }) => ({ ...place, usedBy: { events: _count.events, relationships: _count.relationships } }));
}
