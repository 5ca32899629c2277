"use client";

/** The explorer top bar's editing corner: Add… and Import for editors, then the account (Sign in, or who and Sign out). */
import type { Selection } from "@/lib/view/state";
import { AddEntryMenu } from "./AddEntryMenu";
import { SessionMenu } from "./SessionMenu";

export function EditingTopBar({ onSelect }: { onSelect(selection: Selection): void }) {
  return (
    <>
      <AddEntryMenu onSelect={onSelect} />
      <SessionMenu />
    </>
  );
}
