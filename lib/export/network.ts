/**
 * What every data export holds: the network of one view (or the whole dataset) with each element's
 * dates, type, certainty and citations, and the context that says what the view is. The server
 * builds it once (lib/server/reads/export-network.ts); each format (GraphML, GEXF, CSV, Cytoscape JSON)
 * only writes it out, so the formats cannot disagree about what a view contains.
 */
import type { ApiDateBound } from "../api/types";
import type { IsoDay } from "../model/dates";
import type { ActorKind, Certainty, Polarity, RelationshipType } from "../model/vocabulary";

export interface ExportCitation {
  /** Source id in the store. */
  source: string;
  /** "Neumann 2014". */
  citedAs: string;
  authors: string[];
  date: string | null;
  title: string;
  outlet: string | null;
  pages: string | null;
  /** What the work supports. */
  note: string;
}

/** A name an actor bore for a period (AQI, ISI, ISIS, IS); first/last are open when null. */
export interface ExportName {
  name: string;
  short: string | null;
  first: IsoDay | null;
  last: IsoDay | null;
  dateLabel: string;
}

export interface ExportNode {
  id: string;
  /** The name in force in the view's window (short form where there is one). */
  label: string;
  /** The actor's standing full name. */
  name: string;
  kind: ActorKind;
  /** "Militant organisation". */
  kindLabel: string;
  description: string;
  /** Dated names, in order; empty when the actor kept one name. */
  names: ExportName[];
  /** Drawn greyed: every relationship it has in the view ended before the view's date. */
  ended: boolean;
}

export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  /** The two actors' labels in the view, for readers that show no ids. */
  sourceLabel: string;
  targetLabel: string;
  type: RelationshipType;
  /** "supports". */
  typeLabel: string;
  polarity: Polarity;
  certainty: Certainty;
  /** Membership, leadership, parts and succession. */
  structural: boolean;
  /** "supports (2003 – at least 2005)": what the drawing writes on the edge. */
  label: string;
  start: ApiDateBound | null;
  end: ApiDateBound | null;
  /** "2003 – at least 2005". */
  dateLabel: string;
  /** Earliest possible start and latest possible end, ISO days; null = open. */
  first: IsoDay | null;
  last: IsoDay | null;
  summary: string;
  dateNote: string | null;
  note: string | null;
  /** Up to or between dates: it no longer held at the view's date (drawn grey). */
  ended: boolean;
  citations: ExportCitation[];
}

export interface ExportContext {
  /** "Assad, the Baathists and the jihadists". */
  title: string;
  /** "2009", "Up to 2009", "2005 to 2009", "The whole dataset, 1979 to 2015". */
  period: string;
  /** The window's parameters as given (null = not given) and the ISO days they cover. */
  window: { at: string | null; from: string | null; to: string | null; first: IsoDay | null; last: IsoDay | null };
  /** One line per active filter ("Certainty: documented, reported"); empty when nothing is filtered. */
  filters: string[];
  /** The actor whose neighbourhood alone is shown, by label. */
  focus: string | null;
  /** Every work cited by the exported relationships, as "Neumann 2014", sorted, once each. */
  worksCited: string[];
  /** The explorer query (`date=2009&certainty=documented`) that shows this view. */
  explorerQuery: string;
  /** "assad-baathist-jihadist-2009": file names start with it. */
  fileStem: string;
  /**
   * The dataset's version the export was read at (lib/server/store/dataset-version.ts), so a file
   * says which state of a living dataset it shows; absent where no store is read (a picture drawn in
   * the browser).
   */
  datasetVersion?: number;
  /** When the export was made is left out on purpose: the same view exports byte for byte the same. */
  counts: { actors: number; relationships: number };
}

/** An edge's two ends and span: what a writer needs of every edge before writing the edges themselves. */
export type ExportEdgeSpan = Pick<ExportEdge, "source" | "target" | "first" | "last">;

export interface ExportNetwork {
  context: ExportContext;
  nodes: ExportNode[];
  /**
   * The edges in order. Any iterable, iterated once per file: the server reads each batch of edges
   * with its evidence as the file is written (lib/server/reads/export-network.ts), so a whole-store
   * export never holds every relationship's evidence at once.
   */
  edges: Iterable<ExportEdge>;
  /**
   * Every edge's ends and span, in the order of `edges` (GEXF's node spans), iterated before the
   * edges and without their evidence; `edges` serve when absent.
   */
  spans?: Iterable<ExportEdgeSpan>;
}
