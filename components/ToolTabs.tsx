"use client";

/** The side panel's tabs: the date's overview, then the reading tools (story, compare, paths, brokers). */
import { TOOLS, type Tool } from "@/lib/view-state";
import styles from "./ReadingTools.module.css";

interface Props {
  tool: Tool | null;
  onTool(tool: Tool | null): void;
}

export function ToolTabs({ tool, onTool }: Props) {
  const tabs: [Tool | null, string][] = [[null, "Overview"], ...(Object.entries(TOOLS) as [Tool, string][])];
  return (
    <div className={styles.tabs} role="tablist" aria-label="Reading tools">
      {tabs.map(([t, label]) => (
        <button
          key={label}
          type="button"
          role="tab"
          className={styles.tab}
          aria-selected={tool === t}
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
