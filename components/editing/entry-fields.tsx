"use client";

/** The fields of each kind of entry, in the order of the seed files' schema (lib/dataset/schema.ts). */
import { END_QUALIFIERS, START_QUALIFIERS } from "@/lib/model/dates";
import {
  ACTOR_KINDS,
  CERTAINTIES,
  EVENT_KINDS,
  PARTICIPANT_ROLES,
  POLARITIES,
  RELATIONSHIP_TYPES,
  SOURCE_KINDS,
  type RelationshipType,
} from "@/lib/model/vocabulary";
import type { EntryKind } from "@/lib/api/write-client";
import { getAt } from "./draft";
import { CitationsField } from "./CitationsField";
import { ActorPicker, DateBoundField, LinesField, ListField, SelectField, TextField, useForm, type Choice } from "./form-kit";
import type { ReferenceLists } from "./reference-lists";

const labelled = (o: Record<string, string>): Choice[] => Object.entries(o).map(([value, label]) => ({ value, label }));
const certainties: Choice[] = Object.entries(CERTAINTIES).map(([value, meaning]) => ({ value, label: meaning.split(":")[0]!, meaning }));
const types: Choice[] = Object.entries(RELATIONSHIP_TYPES).map(([value, t]) => ({ value, label: t.label, meaning: `${t.description} Usually ${t.polarity}.` }));

interface FieldsProps {
  lists: ReferenceLists;
  /** Ids cannot change once an entry exists (the write API refuses it). */
  creating: boolean;
  onListsChanged(): void;
}

function IdField({ creating, hint }: { creating: boolean; hint: string }) {
  return <TextField path="id" label="Id" hint={creating ? hint : "An entry's id cannot change."} required readOnly={!creating} />;
}

export function RelationshipFields({ lists, creating, onListsChanged }: FieldsProps) {
  const { draft } = useForm();
  const type = getAt(draft, "type") as RelationshipType | undefined;
  const typePolarity = type && RELATIONSHIP_TYPES[type] ? POLARITIES[RELATIONSHIP_TYPES[type].polarity] : null;
  return (
    <>
      <IdField creating={creating} hint="Lower-case words joined by hyphens, e.g. syria-supports-aqi." />
      <ActorPicker path="from" label="From (the actor who acts)" actors={lists.actors} required />
      <ActorPicker path="to" label="To (the actor acted upon)" actors={lists.actors} required />
      <SelectField path="type" label="Type" choices={types} empty="Choose a type…" required />
      <SelectField
        path="polarity"
        label="Polarity"
        choices={labelled(POLARITIES)}
        empty={typePolarity ? `The type's own (${typePolarity})` : "The type's own"}
      />
      <SelectField path="certainty" label="Certainty" choices={certainties} required />
      <DateBoundField path="start" legend="Start" qualifiers={START_QUALIFIERS} nullable openLabel="Start unknown" />
      <DateBoundField path="end" legend="End" qualifiers={END_QUALIFIERS} nullable openLabel="No end (still going, or unknown)" />
      <TextField path="summary" label="Summary" multiline required hint="At least 10 characters, in the editors' own words." />
      <TextField path="dateNote" label="Date note" multiline hint="Where a date comes from, when the cited works do not give it." />
      <TextField path="note" label="Editors' note" multiline />
      <PlacesField lists={lists} />
      <CitationsField sources={lists.sources} onSourceCreated={onListsChanged} />
    </>
  );
}

function PlacesField({ lists }: { lists: ReferenceLists }) {
  const choices = lists.places.map((p) => ({ value: p.id, label: `${p.name} (${p.country})` }));
  return (
    <ListField path="places" legend="Places" addLabel="Add a place" itemLegend={(i) => `Place ${i + 1}`} newItem={() => ""}>
      {(p) => <SelectField path={p} label="Place" choices={choices} empty="Choose a place…" />}
    </ListField>
  );
}

export function ActorFields({ creating }: FieldsProps) {
  return (
    <>
      <IdField creating={creating} hint="Lower-case words joined by hyphens, e.g. assad-government." />
      <SelectField path="kind" label="Kind" choices={labelled(ACTOR_KINDS)} empty="Choose a kind…" required />
      <TextField path="name" label="Name" hint="Used when no dated name covers a date." required />
      <TextField path="short" label="Short name" />
      <TextField path="description" label="Description" multiline required />
      <LinesField path="aliases" label="Aliases" hint="One per line; the search and the actor pickers find them." />
      <ListField
        path="names"
        legend="Dated names"
        addLabel="Add a dated name"
        itemLegend={(i) => `Name ${i + 1}`}
        newItem={() => ({ name: "", start: null, end: null })}
      >
        {(p) => (
          <>
            <TextField path={`${p}.name`} label="Name" required />
            <TextField path={`${p}.short`} label="Short name" />
            <DateBoundField path={`${p}.start`} legend="From" qualifiers={START_QUALIFIERS} nullable openLabel="From the start" />
            <DateBoundField path={`${p}.end`} legend="Until" qualifiers={END_QUALIFIERS} nullable openLabel="Still in use" />
            <TextField path={`${p}.note`} label="Note" multiline />
          </>
        )}
      </ListField>
    </>
  );
}

export function EventFields({ lists, creating, onListsChanged }: FieldsProps) {
  return (
    <>
      <IdField creating={creating} hint="Lower-case words joined by hyphens, e.g. invasion-of-iraq." />
      <TextField path="title" label="Title" required />
      <SelectField path="kind" label="Kind" choices={labelled(EVENT_KINDS)} empty="Choose a kind…" required />
      <DateBoundField path="start" legend="Date (start)" qualifiers={START_QUALIFIERS} />
      <DateBoundField path="end" legend="End" qualifiers={END_QUALIFIERS} nullable openLabel="A one-off event (no end)" />
      <SelectField path="place" label="Place" choices={lists.places.map((p) => ({ value: p.id, label: `${p.name} (${p.country})` }))} empty="No place" />
      <SelectField path="certainty" label="Certainty" choices={certainties} required />
      <TextField path="description" label="Description" multiline required />
      <TextField path="dateNote" label="Date note" multiline />
      <TextField path="note" label="Editors' note" multiline />
      <ListField
        path="participants"
        legend="Participants"
        addLabel="Add a participant"
        itemLegend={(i) => `Participant ${i + 1}`}
        newItem={() => ({ actor: "", role: "participant" })}
      >
        {(p) => (
          <>
            <ActorPicker path={`${p}.actor`} label="Actor" actors={lists.actors} required />
            <SelectField path={`${p}.role`} label="Role" choices={labelled(PARTICIPANT_ROLES)} required />
            <TextField path={`${p}.note`} label="Note" />
          </>
        )}
      </ListField>
      <LinesField path="relationships" label="Relationships it concerns" hint="Their ids, one per line." />
      <CitationsField sources={lists.sources} onSourceCreated={onListsChanged} />
    </>
  );
}

export function SourceFields({ creating }: FieldsProps) {
  return (
    <>
      <IdField creating={creating} hint="Lower-case words joined by hyphens, e.g. neumann-2014." />
      <TextField path="citedAs" label="Cited as" hint="As the text cites it: Neumann 2014." required />
      <LinesField path="authors" label="Authors" hint="One per line, Surname, Given name; none for an anonymous work." />
      <TextField path="date" label="Date" hint="YYYY, YYYY-MM or YYYY-MM-DD." />
      <TextField path="title" label="Title" required />
      <TextField path="outlet" label="Outlet" />
      <TextField path="details" label="Details (volume, issue)" />
      <SelectField path="kind" label="Kind" choices={labelled(SOURCE_KINDS)} empty="Choose a kind…" required />
      <TextField path="url" label="Web address" hint="http:// or https://" />
      <LinesField path="notes" label="Notes" hint="One per line." />
    </>
  );
}

export function PlaceFields({ creating }: FieldsProps) {
  return (
    <>
      <IdField creating={creating} hint="Lower-case words joined by hyphens, e.g. damascus." />
      <TextField path="name" label="Name" required />
      <TextField path="country" label="Country" required />
      <TextField path="description" label="Description" multiline />
    </>
  );
}

export const FIELDS: Record<EntryKind, (p: FieldsProps) => React.ReactNode> = {
  actors: ActorFields,
  relationships: RelationshipFields,
  events: EventFields,
  sources: SourceFields,
  places: PlaceFields,
};

/** A new entry's starting draft; `seed` fills what the caller knows (the actor a relationship starts from). */
export function emptyEntry(kind: EntryKind, seed: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<EntryKind, Record<string, unknown>> = {
    actors: { id: "", kind: "", name: "", description: "", aliases: [], names: [] },
    relationships: { id: "", from: "", to: "", type: "", certainty: "documented", start: { date: "", qualifier: "exact" }, end: null, summary: "", places: [], citations: [{ source: "", pages: "", note: "" }] },
    events: { id: "", title: "", kind: "", start: { date: "", qualifier: "exact" }, end: null, certainty: "documented", description: "", participants: [{ actor: "", role: "participant" }], relationships: [], citations: [{ source: "", pages: "", note: "" }] },
    sources: { id: "", citedAs: "", authors: [], date: "", title: "", kind: "", notes: [] },
    places: { id: "", name: "", country: "" },
  };
  return { ...base[kind], ...seed };
}
