"use client";

import { z } from "zod";

// The pages' Content-Security-Policy allows no eval, and zod would probe for it (new Function) the
// first time it parses in the browser, to compile faster parsers: a violation on every page. Its
// interpreted parsers are quick enough for the saved views it reads here.
z.config({ jitless: true });

/** Rendered once by the root layout, so the setting is made before any client code parses. */
export function CspClient() {
  return null;
}
