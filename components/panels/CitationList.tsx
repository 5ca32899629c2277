"use client";

import { EditEntryButton } from "@/components/editing/EditEntryButton";
import type { ApiCitation } from "@/lib/api/types";
import { formatPartialDate } from "@/lib/model/dates";
import styles from "./panels.module.css";

/** "A", "A and B", "A, B and C": authors as written in the source list ("Neumann, Peter"). */
function joinAuthors(authors: readonly string[]): string {
  if (authors.length <= 1) return authors[0] ?? "";
  return `${authors.slice(0, -1).join("; ")} and ${authors[authors.length - 1]}`;
}

/** "p. 20" or "pp. 20–21", the same rule as formatCitation so the panel and the tables agree. */
export function formatPages(pages: string): string {
  const range = /[-–,]/.test(pages);
  return `${range ? "pp." : "p."} ${pages.replace(/(\d)\s*-\s*(\d)/g, "$1–$2")}`;
}

/**
 * The works a relationship or event rests on, numbered so a reader can refer to "source 2". Each
 * entry ends with the citation's note: what that source supports, which is the point of the list.
 */
export function CitationList({ citations, headingId }: { citations: readonly ApiCitation[]; headingId: string }) {
  return (
    <div className={styles.block}>
      <h3 id={headingId} className={styles.subheading}>
        Sources <span className={styles.count}>({citations.length})</span>
      </h3>
      {citations.length === 0 ? (
        <p className={styles.muted}>No source is cited.</p>
      ) : (
        <ol className={styles.citations} data-testid="citations" aria-labelledby={headingId}>
          {citations.map((c, i) => {
            const s = c.source;
            const authors = joinAuthors(s.authors);
            return (
              <li key={`${s.id}-${c.pages ?? ""}-${i}`} className={styles.citation} data-testid="citation" data-source={s.id}>
                <p className={styles.citationRef}>
                  {authors && <span className={styles.citationAuthors}>{authors}</span>}
                  {authors && s.date && " "}
                  {s.date && <span>({formatPartialDate(s.date)})</span>}
                  {(authors || s.date) && ". "}
                  <cite className={styles.citationTitle}>{s.title}</cite>
                  {s.outlet && <>. {s.outlet}</>}
                  {c.pages && <>, {formatPages(c.pages)}</>}.
                  <EditEntryButton kind="sources" id={s.id} label="Edit source" />
                </p>
                {c.note && <p className={styles.citationNote}>{c.note}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
