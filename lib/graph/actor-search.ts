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
export function searchSuggestions(actors: SearchableActor[]): Suggestion[] {
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const a of actors) {
    for (const n of namesOf(a)) {
      const folded = fold(n);
      if (seen.has(folded)) continue;
      seen.add(folded);
      out.push({ value: n, actorId: a.id });
    }
  }
  return out.sort((x, y) => x.value.localeCompare(y.value));
}

export interface Suggestion {
  value: string;
  actorId: string;
}

/** The suggestions with their folded forms, built once per list of actors and searched per keystroke. */
export interface SuggestionIndex {
  entries: (Suggestion & { folded: string })[];
  byValue: Map<string, Suggestion>;
}

export function suggestionIndex(actors: SearchableActor[]): SuggestionIndex {
  const list = searchSuggestions(actors);
  return { entries: list.map((s) => ({ ...s, folded: fold(s.value) })), byValue: new Map(list.map((s) => [s.value, s])) };
}

/** At most this many suggestions are offered at once: a list of 20,000 names is 20,000 DOM nodes and helps no one. */
export const SUGGESTION_LIMIT = 50;

/**
 * The suggestions for what has been typed so far: names starting with it, then names containing
 * it, each in the list's order, at most `limit`. Nothing before anything is typed.
 */
export function matchingSuggestions(index: SuggestionIndex, query: string, limit = SUGGESTION_LIMIT): Suggestion[] {
  const q = fold(query);
  if (!q) return [];
  const starts: Suggestion[] = [];
  const contains: Suggestion[] = [];
  for (const e of index.entries) {
    if (e.folded.startsWith(q)) {
      starts.push(e);
      if (starts.length === limit) break;
    } else if (contains.length < limit && e.folded.includes(q)) contains.push(e);
  }
  return [...starts, ...contains].slice(0, limit).map(({ value, actorId }) => ({ value, actorId }));
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
