"use client";

/** The top bar's account corner: who is signed in and Sign out, or a quiet Sign in link. */
import Link from "next/link";
import { useState } from "react";
import { writeApi } from "@/lib/api/write-client";
import { refreshSession, useSession } from "./session";
import styles from "./editing.module.css";

export function SessionMenu() {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  if (session.status === "loading") return null;
  if (!session.user) {
    return (
      // Rendered only in the browser (the session is read there), so the current view can be the way back.
      <Link className={styles.signInLink} href={`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`}>
        Sign in
      </Link>
    );
  }
  const user = session.user;
  return (
    <div className={styles.session} data-testid="session" data-role={user.role}>
      <span className={styles.who}>
        {user.name || user.email}
        <span className={styles.role}> ({user.role})</span>
      </span>
      <button
        type="button"
        className={styles.secondary}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await writeApi.signOut().catch(() => undefined);
          await refreshSession();
          setBusy(false);
        }}
      >
        Sign out
      </button>
    </div>
  );
}
