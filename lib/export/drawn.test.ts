import { describe, expect, it } from "vitest";
import type { GraphEdge, GraphNode } from "../api/types";
import { computeGraphView } from "../graph/view";
import { DEFAULT_VIEW, type ViewFilters } from "../view/state";
import { ACTOR_KINDS, CERTAINTIES, POLARITIES, RELATIONSHIP_TYPES, type ActorKind, type Certainty, type Polarity, type RelationshipType } from "../model/vocabulary";
import { drawnOf, type DrawnActor, type DrawnRelationship } from "./drawn";

/** A small deterministic generator (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const some = <T>(list: readonly T[]) => list.filter(() => next() < 0.5);
  return { next, pick, some };
}

const KINDS = Object.keys(ACTOR_KINDS) as ActorKind[];
const TYPES = Object.keys(RELATIONSHIP_TYPES) as RelationshipType[];
const POLARITY_LIST = Object.keys(POLARITIES) as Polarity[];
const CERTAINTY_LIST = Object.keys(CERTAINTIES) as Certainty[];
const ENDS = ["2001-12-31", "2005-06-30", "2009-12-31", "2012-01-01", null] as const;

function network(seed: number) {
  const r = random(seed);
  const actors: DrawnActor[] = Array.from({ length: 4 + Math.floor(r.next() * 12) }, (_, i) => ({ id: `a${String(i).padStart(2, "0")}`, kind: r.pick(KINDS) }));
  const relationships: (DrawnRelationship & { id: string })[] = Array.from({ length: Math.floor(r.next() * 30) }, (_, j) => ({
    id: `r${String(j).padStart(2, "0")}`,
    // Some self-ties, some ends outside the actors given: the rules must agree on those too.
    fromId: r.next() < 0.05 ? "outside" : r.pick(actors).id,
    toId: r.pick(actors).id,
    type: r.pick(TYPES),
    polarity: r.pick(POLARITY_LIST),
    certainty: r.pick(CERTAINTY_LIST),
    spanEnd: r.pick(ENDS),
  }));
  const filters: ViewFilters = {
    types: r.next() < 0.3 ? r.some(TYPES) : null,
    polarities: r.next() < 0.3 ? r.some(POLARITY_LIST) : null,
    certainties: r.next() < 0.3 ? r.some(CERTAINTY_LIST) : null,
    kinds: r.next() < 0.4 ? r.some(KINDS) : null,
  };
  const focus = r.next() < 0.5 ? (r.next() < 0.9 ? r.pick(actors).id : "nobody") : null;
  const mode = r.pick(["at", "upto", "window"] as const);
  const endedBefore = r.pick(["0000-01-01", "2005-01-01", "2010-01-01"]);
  return { actors, relationships, filters, focus, mode, endedBefore };
}

describe("drawnOf", () => {
  it("draws, greys and focuses exactly as computeGraphView does, on 500 random networks and views", () => {
    for (let seed = 1; seed <= 500; seed++) {
      const { actors, relationships, filters, focus, mode, endedBefore } = network(seed);
      const nodes: GraphNode[] = actors.map((a) => ({ data: { id: a.id, label: a.id, name: a.id, short: null, kind: a.kind as ActorKind } }));
      const edges: GraphEdge[] = relationships.map((r) => ({
        data: {
          id: r.id,
          source: r.fromId,
          target: r.toId,
          type: r.type as RelationshipType,
          polarity: r.polarity as Polarity,
          certainty: r.certainty as Certainty,
          structural: false,
          label: r.type,
          dateLabel: "",
          first: null,
          last: r.spanEnd,
          citations: 1,
        },
      }));
      const page = computeGraphView({ current: { elements: { nodes, edges } }, state: { ...DEFAULT_VIEW, mode, filters, focus }, endedBefore });
      const d = drawnOf({ actors, relationships, filters, focus, showsEnded: mode !== "at", endedBefore });

      const shown = <T extends { id: string }>(rows: T[], flags: Uint8Array) => rows.filter((_, i) => flags[i]).map((x) => x.id).sort();
      expect(shown(actors, d.nodeShown), `seed ${seed}: nodes`).toEqual(page.shownNodes);
      expect(shown(relationships, d.edgeShown), `seed ${seed}: edges`).toEqual(page.shownEdges);
      expect(shown(relationships, d.edgeEnded), `seed ${seed}: ended edges`).toEqual(page.endedEdges);
      const endedNodes = [...page.nodes].filter(([, v]) => v.classes.includes("ended")).map(([id]) => id);
      expect(shown(actors, d.nodeEnded), `seed ${seed}: ended nodes`).toEqual(endedNodes);
      expect(d.focusMissing, `seed ${seed}: focus missing`).toBe(page.focusMissing);
    }
  });

  it("is not vacuous: the random views draw, hide, grey and focus", () => {
    const seen = { hidden: 0, shown: 0, ended: 0, focused: 0 };
    for (let seed = 1; seed <= 500; seed++) {
      const n = network(seed);
      const d = drawnOf({ ...n, showsEnded: n.mode !== "at" });
      if (d.edgeShown.includes(0)) seen.hidden++;
      if (d.edgeShown.includes(1)) seen.shown++;
      if (d.nodeEnded.includes(1)) seen.ended++;
      if (n.focus !== null && !d.focusMissing) seen.focused++;
    }
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(20);
  });
});
