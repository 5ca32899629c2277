/**
 * Finding an actor by any of its names: the current one, its short form, a dated earlier name
 * (AQI, ISI) or an alias. Pure, used by the search box and tested without a browser.
 */
import type { ApiActor } from "../api/types";

export type SearchableActor = Pick<ApiActor, "id" | "name" | "short" | "aliases" | "names">;

const fold = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[‘’'`]/g, "'").toLowerCase().trim();

export function namesOf(a: SearchableActor): string[] {
  const all = [a.name, a.short, ...a.aliases, ...a.names.flatMap((n) => [n.name, n.short])];
  return [...new Set(all.filter((n): n is string => !!n))];
}

/** Every name a reader might type, once each, for the search box's suggestions. */
export function searchSuggestions(actors: SearchableActor[]): { value: string; actorId: string }[] {
  const seen = new Set<string>();
  const out: { value: string; actorId: string }[] = [];
  for (const a of actors) {
    for (const n of namesOf(a)) {
      if (seen.has(fold(n))) continue;
      seen.add(fold(n));
      out.push({ value: n, actorId: a.id });
    }
  }
  return out.sort((x, y) => x.value.localeCompare(y.value));
}

/**
 * The actor a query names: an exact name first, then one name starting with it, then one
 * containing it. More than one candidate and no exact name means the query is ambiguous.
 */
export function findActors<A extends SearchableActor>(actors: A[], query: string): A[] {
  const q = fold(query);
  if (!q) return [];
  const tiers: ((n: string) => boolean)[] = [(n) => n === q, (n) => n.startsWith(q), (n) => n.includes(q)];
  for (const test of tiers) {
    const hits = actors.filter((a) => namesOf(a).some((n) => test(fold(n))));
    if (hits.length) return hits;
  }
  return [];
}
