"use client";

/** The page's title, the search for an actor, the links to the story and to the tables, and the editing corner. */
import Link from "next/link";
import { EditingTopBar } from "@/components/editing/EditingTopBar";
import type { ApiActor } from "@/lib/api/types";
import type { Selection } from "@/lib/view/state";
import { ActorSearch } from "./ActorSearch";
import styles from "./Explorer.module.css";

interface Props {
  actors: ApiActor[] | null;
  /** The story link is offered when the dataset has one and it is not open. */
  storyOffered: boolean;
  onFound(actorId: string): void;
  onStartStory(): void;
  /** Selects what an editor just created. */
  onSelect(selection: Selection): void;
}

export function ExplorerHeader({ actors, storyOffered, onFound, onStartStory, onSelect }: Props) {
  return (
    <header className={styles.header}>
      <div className={styles.title}>
        <h1>Assad, the Baathists and the jihadists</h1>
        <p>Who backed, infiltrated or fought whom, 1979–2015: every tie dated and sourced.</p>
      </div>
      {/* There before the names are: its arrival would move the graph under a reader's finger. */}
      <ActorSearch actors={actors} onFound={onFound} />
      <nav className={styles.nav} aria-label="Pages">
        {storyOffered ? (
          <button type="button" className={styles.storyLink} data-testid="start-story" onClick={onStartStory}>
            Follow the article&apos;s story
          </button>
        ) : null}
        <Link href="/data">All data as tables</Link>
        <EditingTopBar onSelect={onSelect} />
      </nav>
    </header>
  );
}
