"use client";

/** The lists a form picks from (actors, sources, places), read through the page's cached client. */
import { useEffect, useState } from "react";
import { getJson } from "@/lib/api/client";
import type { ApiActor, ApiPlace, ApiSource } from "@/lib/api/types";

export interface ReferenceLists {
  actors: ApiActor[];
  sources: ApiSource[];
  places: ApiPlace[];
}

export function loadReferenceLists(): Promise<ReferenceLists> {
  return Promise.all([
    getJson<{ actors: ApiActor[] }>("/api/actors"),
    getJson<{ sources: ApiSource[] }>("/api/sources"),
    getJson<{ places: ApiPlace[] }>("/api/places"),
  ]).then(([a, s, p]) => ({ actors: a.actors, sources: s.sources, places: p.places }));
}

/** The lists, or null while they load; `reload` after a new source or place was created. */
export function useReferenceLists(): { lists: ReferenceLists | null; failed: boolean; reload(): void } {
  const [lists, setLists] = useState<ReferenceLists | null>(null);
  const [failed, setFailed] = useState(false);
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    loadReferenceLists().then(
      (l) => live && setLists(l),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [n]);
  return { lists, failed, reload: () => setN((x) => x + 1) };
}
