"use client";

import Link from "next/link";

/** A page that failed while rendering: said plainly, with a way to try again and a way back. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main>
      <h1>This page could not be shown</h1>
      <p role="alert" className="lede">
        Something went wrong on the server while reading the data. This is a fault of ours, not of the link.
        {error.digest ? ` (reference ${error.digest}, in the server's log)` : ""}
      </p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{" "}
        or <Link href="/">go back to the network explorer</Link>.
      </p>
    </main>
  );
}
