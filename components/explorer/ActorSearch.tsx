"use client";

/**
 * The search box: type any name an actor has had (AQI, ISIS, Bashar) and it is selected and centred.
 * The list offers only the names matching what is typed (at most 50), searched in an index built
 * once per list of actors: at 20,000 actors a list of every name was most of the page's DOM nodes,
 * re-rendered at every slider step.
 */
import { useId, useMemo, useState, type FormEvent } from "react";
import { findActors, matchingSuggestions, suggestionIndex } from "@/lib/graph/actor-search";
import type { ApiActor } from "@/lib/api/types";
import styles from "./ActorSearch.module.css";

interface Props {
  /** Null until the names are read (after the first drawing): the box is there, but waits. */
  actors: ApiActor[] | null;
  onFound(actorId: string): void;
}

export function ActorSearch({ actors, onFound }: Props) {
  const listId = useId();
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState("");
  const index = useMemo(() => suggestionIndex(actors ?? []), [actors]);
  const suggestions = useMemo(() => matchingSuggestions(index, query), [index, query]);

  function go(text: string) {
    const hits = findActors(actors ?? [], text);
    if (hits.length === 1) {
      setStatus("");
      onFound(hits[0]!.id);
    } else if (hits.length === 0) setStatus(`No actor is called “${text.trim()}”.`);
    else setStatus(`${hits.length} actors match: ${hits.slice(0, 4).map((a) => a.short ?? a.name).join(", ")}${hits.length > 4 ? "…" : ""}`);
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    go(query);
  }

  return (
    <form className={styles.search} role="search" onSubmit={onSubmit}>
      <input
        type="search"
        aria-label="Find an actor by any of its names"
        placeholder="Find an actor (e.g. ISI, Bashar)"
        list={listId}
        disabled={!actors}
        value={query}
        onChange={(e) => {
          const v = e.target.value;
          setQuery(v);
          setStatus("");
          // Picking a suggestion from the list goes straight there.
          if (index.byValue.has(v)) go(v);
        }}
        data-testid="actor-search"
      />
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s.value} value={s.value} />
        ))}
      </datalist>
      <button type="submit" disabled={!actors}>
        Find
      </button>
      <p className={styles.status} role="status">
        {status}
      </p>
    </form>
  );
}
