/**
 * What the JSON routes answer. Client components import these types (never lib/server), so the UI
 * and the routes cannot drift apart.
 */
import type { IsoDay, Precision, Qualifier } from "../model/dates";
import type { ActorKind, Certainty, EventKind, ParticipantRole, Polarity, RelationshipType, SourceKind } from "../model/vocabulary";

export interface ApiDateBound {
  date: string;
  precision: Precision;
  qualifier: Qualifier;
  /** "at least 2005", "August 2009". */
  label: string;
}

/** The stored bounds the date queries use: earliest possible start, latest possible end; null = open. */
export interface ApiSpan {
  first: IsoDay | null;
  last: IsoDay | null;
}

export interface ApiActorName {
  name: string;
  short: string | null;
  start: ApiDateBound | null;
  end: ApiDateBound | null;
  dateLabel: string;
  note: string | null;
}

export interface ApiActor {
  id: string;
  kind: ActorKind;
  name: string;
  short: string | null;
  description: string;
  aliases: string[];
  names: ApiActorName[];
}

export interface ApiActorRef {
  id: string;
  name: string;
  short: string | null;
  kind: ActorKind;
}

export interface ApiSourceRef {
  id: string;
  citedAs: string;
  authors: string[];
  date: string | null;
  title: string;
  outlet: string | null;
}

export interface ApiCitation {
  source: ApiSourceRef;
  pages: string | null;
  note: string;
}

export interface ApiRelationship {
  id: string;
  from: ApiActorRef;
  to: ApiActorRef;
  type: RelationshipType;
  polarity: Polarity;
  certainty: Certainty;
  start: ApiDateBound | null;
  end: ApiDateBound | null;
  span: ApiSpan;
  /** "2003 – at least 2005". */
  dateLabel: string;
  summary: string;
  dateNote: string | null;
  note: string | null;
  citations: ApiCitation[];
  events: string[];
  places: ApiPlace[];
}

export interface ApiParticipant {
  actor: ApiActorRef;
  role: ParticipantRole;
  note: string | null;
}

export interface ApiPlace {
  id: string;
  name: string;
  country: string;
  description: string | null;
}

export interface ApiEvent {
  id: string;
  title: string;
  kind: EventKind;
  start: ApiDateBound;
  end: ApiDateBound | null;
  span: ApiSpan;
  dateLabel: string;
  place: ApiPlace | null;
  certainty: Certainty;
  description: string;
  dateNote: string | null;
  note: string | null;
  participants: ApiParticipant[];
  relationships: string[];
  citations: ApiCitation[];
}

export interface ApiActorDetail extends ApiActor {
  relationships: ApiRelationship[];
  events: (ApiEvent & { roles: ParticipantRole[] })[];
}

export interface ApiSource extends ApiSourceRef {
  dateNote: string | null;
  outletNote: string | null;
  details: string | null;
  kind: SourceKind;
  url: string | null;
  notes: string[];
  citedBy: { relationships: number; events: number };
}

export interface ApiWindow {
  /** The parameters as given. */
  at: string | null;
  from: string | null;
  to: string | null;
  /** The inclusive days they stand for; null = open. */
  first: IsoDay | null;
  last: IsoDay | null;
}

export interface GraphNode {
  data: {
    id: string;
    /** The actor's name as of the window (short form where it has one). */
    label: string;
    name: string;
    short: string | null;
    kind: ActorKind;
  };
  /**
   * Where the actor is drawn: the stored layout, the same at every date (lib/server/store/layout.ts).
   * Every node of an /api/graph answer has one; graphs built by hand in tests may leave it out.
   */
  position?: { x: number; y: number };
}

export interface GraphEdge {
  data: {
    id: string;
    source: string;
    target: string;
    type: RelationshipType;
    polarity: Polarity;
    certainty: Certainty;
    structural: boolean;
    label: string;
    dateLabel: string;
    first: IsoDay | null;
    last: IsoDay | null;
    citations: number;
    /**
     * Only with `possibly=1`: the relationship's last attested date is before the window, but its
     * end is "at least", so it may still hold (drawn apart from what certainly holds).
     */
    possibly?: boolean;
  };
}

export interface ApiGraph {
  window: ApiWindow;
  elements: { nodes: GraphNode[]; edges: GraphEdge[] };
  /** Events within the window, for the same view. */
  events: { id: string; title: string; kind: EventKind; dateLabel: string; first: IsoDay; last: IsoDay; participants: string[] }[];
}

export interface TimelineCount {
  relationshipStarts: number;
  relationshipEnds: number;
  events: number;
}

export interface ApiTimeline {
  first: IsoDay;
  last: IsoDay;
  /** Every year from first to last, zeros included. */
  years: ({ year: string } & TimelineCount)[];
  /** Only months with something dated to the month or day in them. */
  months: ({ month: string } & TimelineCount)[];
}

/** One step of the guided story (seed/data/story.yaml), in reading order. */
export interface ApiStoryStep {
  id: string;
  /** 1-based: "step 3 of 12". */
  number: number;
  title: string;
  /** The slider date the step shows, YYYY or YYYY-MM; with `from`, the window from `from` to it. */
  date: string;
  from: string | null;
  /** "2009", "2005 to 2008". */
  dateLabel: string;
  /** To highlight: the step's own actors, then the ends of its relationships. */
  actors: string[];
  relationships: string[];
  caption: string;
  /** Where the drawing does not bear the caption out. */
  dataNote: string | null;
  citations: ApiCitation[];
}
