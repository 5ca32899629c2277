"use client";

/**
 * The Export menu: a picture of the view (PNG at 1×, 2× or 4×, or SVG, on white or transparent), a
 * figure for an article (headline, caption, shape, tie labels, small multiples: FigureDialog),
 * the view's network as data (Cytoscape JSON, GraphML, GEXF, CSV) from /api/export, the whole
 * dataset, and opening a saved Cytoscape JSON view again.
 */
import { useRef, useState } from "react";
import { roundPosition } from "@/lib/export/cytoscape-json";
import { PNG_SCALES, saveBlob } from "@/lib/export/picture";
import { readSavedView, type SavedView } from "@/lib/export/saved-view";
import type { Scene } from "@/lib/export/snapshot-svg";
import styles from "./ExportMenu.module.css";
import { FigureDialog } from "./FigureDialog";
import { makeFigure, type FigureRequest } from "./figure-maker";

interface Props {
  /** The /api/export query of the view (window, filters, focus); null while loading. */
  query: URLSearchParams | null;
  /** The explorer link of the view as the reader sees it (with selection and highlight), for the picture's credit. */
  viewLink: string;
  /**
   * What the graph draws now; `note` when that is part of the view (a large view beyond the drawing
   * budget): the picture is what the reader sees and framed, and its header says what it leaves out.
   */
  scene(): (Scene & { note?: string }) | null;
  onOpenSaved(view: SavedView, fileName: string): void;
  /**
   * What an open reading tool adds to a picture: lines for the header (the story step, the dates
   * compared, the chains) and works cited by what it draws beyond the view's own relationships.
   */
  reading?: { notes: string[]; worksCited: string[] } | null;
}

const DATA_LINKS: { label: string; params: Record<string, string>; hint: string }[] = [
  { label: "Cytoscape JSON (.cyjs)", params: { format: "json" }, hint: "Elements with positions and style data; opens in Cytoscape desktop and back here" },
  { label: "GraphML", params: { format: "graphml" }, hint: "For yEd, Gephi, networkx, igraph" },
  { label: "GEXF with dates", params: { format: "gexf" }, hint: "For Gephi: each actor and relationship carries its dates" },
  { label: "CSV: relationships", params: { format: "csv", table: "relationships" }, hint: "One row per relationship, with dates, certainty and citations" },
  { label: "CSV: actors", params: { format: "csv", table: "actors" }, hint: "One row per actor, with its names over time" },
];

export function ExportMenu({ query, viewLink, scene, onOpenSaved, reading = null }: Props) {
  const [background, setBackground] = useState<"white" | "transparent">("white");
  const [status, setStatus] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const file = useRef<HTMLInputElement>(null);

  const href = (params: Record<string, string>, withView = true) => {
    const q = new URLSearchParams(withView && query ? query : undefined);
    for (const [k, v] of Object.entries(params)) q.set(k, v);
    return `/api/export?${q.toString().replaceAll("%2C", ",")}`;
  };

  async function picture(request: Partial<FigureRequest> & Pick<FigureRequest, "format" | "scale">) {
    const drawn = scene();
    if (!drawn || !query) return;
    setWorking(true);
    setStatus(`Making the ${request.format.toUpperCase()}…`);
    try {
      const { blob, name } = await makeFigure(
        { headline: "", caption: "", shape: "16:9", edgeLabels: "highlighted", years: [], base: window.location.origin, background, ...request },
        { query, viewLink, scene: drawn, reading: drawn.note ? { notes: [...(reading?.notes ?? []), drawn.note], worksCited: reading?.worksCited ?? [] } : reading },
      );
      saveBlob(blob, name);
      setStatus(`Saved ${name}`);
    } catch (e) {
      setStatus(`The picture could not be made: ${(e as Error).message}`);
    } finally {
      setWorking(false);
    }
  }

  /**
   * The view's Cytoscape JSON from the API, with each actor where it is on the page now: the same
   * bytes as the API until the reader drags someone, then the arrangement they made.
   */
  async function saveCytoscapeJson(event: React.MouseEvent<HTMLAnchorElement>) {
    const drawn = scene();
    if (!drawn || !query) return;
    event.preventDefault();
    setWorking(true);
    try {
      const response = await fetch(event.currentTarget.href);
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      const text = await response.text();
      const json = JSON.parse(text) as { elements: { nodes: { data: { id: string }; position: { x: number; y: number } }[] } };
      const at = new Map(drawn.nodes.map((n) => [n.id, { x: roundPosition(n.x), y: roundPosition(n.y) }]));
      const moved = json.elements.nodes.some((n) => {
        const p = at.get(n.data.id);
        return p && (p.x !== n.position.x || p.y !== n.position.y);
      });
      for (const n of json.elements.nodes) n.position = at.get(n.data.id) ?? n.position;
      const name = `${fileStemOf(response)}.cyjs`;
      saveBlob(new Blob([moved ? `${JSON.stringify(json, null, 2)}\n` : text], { type: "application/json" }), name);
      setStatus(`Saved ${name}${moved ? ", with the actors where you placed them" : ""}`);
    } catch (e) {
      setStatus(`The file could not be made: ${(e as Error).message}`);
    } finally {
      setWorking(false);
    }
  }

  async function openSaved(f: File) {
    const read = readSavedView(await f.text());
    if ("error" in read) {
      setStatus(`${f.name} cannot be opened: ${read.error}`);
      return;
    }
    setStatus(null);
    onOpenSaved(read.view, f.name);
  }

  return (
    <details className={styles.menu} data-testid="export-menu">
      <summary>Export</summary>
      <div className={styles.body}>
        <section aria-labelledby="export-picture">
          <h3 id="export-picture">Picture of this view</h3>
          <p className={styles.hint}>With its title, date, filters, legend and the works it cites: ready for a slide.</p>
          <fieldset className={styles.background}>
            <legend>Background</legend>
            {(["white", "transparent"] as const).map((b) => (
              <label key={b}>
                <input type="radio" name="export-background" checked={background === b} onChange={() => setBackground(b)} />
                {b === "white" ? "White" : "Transparent"}
              </label>
            ))}
          </fieldset>
          <div className={styles.buttons}>
            {PNG_SCALES.map((s) => (
              <button key={s} type="button" disabled={working || !query} onClick={() => picture({ format: "png", scale: s })} aria-label={`PNG at ${s}×`}>
                PNG {s}×
              </button>
            ))}
            <button type="button" disabled={working || !query} onClick={() => picture({ format: "svg", scale: 1 })} aria-label="SVG (vector, text as text)">
              SVG
            </button>
          </div>
          <FigureDialog disabled={working || !query} onMake={(request) => picture(request)} status={status} />
        </section>
        <section aria-labelledby="export-data">
          <h3 id="export-data">Data of this view</h3>
          <ul>
            {DATA_LINKS.map((l) => (
              <li key={l.label}>
                <a
                  href={href(l.params)}
                  download
                  title={l.hint}
                  aria-disabled={!query}
                  onClick={l.params.format === "json" ? saveCytoscapeJson : undefined}
                >
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="export-all">
          <h3 id="export-all">The whole dataset</h3>
          <ul>
            <li>
              <a href={href({ format: "gexf" }, false)} download title="Every actor and relationship with its dates: Gephi's timeline replays the years">
                GEXF, all years (Gephi timeline)
              </a>
            </li>
            <li>
              <a href={href({ format: "bundle" }, false)} download title="Actors, names, relationships, events, sources and citations in one file; npm run dataset:import reads it">
                Dataset bundle (JSON)
              </a>
            </li>
          </ul>
        </section>
        <section aria-labelledby="export-open">
          <h3 id="export-open">Open a saved view</h3>
          <button type="button" onClick={() => file.current?.click()}>
            Open a .cyjs file…
          </button>
          <input
            ref={file}
            type="file"
            accept=".cyjs,.json,application/json"
            className={styles.file}
            // Reached through the button above; the input itself stays out of the Tab order.
            tabIndex={-1}
            aria-label="Saved view file (Cytoscape JSON exported here)"
            data-testid="open-saved-view"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void openSaved(f);
              e.target.value = "";
            }}
          />
        </section>
        <p className={styles.status} role="status" aria-live="polite">
          {status}
        </p>
      </div>
    </details>
  );
}

/** The server names the file for the view; pictures take the same stem. */
function fileStemOf(response: Response): string {
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "network.cyjs";
  return name.replace(/\.cyjs$/, "");
}
