/**
 * The controlled vocabularies of the dataset. Each list is the single definition used by the zod
 * schemas (seed, routes, UI), so adding a term here is the only step needed to use it.
 */

export const ACTOR_KINDS = {
  state: "State",
  government: "Government",
  "government-body": "Government body",
  "security-service": "Security service",
  "armed-forces": "Armed forces",
  "party-or-faction": "Party or faction",
  "militant-organisation": "Militant organisation",
  "religious-body": "Religious body",
  person: "Person",
  "population-group": "Population group",
  network: "Informal network",
} as const;
export type ActorKind = keyof typeof ACTOR_KINDS;

export type Polarity = "cooperative" | "hostile" | "neutral";
export const POLARITIES: Record<Polarity, string> = {
  cooperative: "Cooperative",
  hostile: "Hostile",
  neutral: "Neutral",
};

/**
 * Relationship types. `structural` types describe who belongs to whom rather than what one actor
 * does to another; the explorer may draw them differently. `polarity` is the default for the type:
 * a relationship may override it where the text calls for it.
 */
export const RELATIONSHIP_TYPES = {
  support: { label: "Support", polarity: "cooperative", structural: false, description: "Material, financial or political backing." },
  cooperation: { label: "Cooperation or alliance", polarity: "cooperative", structural: false, description: "Working together towards shared ends, openly or tacitly." },
  sanctuary: { label: "Sanctuary", polarity: "cooperative", structural: false, description: "Hosting or tolerating an actor on one's territory." },
  facilitation: { label: "Facilitation of fighters", polarity: "cooperative", structural: false, description: "Recruiting, moving, housing or passing fighters on." },
  "co-optation": { label: "Co-optation or control", polarity: "neutral", structural: false, description: "Binding an actor to one's rules or using it for one's ends." },
  infiltration: { label: "Infiltration", polarity: "hostile", structural: false, description: "Placing agents inside another actor's ranks or meetings." },
  hostility: { label: "Hostility or attack", polarity: "hostile", structural: false, description: "Armed attack, war, or open enmity." },
  repression: { label: "Repression", polarity: "hostile", structural: false, description: "A state's violence or coercion against its own population or opponents." },
  detention: { label: "Detention", polarity: "hostile", structural: false, description: "Arrest or imprisonment." },
  release: { label: "Release", polarity: "cooperative", structural: false, description: "Freeing prisoners, whatever the motive." },
  rivalry: { label: "Rivalry or estrangement", polarity: "hostile", structural: false, description: "Bad relations short of violence." },
  trade: { label: "Trade", polarity: "cooperative", structural: false, description: "Buying or selling goods such as oil." },
  "diplomatic-rupture": { label: "Diplomatic rupture", polarity: "hostile", structural: false, description: "Breaking off or downgrading diplomatic relations." },
  pressure: { label: "Pressure", polarity: "hostile", structural: false, description: "Demands or coercion short of force." },
  mediation: { label: "Mediation", polarity: "neutral", structural: false, description: "A third party trying to settle a dispute." },
  incitement: { label: "Incitement", polarity: "hostile", structural: false, description: "Publicly calling others to fight an actor." },
  "part-of": { label: "Part of", polarity: "neutral", structural: true, description: "An organ or unit of a larger actor." },
  leadership: { label: "Leadership", polarity: "neutral", structural: true, description: "A person heads an organisation." },
  membership: { label: "Membership", polarity: "neutral", structural: true, description: "A person or group belongs to an organisation." },
  succession: { label: "Succession", polarity: "neutral", structural: true, description: "One actor takes the place of another." },
} as const satisfies Record<string, { label: string; polarity: Polarity; structural: boolean; description: string }>;
export type RelationshipType = keyof typeof RELATIONSHIP_TYPES;

/** How well a claim is established, in the article's own terms. Ordered from firmest to weakest. */
export const CERTAINTIES = {
  documented: "Documented: shown by records or stated as established fact by the cited source.",
  reported: "Reported: stated by a cited source on the word of witnesses, officials or journalists.",
  alleged: "Alleged: claimed by one party or by accusers, not confirmed by the source.",
  contested: "Contested: the article itself calls it disputed or uncertain.",
} as const;
export type Certainty = keyof typeof CERTAINTIES;

/** The short names of the certainties, for filters, legend and badges. */
export const CERTAINTY_LABELS: Record<Certainty, string> = {
  documented: "Documented",
  reported: "Reported",
  alleged: "Alleged",
  contested: "Contested",
};

export const EVENT_KINDS = {
  war: "War or invasion",
  massacre: "Massacre",
  attack: "Attack",
  "military-operation": "Military operation",
  conference: "Conference or meeting",
  "political-change": "Political change",
  policy: "Policy decision",
  diplomacy: "Diplomatic move",
  death: "Death",
  funeral: "Funeral",
  uprising: "Uprising or protest",
  amnesty: "Amnesty or release",
  "social-trend": "Social trend",
  publication: "Publication or broadcast",
  discovery: "Discovery",
} as const;
export type EventKind = keyof typeof EVENT_KINDS;

export const PARTICIPANT_ROLES = {
  perpetrator: "Perpetrator",
  target: "Target",
  victim: "Victim",
  host: "Host",
  organiser: "Organiser",
  participant: "Participant",
  speaker: "Speaker",
  mediator: "Mediator",
  subject: "Subject",
  observer: "Observer",
  informant: "Informant",
  publisher: "Publisher",
} as const;
export type ParticipantRole = keyof typeof PARTICIPANT_ROLES;

export const SOURCE_KINDS = {
  "newspaper-article": "Newspaper article",
  "magazine-article": "Magazine or review essay",
  "journal-article": "Journal or bulletin article",
  report: "Research report",
  documentary: "Documentary or broadcast report",
  "blog-post": "Blog post",
} as const;
export type SourceKind = keyof typeof SOURCE_KINDS;

export const keysOf = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
