import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ActorList } from "@/components/tables/ActorList";
import { EventList } from "@/components/tables/EventList";
import { RelationshipTable } from "@/components/tables/RelationshipTable";
import { SourceList } from "@/components/tables/SourceList";
import { StoryList } from "@/components/tables/StoryList";
import { listActors } from "@/lib/server/reads/actors";
import { listEvents } from "@/lib/server/reads/events";
import { listRelationships } from "@/lib/server/reads/relationships";
import { listSources } from "@/lib/server/reads/sources";
import { checkStore } from "@/lib/server/store/status";
import { listStory } from "@/lib/server/reads/story";
import { StoreUnavailable } from "../store-unavailable";

export const metadata: Metadata = { title: "All data: actors, relationships, events and sources" };

// Everything in the store as plain tables: for reading straight through, printing, or checking the
// graph against the data.
export default async function DataPage() {
  await connection(); // read the store per request, never at build time
  const problem = await checkStore();
  if (problem) return <StoreUnavailable problem={problem} />;
  const [actors, relationships, events, sources, story] = await Promise.all([listActors(), listRelationships({}), listEvents({}), listSources(), listStory()]);
  return (
    <main>
      <p className="back">
        <Link href="/">← Back to the network explorer</Link>
      </p>
      <h1>Assad, the Iraqi Baathists and the jihadists: all data</h1>
      <p className="lede">Who supported, infiltrated, fought or traded with whom, and when, from the 1980s to 2015: every link dated and sourced.</p>
      <ul className="counts" aria-label="Dataset size">
        <li><strong>{actors.length}</strong> actors</li>
        <li><strong>{relationships.length}</strong> relationships</li>
        <li><strong>{events.length}</strong> events</li>
        <li><strong>{sources.length}</strong> sources</li>
        <li><strong>{story.length}</strong> story steps</li>
      </ul>

      <h2>Relationships</h2>
      <RelationshipTable relationships={relationships} />

      <h2>Events</h2>
      <EventList events={events} />

      <h2>Actors</h2>
      <ActorList actors={actors} />

      <h2>Sources</h2>
      <SourceList sources={sources} />

      {story.length ? (
        <>
          <h2>The guided story</h2>
          <StoryList steps={story} />
        </>
      ) : null}
    </main>
  );
}
