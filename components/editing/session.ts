"use client";

/**
 * The signed-in user, shared by every edit control on the page without a provider: one request to
 * /api/session per page (again after signing in or out), read through useSyncExternalStore.
 */
import { useEffect, useSyncExternalStore } from "react";
import { forgetAnswers } from "@/lib/api/client";
import { canEdit, writeApi, type SessionUser } from "@/lib/api/write-client";

type SessionState = { status: "loading" } | { status: "ready"; user: SessionUser | null };

let state: SessionState = { status: "loading" };
let asked = false;
const listeners = new Set<() => void>();

function set(next: SessionState) {
  state = next;
  for (const l of listeners) l();
}

export function refreshSession(): Promise<void> {
  asked = true;
  // A reader whose session check fails is treated as signed out: no edit controls, nothing breaks.
  return writeApi.session().then(
    (user) => set({ status: "ready", user }),
    () => set({ status: "ready", user: null }),
  );
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

const LOADING: SessionState = { status: "loading" };

export function useSession(): SessionState {
  const s = useSyncExternalStore(subscribe, () => state, () => LOADING);
  useEffect(() => {
    if (!asked) void refreshSession();
  }, []);
  return s;
}

/** True only for an editor or admin: readers and visitors see no edit controls at all. */
export function useCanEdit(): boolean {
  const s = useSession();
  return s.status === "ready" && canEdit(s.user);
}

// ---- The dataset changed under the page (this editor's own write) ----

const DATASET_CHANGED = "explorer:dataset-changed";

/** Forget every kept answer and tell the page's areas to read again (the graph, the lists, the panel). */
export function announceDatasetChange(): void {
  forgetAnswers();
  window.dispatchEvent(new Event(DATASET_CHANGED));
}

export function useDatasetChange(onChange: () => void): void {
  useEffect(() => {
    window.addEventListener(DATASET_CHANGED, onChange);
    return () => window.removeEventListener(DATASET_CHANGED, onChange);
  }, [onChange]);
}
