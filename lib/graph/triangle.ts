/**
 * The triangle as sides, not three nodes: each corner (the Assad government, the Iraqi Baathists,
 * the jihadist lineage) stands with the actors that are part of it, members of it or lead it at the
 * date, through the data's own dated belonging ties, and through theirs in turn (the air force is
 * part of the armed forces, which are part of the government). So the Syrian intelligence officers
 * meeting ISI in 2009 and the air force sparing ISIS in 2014 are ties of the triangle. Pure, so the
 * rule is tested without a browser.
 */
import type { GraphEdge } from "../api/types";
import type { RelationshipType } from "../model/vocabulary";

/** The Assad government, the Iraqi Baathists and the jihadist lineage (one actor, AQI to IS). */
export const TRIANGLE_CORNERS = ["assad-government", "iraqi-baathists", "islamic-state"] as const;

/** Ties by which an actor belongs to a side: it acts on (`from`) the body it is part of, joins or leads. */
export const SIDE_TYPES: readonly RelationshipType[] = ["part-of", "membership", "leadership"];

type Tie = Pick<GraphEdge["data"], "source" | "target" | "type">;

/**
 * Each corner's side at the date of `ties` (the relationships holding then): the corner and every
 * actor joined to it by a chain of belonging ties. An actor that belongs to two corners (a Baathist
 * who joined the lineage in the same year) is on both sides.
 */
export function triangleSides(ties: readonly Tie[], corners: readonly string[] = TRIANGLE_CORNERS): Map<string, Set<string>> {
  const belongsTo = new Map<string, string[]>();
  for (const t of ties) {
    if (!SIDE_TYPES.includes(t.type) || t.source === t.target) continue;
    const list = belongsTo.get(t.target) ?? [];
    list.push(t.source);
    belongsTo.set(t.target, list);
  }
  const sides = new Map<string, Set<string>>();
  for (const corner of corners) {
    const side = new Set([corner]);
    const queue = [corner];
    while (queue.length) {
      for (const member of belongsTo.get(queue.pop()!) ?? []) {
        if (side.has(member)) continue;
        side.add(member);
        queue.push(member);
      }
    }
    sides.set(corner, side);
  }
  return sides;
}

/** Every actor on some side of the triangle at the date of `ties`. */
export function triangleActors(ties: readonly Tie[], corners: readonly string[] = TRIANGLE_CORNERS): Set<string> {
  return new Set([...triangleSides(ties, corners).values()].flatMap((side) => [...side]));
}
