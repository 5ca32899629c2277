import { connection } from "next/server";
import { ActorList } from "@/components/ActorList";
import { EventList } from "@/components/EventList";
import { RelationshipTable } from "@/components/RelationshipTable";
import { SourceList } from "@/components/SourceList";
import { listActors } from "@/lib/server/actors";
import { listEvents } from "@/lib/server/events";
import { listRelationships } from "@/lib/server/relationships";
import { listSources } from "@/lib/server/sources";

// A plain listing of the store until the graph explorer replaces it.
export default async function HomePage() {
  await connection(); // read the store per request, never at build time
  const [actors, relationships, events, sources] = await Promise.all([listActors(), listRelationships({}), listEvents({}), listSources()]);
  return (
    <main>
      <h1>Assad, the Iraqi Baathists and the jihadists</h1>
      <p className="lede">Who supported, infiltrated, fought or traded with whom, and when, from the 1980s to 2015: every link dated and sourced.</p>
      <ul className="counts" aria-label="Dataset size">
        <li><strong>{actors.length}</strong> actors</li>
        <li><strong>{relationships.length}</strong> relationships</li>
        <li><strong>{events.length}</strong> events</li>
        <li><strong>{sources.length}</strong> sources</li>
      </ul>

      <h2>Relationships</h2>
      <RelationshipTable relationships={relationships} />

      <h2>Events</h2>
      <EventList events={events} />

      <h2>Actors</h2>
      <ActorList actors={actors} />

      <h2>Sources</h2>
      <SourceList sources={sources} />
    </main>
  );
}
