import { describe, expect, it } from "vitest";
import type { GraphEdge, GraphNode } from "../api/types";
import { computeGraphView, type GraphViewInput } from "./view";
import { DEFAULT_VIEW, NO_FILTERS, type ViewState } from "../view/state";
import type { ActorKind, Certainty, Polarity, RelationshipType } from "../model/vocabulary";

const node = (id: string, kind: ActorKind, label = id): GraphNode => ({ data: { id, label, name: label, short: null, kind } });
const edge = (id: string, source: string, target: string, o: { type?: RelationshipType; polarity?: Polarity; certainty?: Certainty; last?: string | null } = {}): GraphEdge => ({
  data: {
    id,
    source,
    target,
    type: o.type ?? "support",
    polarity: o.polarity ?? "cooperative",
    certainty: o.certainty ?? "documented",
    structural: false,
    label: "Support",
    dateLabel: "",
    first: null,
    last: o.last ?? null,
    citations: 1,
  },
});

const nodes = [
  node("assad-government", "government"),
  node("iraqi-baathists", "party-or-faction"),
  node("islamic-state", "militant-organisation", "IS"),
  node("iran", "state"),
  node("united-states", "state"),
];
const edges = [
  edge("syria-backs-baathists", "assad-government", "iraqi-baathists"),
  edge("syria-aids-jihadists", "assad-government", "islamic-state", { type: "facilitation", certainty: "reported", last: "2008-12-31" }),
  edge("us-fights-is", "united-states", "islamic-state", { type: "hostility", polarity: "hostile" }),
  edge("iran-backs-syria", "iran", "assad-government", { certainty: "contested" }),
];
const all = { nodes, edges };

function run(state: Partial<ViewState>, present = { nodes: nodes.map((n) => n.data.id), edges: edges.map((e) => e.data.id) }, labels: Record<string, string> = {}) {
  const input: GraphViewInput = {
    all,
    current: {
      elements: {
        nodes: nodes.filter((n) => present.nodes.includes(n.data.id)).map((n) => ({ data: { ...n.data, label: labels[n.data.id] ?? n.data.label } })),
        edges: edges.filter((e) => present.edges.includes(e.data.id)),
      },
    },
    state: { ...DEFAULT_VIEW, ...state },
    endedBefore: "2009-01-01",
  };
  return computeGraphView(input);
}

describe("computeGraphView", () => {
  it("draws exactly what the window holds, at the stored positions, and nothing else", () => {
    const placed = { ...nodes[0]!, position: { x: 10, y: 20 } };
    const v = computeGraphView({
      current: { elements: { nodes: [placed, nodes[1]!], edges: [edges[0]!] } },
      state: DEFAULT_VIEW,
      endedBefore: "2009-01-01",
    });
    expect(v.shownNodes).toEqual(["assad-government", "iraqi-baathists"]);
    expect(v.shownEdges).toEqual(["syria-backs-baathists"]);
    expect([...v.nodes.keys()]).toEqual(v.shownNodes);
    expect([...v.edges.keys()]).toEqual(v.shownEdges);
    expect(v.nodes.get("assad-government")?.position).toEqual({ x: 10, y: 20 });
    expect(v.edges.get("syria-backs-baathists")?.data.source).toBe("assad-government");
  });

  it("leaves out what the filters and the focus hide", () => {
    const v = run({ focus: "united-states" });
    expect(v.nodes.has("iran")).toBe(false);
    expect(v.edges.has("iran-backs-syria")).toBe(false);
    expect(run({ filters: { ...NO_FILTERS, polarities: ["cooperative"] } }).edges.has("us-fights-is")).toBe(false);
  });

  it("labels actors with the name the window gives them", () => {
    const v = run({}, undefined, { "islamic-state": "ISI" });
    expect(v.nodes.get("islamic-state")?.label).toBe("ISI");
  });

  it("filters relationships by type, polarity and certainty, and actors by kind", () => {
    expect(run({ filters: { ...NO_FILTERS, polarities: ["cooperative"] } }).shownEdges).not.toContain("us-fights-is");
    expect(run({ filters: { ...NO_FILTERS, certainties: ["documented"] } }).shownEdges).toEqual(["syria-backs-baathists", "us-fights-is"]);
    expect(run({ filters: { ...NO_FILTERS, types: ["facilitation"] } }).shownEdges).toEqual(["syria-aids-jihadists"]);
    const noStates = run({ filters: { ...NO_FILTERS, kinds: ["government", "party-or-faction", "militant-organisation"] } });
    expect(noStates.shownNodes).not.toContain("iran");
    // A relationship with a hidden end is hidden too.
    expect(noStates.shownEdges).not.toContain("iran-backs-syria");
  });

  it("greys what has ended only when looking back over time", () => {
    expect(run({ mode: "at" }).endedEdges).toEqual([]);
    const upto = run({ mode: "upto" });
    expect(upto.endedEdges).toEqual(["syria-aids-jihadists"]);
    expect(upto.edges.get("syria-aids-jihadists")?.classes).toContain("ended");
  });

  it("greys an actor when everything drawn around it has ended", () => {
    const v = run({ mode: "upto" }, { nodes: ["assad-government", "islamic-state"], edges: ["syria-aids-jihadists"] });
    expect(v.nodes.get("islamic-state")?.classes).toContain("ended");
  });

  it("focuses on one actor and its neighbours", () => {
    const v = run({ focus: "united-states" });
    expect(v.shownNodes).toEqual(["islamic-state", "united-states"]);
    expect(v.shownEdges).toEqual(["us-fights-is"]);
    expect(v.focusMissing).toBe(false);
  });

  it("shows everyone when the focused actor is absent, and says so", () => {
    const v = run({ focus: "united-states" }, { nodes: ["assad-government", "iraqi-baathists"], edges: ["syria-backs-baathists"] });
    expect(v.focusMissing).toBe(true);
    expect(v.shownEdges).toEqual(["syria-backs-baathists"]);
  });

  it("highlights the triangle and the ties inside it, dimming the rest", () => {
    const v = run({ triangle: true });
    expect(v.nodes.get("assad-government")?.classes).toEqual(["highlighted"]);
    expect(v.nodes.get("iran")?.classes).toEqual(["dimmed"]);
    expect(v.edges.get("syria-aids-jihadists")?.classes).toEqual(["highlighted"]);
    expect(v.edges.get("us-fights-is")?.classes).toEqual(["dimmed"]);
  });

  it("marks the selected actor, or the selected relationship and its two ends", () => {
    expect(run({ selection: { kind: "actor", id: "iran" } }).nodes.get("iran")?.classes).toContain("chosen");
    const rel = run({ selection: { kind: "relationship", id: "us-fights-is" } });
    expect(rel.edges.get("us-fights-is")?.classes).toContain("chosen");
    expect(rel.nodes.get("united-states")?.classes).toContain("chosen");
    expect(rel.nodes.get("iran")?.classes).not.toContain("chosen");
  });
});

describe("computeGraphView: comparison and emphasis", () => {
  const at = (ids: string[]) => ({
    elements: {
      nodes: nodes.filter((n) => edges.some((e) => ids.includes(e.data.id) && (e.data.source === n.data.id || e.data.target === n.data.id))),
      edges: edges.filter((e) => ids.includes(e.data.id)),
    },
  });
  const compare = (beforeIds: string[], afterIds: string[], state: Partial<ViewState> = {}) =>
    computeGraphView({ all, current: at(afterIds), compareWith: at(beforeIds), state: { ...DEFAULT_VIEW, ...state }, endedBefore: "2014-01-01" });

  it("draws both dates and marks what appeared, ended and changed between the same two actors", () => {
    const extra = edge("syria-fights-is", "assad-government", "islamic-state", { type: "hostility", polarity: "hostile" });
    edges.push(extra);
    try {
      const v = compare(["syria-backs-baathists", "syria-aids-jihadists", "iran-backs-syria"], ["syria-backs-baathists", "syria-fights-is", "us-fights-is"]);
      expect(v.shownEdges).toEqual(["iran-backs-syria", "syria-aids-jihadists", "syria-backs-baathists", "syria-fights-is", "us-fights-is"]);
      expect(v.edges.get("us-fights-is")?.classes).toEqual(["added"]);
      expect(v.edges.get("iran-backs-syria")?.classes).toEqual(["removed"]);
      expect(v.edges.get("syria-fights-is")?.classes).toEqual(["changed"]);
      expect(v.edges.get("syria-aids-jihadists")?.classes).toEqual(["was"]);
      expect(v.edges.get("syria-backs-baathists")?.classes).toEqual([]);
      expect(v.nodes.get("united-states")?.classes).toEqual(["added"]);
      expect(v.nodes.get("iran")?.classes).toEqual(["removed"]);
      expect(v.diff?.changed.map((c) => c.pair)).toEqual([["assad-government", "islamic-state"]]);
    } finally {
      edges.pop();
    }
  });

  it("compares only what passes the filters", () => {
    const v = compare(["iran-backs-syria"], ["us-fights-is"], { filters: { ...NO_FILTERS, polarities: ["hostile"] } });
    expect(v.diff?.removed).toEqual([]);
    expect(v.diff?.added).toEqual(["us-fights-is"]);
    expect(v.shownEdges).toEqual(["us-fights-is"]);
  });

  it("brings a story step's or a path's elements forward and dims the rest, over the triangle", () => {
    const v = computeGraphView({
      all,
      current: at(edges.map((e) => e.data.id)),
      state: { ...DEFAULT_VIEW, triangle: true },
      endedBefore: "2009-01-01",
      emphasis: { nodes: ["iran", "assad-government"], edges: ["iran-backs-syria"] },
    });
    expect(v.nodes.get("iran")?.classes).toEqual(["highlighted"]);
    expect(v.nodes.get("iraqi-baathists")?.classes).toEqual(["dimmed"]);
    expect(v.edges.get("iran-backs-syria")?.classes).toEqual(["highlighted"]);
    // Between two emphasised actors, only the named relationships are brought forward.
    expect(v.edges.get("syria-backs-baathists")?.classes).toEqual(["dimmed"]);
  });
});
