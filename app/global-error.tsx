"use client";

import "./globals.css";

/** The root layout itself failed: this replaces it, so it brings its own html and body. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main>
          <h1>The explorer could not start</h1>
          <p role="alert">
            Something went wrong on the server. This is a fault of ours, not of the link.
            {error.digest ? ` (reference ${error.digest}, in the server's log)` : ""}
          </p>
          <p>
            <button type="button" onClick={reset}>
              Try again
            </button>{" "}
            {/* A plain link, not next/link: the router may be what failed. */}
            or <a href="/">reload the network explorer</a>.
          </p>
        </main>
      </body>
    </html>
  );
}
