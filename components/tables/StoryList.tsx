import Link from "next/link";
import type { ApiStoryStep } from "@/lib/api/types";
import { formatCitations } from "@/lib/model/citations";

/** The guided story as text: every step's caption, its warning and sources, and a link into the explorer. */
export function StoryList({ steps }: { steps: ApiStoryStep[] }) {
  return (
    <ol aria-label="The guided story">
      {steps.map((s) => (
        <li key={s.id} id={`story-${s.id}`}>
          <strong>{s.title}</strong> ({s.dateLabel}). {s.caption}
          {s.dataNote ? <div className="cite">What the data shows: {s.dataNote}</div> : null}
          <div className="cite">
            {formatCitations(s.citations)} · <Link href={`/?tool=story&step=${s.id}`}>Open this step in the explorer</Link>
          </div>
        </li>
      ))}
    </ol>
  );
}
