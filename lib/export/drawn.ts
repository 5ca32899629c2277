/**
 * What an export of one view holds: the drawing rules of lib/graph/view.ts (computeGraphView) for
 * the only state an export has (filters, a focus, ended ties up to a date; no comparison, triangle,
 * selection or emphasis), over plain rows. computeGraphView builds Cytoscape elements, maps and
 * sorted id lists for the page; over a whole store of 100,000 relationships that took half of an
 * export's time, where these rules need one pass over flags aligned with the rows.
 * drawn.test.ts checks that both agree, element for element, on random networks and views.
 */
import type { IsoDay } from "../model/dates";
import { isShown, type ViewFilters } from "../view/state";
import type { ActorKind, Certainty, Polarity, RelationshipType } from "../model/vocabulary";

export interface DrawnActor {
  id: string;
  kind: string;
}

export interface DrawnRelationship {
  fromId: string;
  toId: string;
  type: string;
  polarity: string;
  certainty: string;
  spanEnd: IsoDay | null;
}

export interface DrawnInput {
  /** The actors present in the view's window (at an end of a relationship or in an event). */
  actors: readonly DrawnActor[];
  /** The relationships active in the window. */
  relationships: readonly DrawnRelationship[];
  filters: ViewFilters;
  focus: string | null;
  /** Up to or between dates (not at one date): what ended before `endedBefore` is drawn grey. */
  showsEnded: boolean;
  endedBefore: IsoDay;
}

/** Flags aligned with the input's rows (1 = yes). */
export interface Drawn {
  nodeShown: Uint8Array;
  nodeEnded: Uint8Array;
  edgeShown: Uint8Array;
  edgeEnded: Uint8Array;
  /** The focus is not drawn in this view, so it is not applied. */
  focusMissing: boolean;
}

export function drawnOf({ actors, relationships, filters, focus, showsEnded, endedBefore }: DrawnInput): Drawn {
  const index = new Map<string, number>();
  const kindOk = new Uint8Array(actors.length);
  for (let i = 0; i < actors.length; i++) {
    const a = actors[i]!;
    index.set(a.id, i);
    kindOk[i] = isShown(filters, "kinds", a.kind as ActorKind) ? 1 : 0;
  }
  // An end that is not among the actors is not tested (computeGraphView's rule; both ends are present).
  const endOk = (id: string) => {
    const i = index.get(id);
    return i === undefined || kindOk[i] === 1;
  };
  const byKind = filters.kinds !== null;

  const edgeShown = new Uint8Array(relationships.length);
  for (let j = 0; j < relationships.length; j++) {
    const r = relationships[j]!;
    edgeShown[j] =
      isShown(filters, "types", r.type as RelationshipType) &&
      isShown(filters, "polarities", r.polarity as Polarity) &&
      isShown(filters, "certainties", r.certainty as Certainty) &&
      (!byKind || (endOk(r.fromId) && endOk(r.toId)))
        ? 1
        : 0;
  }

  const nodeShown = kindOk.slice();
  const focusIndex = focus === null ? undefined : index.get(focus);
  const focusMissing = focus !== null && (focusIndex === undefined || kindOk[focusIndex] === 0);
  const mark = (flags: Uint8Array, id: string) => {
    const i = index.get(id);
    if (i !== undefined) flags[i] = 1;
  };
  if (focus !== null && !focusMissing) {
    // The focus and its neighbours through the relationships drawn that touch it.
    const neighbourhood = new Uint8Array(actors.length);
    neighbourhood[focusIndex!] = 1;
    for (let j = 0; j < relationships.length; j++) {
      if (!edgeShown[j]) continue;
      const r = relationships[j]!;
      if (r.fromId !== focus && r.toId !== focus) {
        edgeShown[j] = 0;
        continue;
      }
      mark(neighbourhood, r.fromId);
      mark(neighbourhood, r.toId);
    }
    for (let i = 0; i < actors.length; i++) if (!neighbourhood[i]) nodeShown[i] = 0;
  }

  const edgeEnded = new Uint8Array(relationships.length);
  const nodeEnded = new Uint8Array(actors.length);
  if (showsEnded) {
    // A node is greyed when everything drawn around it has ended.
    const drawnAround = new Uint8Array(actors.length);
    const liveAround = new Uint8Array(actors.length);
    for (let j = 0; j < relationships.length; j++) {
      if (!edgeShown[j]) continue;
      const r = relationships[j]!;
      const ended = r.spanEnd !== null && r.spanEnd < endedBefore;
      if (ended) edgeEnded[j] = 1;
      mark(drawnAround, r.fromId);
      mark(drawnAround, r.toId);
      if (!ended) {
        mark(liveAround, r.fromId);
        mark(liveAround, r.toId);
      }
    }
    for (let i = 0; i < actors.length; i++) if (nodeShown[i] && drawnAround[i] && !liveAround[i]) nodeEnded[i] = 1;
  }
  return { nodeShown, nodeEnded, edgeShown, edgeEnded, focusMissing };
}
