"use client";

/** The side panel's tabs: the date's overview, then the reading tools (story, compare, paths, brokers). */
import { TOOLS, type Tool } from "@/lib/view/state";
import styles from "./ReadingTools.module.css";

interface Props {
  tool: Tool | null;
  onTool(tool: Tool | null): void;
}

export function ToolTabs({ tool, onTool }: Props) {
  const tabs: [Tool | null, string][] = [[null, "Overview"], ...(Object.entries(TOOLS) as [Tool, string][])];
  // The tabs pattern: one tab in the Tab order, arrows (and Home, End) move between them.
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex(([t]) => t === tool);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length]!;
    onTool(next[0]);
    e.currentTarget.querySelector<HTMLButtonElement>(`[data-testid="tool-${next[0] ?? "overview"}"]`)?.focus();
  };
  return (
    <div className={styles.tabs} role="tablist" aria-label="Reading tools" onKeyDown={onKeyDown}>
      {tabs.map(([t, label]) => (
        <button
          key={label}
          type="button"
          role="tab"
          className={styles.tab}
          aria-selected={tool === t}
          tabIndex={tool === t ? 0 : -1}
          aria-controls="reading-tool"
          data-testid={`tool-${t ?? "overview"}`}
          onClick={() => onTool(t)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
