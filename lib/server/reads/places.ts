import "server-only";
import type { ApiPlace } from "../../api/types";
import { db } from "../store/db";
import { NotFoundError } from "../http/respond";
import { placeSelect } from "./serialize";

/** Every place, with how many events happened there and how many relationships name it. */
export async function listPlaces(id?: string): Promise<(ApiPlace & { usedBy: { events: number; relationships: number } })[]> {
  const rows = await db.place.findMany({
    where: id === undefined ? {} : { id },
    select: { ...placeSelect, _count: { select: { events: true, relationships: true } } },
    orderBy: { id: "asc" },
  });
  return rows.map(({ _count, ...place }) => ({ ...place, usedBy: { events: _count.events, relationships: _count.relationships } }));
}

/** One place, as the list shows it. */
export async function getPlace(id: string) {
  const [place] = await listPlaces(id);
  if (!place) throw new NotFoundError("id", `no place with id "${id}"`);
  return place;
}
