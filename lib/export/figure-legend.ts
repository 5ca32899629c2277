/**
 * The key of a picture, as blocks (actors, relationships, the comparison's marks, certainty) that
 * the sheet stacks in a column beside the graph or sets side by side under it, whichever leaves
 * the graph larger. Only what is on the sheet is keyed.
 */
import { CERTAINTY_LINES, CHANGE_MARKS, ENDED_COLOUR, KIND_STYLES, POLARITY_COLOURS, STRUCTURAL_COLOUR, type ChangeMark } from "../graph/style";
import { ACTOR_KINDS, CERTAINTY_LABELS, POLARITIES, type ActorKind, type Certainty, type Polarity } from "../model/vocabulary";
import { escapeAttr as escapeXml } from "./xml";

export interface LegendBlock {
  height: number;
  /** SVG for the block with its top-left corner at (x, y). */
  draw(x: number, y: number): string;
}

export interface LegendInput {
  kinds: readonly ActorKind[];
  edges: readonly { polarity: Polarity; certainty: Certainty; structural: boolean; ended: boolean; mark?: ChangeMark | null }[];
}

/** What one block is wide, text included. */
export const LEGEND_BLOCK_WIDTH = 270;

const INK = "#1d2330";
const MUTED = "#5b6472";

type Row = { kind: "heading"; text: string } | { kind: "row"; swatch: (x: number, y: number) => string; text: string } | { kind: "note"; text: string } | { kind: "gap" };

const HEIGHTS = { heading: 22, row: 19, note: 25, gap: 6 } as const;

function text(x: number, y: number, content: string, attrs: string): string {
  return `<text x="${x}" y="${y}" ${attrs}>${escapeXml(content)}</text>`;
}

function polygonPoints(points: readonly number[], cx: number, cy: number, w: number, h: number): string {
  const out: string[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) out.push(`${cx + (points[i]! * w) / 2},${cy + (points[i + 1]! * h) / 2}`);
  return out.join(" ");
}

const line =
  (colour: string, dash: readonly number[] | null = null, width = 2.5) =>
  (x: number, y: number) =>
    `<line x1="${x}" y1="${y + 8}" x2="${x + 26}" y2="${y + 8}" stroke="${colour}" stroke-width="${width}" stroke-linecap="round"${dash ? ` stroke-dasharray="${dash.join(" ")}"` : ""}/>`;

function block(rows: Row[]): LegendBlock {
  return {
    height: rows.reduce((h, r) => h + HEIGHTS[r.kind], 0),
    draw(x, y) {
      const out: string[] = [];
      let cy = y;
      for (const r of rows) {
        if (r.kind === "heading") out.push(text(x, cy + 12, r.text, `font-size="13" font-weight="700" fill="${INK}"`));
        else if (r.kind === "row") out.push(r.swatch(x, cy), text(x + 34, cy + 12, r.text, `font-size="12" fill="${INK}"`));
        else if (r.kind === "note") out.push(text(x, cy + 12, r.text, `font-size="11" fill="${MUTED}"`));
        cy += HEIGHTS[r.kind];
      }
      return out.join("");
    },
  };
}

export function legendBlocks({ kinds, edges }: LegendInput): LegendBlock[] {
  const blocks: LegendBlock[] = [];
  const present = (Object.keys(KIND_STYLES) as ActorKind[]).filter((k) => kinds.includes(k));
  if (present.length) {
    blocks.push(
      block([
        { kind: "heading", text: "Actors" },
        ...present.map((k): Row => {
          const s = KIND_STYLES[k];
          const swatch = (x: number, y: number) =>
            s.points
              ? `<polygon points="${polygonPoints(s.points, x + 13, y + 8, 14, 14)}" fill="${s.colour}" stroke="#2b2f36" stroke-width="1"/>`
              : `<circle cx="${x + 13}" cy="${y + 8}" r="7" fill="${s.colour}" stroke="#2b2f36" stroke-width="1"/>`;
          return { kind: "row", swatch, text: ACTOR_KINDS[k] };
        }),
      ]),
    );
  }
  if (!edges.length) return blocks;
  const ties: Row[] = [{ kind: "heading", text: "Relationships" }];
  for (const p of Object.keys(POLARITY_COLOURS) as Polarity[]) {
    if (edges.some((e) => !e.structural && e.polarity === p)) ties.push({ kind: "row", swatch: line(POLARITY_COLOURS[p]), text: POLARITIES[p] });
  }
  if (edges.some((e) => e.structural)) ties.push({ kind: "row", swatch: line(STRUCTURAL_COLOUR, null, 1.5), text: "Belonging (member, leader, part of)" });
  if (edges.some((e) => e.ended)) ties.push({ kind: "row", swatch: line(ENDED_COLOUR), text: "Ended before this date" });
  ties.push({ kind: "note", text: "Arrows run from the actor who acts." });
  blocks.push(block(ties));

  const marks = (Object.keys(CHANGE_MARKS) as ChangeMark[]).filter((m) => edges.some((e) => e.mark === m));
  if (marks.length) {
    blocks.push(
      block([
        { kind: "heading", text: "Between the two dates" },
        ...marks.map((m): Row => ({
          kind: "row",
          swatch: (x, y) =>
            `<line x1="${x + 2}" y1="${y + 8}" x2="${x + 24}" y2="${y + 8}" stroke="${CHANGE_MARKS[m].colour}" stroke-opacity="0.6" stroke-width="9" stroke-linecap="round"/>` + line(MUTED, null, 2)(x, y),
          text: CHANGE_MARKS[m].label,
        })),
      ]),
    );
  }
  const certainty: Row[] = [{ kind: "heading", text: "Certainty" }];
  for (const c of Object.keys(CERTAINTY_LINES) as Certainty[]) {
    if (edges.some((e) => e.certainty === c)) certainty.push({ kind: "row", swatch: line(INK, CERTAINTY_LINES[c].dash), text: `${CERTAINTY_LABELS[c]} (${CERTAINTY_LINES[c].label})` });
  }
  blocks.push(block(certainty));
  return blocks;
}

/** Blocks stacked in one column: its height. */
export const columnHeight = (blocks: readonly LegendBlock[]) => blocks.reduce((h, b, i) => h + b.height + (i ? 12 : 0), 0);

/** Blocks side by side in rows across `width`: where each goes, and the height of it all. */
export function rowsLayout(blocks: readonly LegendBlock[], width: number): { at: { x: number; y: number }[]; height: number } {
  const perRow = Math.max(1, Math.floor((width + 16) / (LEGEND_BLOCK_WIDTH + 16)));
  const at: { x: number; y: number }[] = [];
  let y = 0;
  for (let i = 0; i < blocks.length; i += perRow) {
    const row = blocks.slice(i, i + perRow);
    row.forEach((_, j) => at.push({ x: j * (LEGEND_BLOCK_WIDTH + 16), y }));
    y += Math.max(...row.map((b) => b.height)) + 12;
  }
  return { at, height: Math.max(0, y - 12) };
}
