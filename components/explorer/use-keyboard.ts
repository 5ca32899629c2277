"use client";

/**
 * The explorer's keyboard beyond each control's own keys: [ and ] step the date from anywhere, and
 * focus comes back to where it was when the detail panel closes.
 */
import { useEffect, useRef } from "react";

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || !!t.closest("input:not([type=range]), textarea, select"));

/** `[` one step back, `]` one step on (a year, or a month when stepping by month), wherever focus is but in a text field. */
export function useDateKeys(step: (delta: -1 | 1) => void) {
  const latest = useRef(step);
  latest.current = step;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
      if (e.key !== "[" && e.key !== "]") return;
      e.preventDefault();
      latest.current(e.key === "[" ? -1 : 1);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}

/**
 * Where an element sits, from its nearest ancestor with an id or a test id: the list the panel
 * replaces is rendered anew when it closes, so the element itself is gone but its place is not.
 */
function placeOf(el: Element): string | null {
  const steps: string[] = [];
  for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
    const id = e.getAttribute("id");
    const testId = e.getAttribute("data-testid");
    if (id && !/^[«:]/.test(id)) return [`#${CSS.escape(id)}`, ...steps].join(" > ");
    if (testId) return [`[data-testid="${CSS.escape(testId)}"]`, ...steps].join(" > ");
    const parent: Element | null = e.parentElement;
    const index = parent ? [...parent.children].indexOf(e) + 1 : 1;
    steps.unshift(`${e.tagName.toLowerCase()}:nth-child(${index})`);
  }
  return null;
}

/**
 * While the panel is closed, remembers what had focus; when it opens, moves focus into it if the
 * element that had it went away (a row of the list the panel replaces), and when it closes (Escape,
 * ×, Enter on a button), gives focus back to that element, or to the one now in its place.
 */
export function useFocusReturn(open: boolean, panelSelector: string) {
  const last = useRef<{ el: Element; place: string | null } | null>(null);
  const wasOpen = useRef(open);

  useEffect(() => {
    const onFocus = (e: FocusEvent) => {
      const el = e.target;
      if (!(el instanceof Element) || el.closest(panelSelector)) return;
      last.current = { el, place: placeOf(el) };
    };
    document.addEventListener("focusin", onFocus);
    return () => document.removeEventListener("focusin", onFocus);
  }, [panelSelector]);

  useEffect(() => {
    if (open === wasOpen.current) return;
    wasOpen.current = open;
    if (open) {
      const active = document.activeElement;
      if (!active || active === document.body) document.querySelector<HTMLElement>(`${panelSelector} [data-panel-close]`)?.focus();
      return;
    }
    const saved = last.current;
    if (!saved) return;
    const back = saved.el.isConnected ? saved.el : saved.place ? document.querySelector(saved.place) : null;
    if (back instanceof HTMLElement) back.focus();
  }, [open, panelSelector]);
}
