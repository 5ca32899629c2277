/**
 * The picture sheet, composed from a hand-made scene and rendered by rsvg-convert (Debian
 * librsvg2-bin), a reader nobody here wrote.
 */
import { describe, expect, it } from "vitest";
import { renderSvg } from "@/test/setup/rsvg";
import { composeSnapshotSvg, edgePath, SHEET, wrapWords, type Scene, type SnapshotText } from "./snapshot-svg";

const scene: Scene = {
  nodes: [
    { id: "assad-government", kind: "government", label: "Assad government", x: 100, y: 100, width: 44, height: 44, fill: "#8fa6c8", stroke: "#2b2f36", strokeWidth: 1.5, opacity: 1 },
    { id: "islamic-state", kind: "militant-organisation", label: "ISI <& \"friends\">", x: 400, y: 250, width: 44, height: 44, fill: "#4b4b4b", stroke: "#2b2f36", strokeWidth: 1.5, opacity: 0.12 },
  ],
  edges: [
    {
      id: "syria-isi",
      from: { x: 120, y: 110 },
      controls: [{ x: 260, y: 120 }],
      to: { x: 380, y: 240 },
      colour: "rgb(33,102,172)",
      width: 2.5,
      dash: [8, 5],
      opacity: 1,
      arrowScale: 1.1,
      label: "facilitates (2003 – 2009)",
      polarity: "cooperative",
      certainty: "reported",
      structural: false,
      ended: false,
    },
  ],
};

const words: SnapshotText = {
  title: "Assad, the Baathists and the jihadists",
  period: "2009",
  filters: ["Certainty: Reported"],
  focus: null,
  worksCited: ["Neumann 2014", "Weiss & Hassan 2015"],
  credit: "Actor network explorer. This view: /?date=2009",
};


describe("composeSnapshotSvg", () => {
  it("renders in rsvg-convert at the sheet's size, on white or transparent", () => {
    const white = renderSvg(composeSnapshotSvg(scene, words, { background: "white" }));
    expect(white.status, white.stderr).toBe(0);
    expect([white.png!.width, white.png!.height]).toEqual([SHEET.width, SHEET.height]);
    expect(white.png!.data[3]).toBe(255);
    const clear = renderSvg(composeSnapshotSvg(scene, words, { background: "transparent" }));
    expect(clear.png!.data[3]).toBe(0);
  });

  it("keeps text as text, escaped, with the context a slide needs", () => {
    const svg = composeSnapshotSvg(scene, words, { background: "white" });
    expect(svg).toContain(">Assad, the Baathists and the jihadists</text>");
    expect(svg).toContain(">2009 · 2 actors, 1 relationship</text>");
    expect(svg).toContain("Shown: Certainty: Reported");
    expect(svg).toContain("Works cited: Neumann 2014; Weiss &amp; Hassan 2015.");
    expect(svg).toContain("ISI &lt;&amp; &quot;friends&quot;&gt;");
    expect(svg).toContain(">facilitates (2003 – 2009)</text>");
  });

  it("draws each element once, dimmed ones first and faded, with the certainty's dash", () => {
    const svg = composeSnapshotSvg(scene, words, { background: "white" });
    const order = [...svg.matchAll(/<g class="node" data-id="([^"]+)" opacity="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(order).toEqual([["islamic-state", "0.12"], ["assad-government", "1"]]);
    expect(svg).toMatch(/<path d="M120,110 Q260,120 [^"]+" fill="none" stroke="rgb\(33,102,172\)" stroke-width="2.5" stroke-linecap="round" stroke-dasharray="8 5"\/>/);
  });

  it("keys only what is on the sheet", () => {
    const svg = composeSnapshotSvg(scene, words, { background: "white" });
    const legend = /<g class="legend">([\s\S]*?)<\/g>\n/.exec(svg)![1]!;
    expect(legend).toContain(">Government</text>");
    expect(legend).toContain(">Militant organisation</text>");
    expect(legend).not.toContain(">Person</text>");
    expect(legend).toContain(">Cooperative</text>");
    expect(legend).not.toContain(">Hostile</text>");
    expect(legend).toContain(">Reported (dashed)</text>");
    expect(legend).not.toContain("Ended before");
  });

  it("says so when no relationship is shown", () => {
    const svg = composeSnapshotSvg({ nodes: [], edges: [] }, { ...words, worksCited: [] }, { background: "white" });
    expect(svg).toContain("Works cited: none (no relationship shown).");
    expect(renderSvg(svg).status).toBe(0);
  });
});

describe("geometry and wrapping", () => {
  it("draws Cytoscape's bezier as quadratic pieces joined at midpoints", () => {
    expect(edgePath({ x: 0, y: 0 }, [], { x: 10, y: 0 })).toBe("M0,0 L10,0");
    expect(edgePath({ x: 0, y: 0 }, [{ x: 5, y: 5 }], { x: 10, y: 0 })).toBe("M0,0 Q5,5 10,0");
    expect(edgePath({ x: 0, y: 0 }, [{ x: 2, y: 4 }, { x: 6, y: 4 }], { x: 8, y: 0 })).toBe("M0,0 Q2,4 4,4 Q6,4 8,0");
  });

  it("wraps words greedily", () => {
    expect(wrapWords("Syrian Salafi-jihadist milieu", 18)).toEqual(["Syrian", "Salafi-jihadist", "milieu"]);
    expect(wrapWords("Ousted Iraqi Baathists", 18)).toEqual(["Ousted Iraqi", "Baathists"]);
  });
});

describe("composeSnapshotSvg with a reading tool's marks", () => {
  const compared: Scene = {
    ...scene,
    edges: [
      { ...scene.edges[0]!, mark: "added", halo: { colour: "#1b9e4b", opacity: 0.6, padding: 5 } },
      { ...scene.edges[0]!, id: "syria-gone", mark: "removed", halo: { colour: "#d95f02", opacity: 0.6, padding: 5 }, opacity: 0.55 },
    ],
  };

  it("draws each mark's halo under its line, keys only the marks present, and writes the tool's notes", () => {
    const svg = composeSnapshotSvg(compared, { ...words, notes: ["Compared with 2007: 1 appeared, 1 ended, 0 changed (marked)"] }, { background: "white" });
    expect(svg).toMatch(/<g class="edge" data-id="syria-isi" data-mark="added"[^>]*><path d="[^"]+" fill="none" stroke="#1b9e4b" stroke-opacity="0.6" stroke-width="12.5"/);
    expect(svg).toContain('data-mark="removed"');
    expect(svg).toContain(">Between the two dates<");
    expect(svg).toContain(">Appeared<");
    expect(svg).toContain(">Ended<");
    expect(svg).not.toContain(">Changed: now<");
    expect(svg).toContain(">Compared with 2007: 1 appeared, 1 ended, 0 changed (marked)<");
    const out = renderSvg(svg);
    expect(out.status, out.stderr).toBe(0);
    // Without marks there is no key for them.
    expect(composeSnapshotSvg(scene, words, { background: "white" })).not.toContain("Between the two dates");
  });
});
