"use client";

/** Email and password, posted to better-auth; on success back to where the editor came from. */
import { useId, useRef, useState, type FormEvent } from "react";
import { WriteError, writeApi } from "@/lib/api/write-client";
import { refreshSession } from "./session";
import styles from "./editing.module.css";

/** Only a path on this site: a `next` of //evil.example or https://… must not send the editor away. */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

export function SignInForm({ next }: { next?: string }) {
  const id = useId();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await writeApi.signIn(email.trim(), password);
      await refreshSession();
      window.location.assign(safeNext(next));
    } catch (err) {
      const message =
        err instanceof WriteError && err.status === 429
          ? "Too many attempts: wait a minute before trying again."
          : err instanceof WriteError && (err.status === 401 || err.status === 400)
            ? "That email and password do not match an account."
            : "The server could not be reached; try again.";
      setError(message);
      setBusy(false);
      queueMicrotask(() => errorRef.current?.focus());
    }
  }

  return (
    <form className={styles.signIn} onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`}>Sign in to edit</h1>
      <p className={styles.muted}>Reading needs no account. Editors and admins sign in to add and correct entries.</p>
      {error && (
        <p className={styles.alert} role="alert" tabIndex={-1} ref={errorRef} data-testid="sign-in-error">
          {error}
        </p>
      )}
      <div className={styles.field}>
        <label htmlFor={`${id}-email`}>Email</label>
        <input id={`${id}-email`} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      <div className={styles.buttons}>
        <button type="submit" className={styles.primary} disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </div>
    </form>
  );
}
