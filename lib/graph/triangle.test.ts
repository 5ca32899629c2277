import { describe, expect, it } from "vitest";
import type { RelationshipType } from "../model/vocabulary";
import { triangleActors, triangleSides } from "./triangle";
import type { GraphEdge, GraphNode } from "../api/types";
import { computeGraphView } from "./view";
import { DEFAULT_VIEW, NO_FILTERS, type ViewState } from "../view/state";

const tie = (source: string, target: string, type: RelationshipType) => ({ source, target, type });

const belonging = [
  tie("syrian-intelligence", "assad-government", "part-of"),
  tie("syrian-armed-forces", "assad-government", "part-of"),
  tie("syrian-air-force", "syrian-armed-forces", "part-of"),
  tie("bashar-al-assad", "assad-government", "leadership"),
  tie("zarqawi", "islamic-state", "leadership"),
  tie("new-regional-command", "iraqi-baathists", "part-of"),
];

describe("triangleSides", () => {
  it("puts each corner with the actors that are part of it, belong to it or lead it, through chains", () => {
    const sides = triangleSides(belonging);
    expect([...sides.get("assad-government")!].sort()).toEqual(["assad-government", "bashar-al-assad", "syrian-air-force", "syrian-armed-forces", "syrian-intelligence"]);
    expect([...sides.get("iraqi-baathists")!].sort()).toEqual(["iraqi-baathists", "new-regional-command"]);
    expect([...sides.get("islamic-state")!].sort()).toEqual(["islamic-state", "zarqawi"]);
  });

  it("counts only belonging ties, in their direction (member to body)", () => {
    const sides = triangleSides([
      tie("syrian-intelligence", "islamic-state", "cooperation"),
      tie("assad-government", "syrian-foreign-ministry", "part-of"),
      tie("iran", "assad-government", "support"),
    ]);
    expect([...sides.get("assad-government")!]).toEqual(["assad-government"]);
    expect([...sides.get("islamic-state")!]).toEqual(["islamic-state"]);
  });

  it("follows the date: a tie not holding at the date (absent from the list) adds nobody", () => {
    expect(triangleActors([]).has("syrian-intelligence")).toBe(false);
    expect(triangleActors(belonging).has("syrian-intelligence")).toBe(true);
  });

  it("puts an actor that belongs to two corners on both sides, and survives cycles", () => {
    const sides = triangleSides([
      tie("haji-bakr", "iraqi-baathists", "membership"),
      tie("haji-bakr", "islamic-state", "membership"),
      tie("a", "assad-government", "part-of"),
      tie("assad-government", "a", "part-of"),
    ]);
    expect(sides.get("iraqi-baathists")!.has("haji-bakr")).toBe(true);
    expect(sides.get("islamic-state")!.has("haji-bakr")).toBe(true);
    expect([...sides.get("assad-government")!].sort()).toEqual(["a", "assad-government"]);
  });
});

describe("the triangle in computeGraphView", () => {
  const node = (id: string): GraphNode => ({ data: { id, label: id, name: id, short: null, kind: "state" } });
  const edge = (id: string, source: string, target: string, type: RelationshipType, last: string | null = null): GraphEdge => ({
    data: { id, source, target, type, polarity: "cooperative", certainty: "documented", structural: false, label: "", dateLabel: "", first: null, last, citations: 1 },
  });
  const current = {
    elements: {
      nodes: ["assad-government", "iraqi-baathists", "islamic-state", "syrian-intelligence", "iran"].map(node),
      edges: [
        edge("intelligence-part-of-government", "syrian-intelligence", "assad-government", "part-of"),
        edge("officers-meet-isi", "syrian-intelligence", "islamic-state", "cooperation"),
        edge("iran-backs-syria", "iran", "assad-government", "support"),
      ],
    },
  };
  const view = (state: Partial<ViewState>) => computeGraphView({ current, state: { ...DEFAULT_VIEW, triangle: true, ...state }, endedBefore: "2009-01-01" });

  it("brings the regime's organs and their ties forward with the corners", () => {
    const v = view({});
    expect(v.nodes.get("syrian-intelligence")?.classes).toContain("highlighted");
    expect(v.edges.get("officers-meet-isi")?.classes).toContain("highlighted");
    expect(v.edges.get("intelligence-part-of-government")?.classes).toContain("highlighted");
    expect(v.nodes.get("iran")?.classes).toContain("dimmed");
    expect(v.edges.get("iran-backs-syria")?.classes).toContain("dimmed");
  });

  it("keeps the sides when the filters hide the belonging ties", () => {
    const v = view({ filters: { ...NO_FILTERS, types: ["cooperation", "support"] } });
    expect(v.edges.has("intelligence-part-of-government")).toBe(false);
    expect(v.edges.get("officers-meet-isi")?.classes).toContain("highlighted");
  });
});
