/**
 * The network at one date against the network at another: which relationships appeared, ended or
 * changed, and which actors came and went. Pure, so the comparison view only draws the result.
 */
import type { AnalysisEdge } from "./types";

export type EdgeMark = "added" | "removed" | "changed-before" | "changed-after" | "kept";
export type NodeMark = "added" | "removed" | "kept";

/** What changed between two actors: the relationships that ended and those that replaced them. */
export interface PairChange {
  pair: [string, string];
  before: AnalysisEdge[];
  after: AnalysisEdge[];
}

export interface GraphDiff {
  added: string[];
  removed: string[];
  changed: PairChange[];
  kept: string[];
  /** One mark for every relationship id of either date. */
  marks: Map<string, EdgeMark>;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byId = (a: AnalysisEdge, b: AnalysisEdge) => byString(a.id, b.id);

// Direction counts too: a reversed "support" is a different claim, not the same one kept.
const sameClaim = (a: AnalysisEdge, b: AnalysisEdge) =>
  a.source === b.source && a.target === b.target && a.type === b.type && a.polarity === b.polarity && a.certainty === b.certainty;

function pairOf(e: AnalysisEdge): [string, string] {
  return e.source <= e.target ? [e.source, e.target] : [e.target, e.source];
}

export function diffGraphs(before: AnalysisEdge[], after: AnalysisEdge[]): GraphDiff {
  const beforeById = new Map(before.map((e) => [e.id, e]));
  const afterById = new Map(after.map((e) => [e.id, e]));
  // Our relationships never change in place: a new type or certainty is a new relationship between
  // the same actors, so the ended and started ones are only understood together, per pair.
  const pairs = new Map<string, PairChange>();
  const sideOf = (e: AnalysisEdge): PairChange => {
    const pair = pairOf(e);
    const key = pair.join("\u0000");
    let entry = pairs.get(key);
    if (!entry) pairs.set(key, (entry = { pair, before: [], after: [] }));
    return entry;
  };

  const kept: string[] = [];
  for (const old of beforeById.values()) {
    const now = afterById.get(old.id);
    if (!now) sideOf(old).before.push(old);
    else if (sameClaim(old, now)) kept.push(old.id);
    else {
      // Filed under the new pair should the endpoints have moved, so the id has a single entry.
      const entry = sideOf(now);
      entry.before.push(old);
      entry.after.push(now);
    }
  }
  for (const now of afterById.values()) if (!beforeById.has(now.id)) sideOf(now).after.push(now);

  const marks = new Map<string, EdgeMark>();
  const added: string[] = [];
  const removed: string[] = [];
  const changed: PairChange[] = [];
  for (const entry of pairs.values()) {
    if (entry.before.length > 0 && entry.after.length > 0) {
      entry.before.sort(byId);
      entry.after.sort(byId);
      changed.push(entry);
      for (const e of entry.before) marks.set(e.id, "changed-before");
      // Set second so a same-id change ends up "changed-after", the version on the later map.
      for (const e of entry.after) marks.set(e.id, "changed-after");
    } else {
      for (const e of entry.before) {
        removed.push(e.id);
        marks.set(e.id, "removed");
      }
      for (const e of entry.after) {
        added.push(e.id);
        marks.set(e.id, "added");
      }
    }
  }
  for (const id of kept) marks.set(id, "kept");

  changed.sort((a, b) => byString(a.pair[0], b.pair[0]) || byString(a.pair[1], b.pair[1]));
  return {
    added: added.sort(byString),
    removed: removed.sort(byString),
    changed,
    kept: kept.sort(byString),
    marks: new Map([...marks].sort(([a], [b]) => byString(a, b))),
  };
}

/**
 * Actors present only at the later date, only at the earlier one, or at both. The diff is not
 * needed for this today; it is taken so callers pass the comparison as one unit.
 */
export function nodeMarks(_diff: GraphDiff, beforeNodes: string[], afterNodes: string[]): Map<string, NodeMark> {
  const was = new Set(beforeNodes);
  const is = new Set(afterNodes);
  const all = [...new Set([...beforeNodes, ...afterNodes])].sort(byString);
  return new Map(all.map((id): [string, NodeMark] => [id, was.has(id) && is.has(id) ? "kept" : is.has(id) ? "added" : "removed"]));
}
