import { describe, expect, it } from "vitest";
import { dashInk } from "./level-of-detail";
import { CERTAINTY_LINES, EDGE_WIDTH, KIND_STYLES, POLARITY_COLOURS, SELECTED_COLOUR, graphStylesheet } from "./style";
import { StyleResolver } from "./style-resolver";

const hex = (rgb: string) => {
  const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(rgb);
  return m ? `#${m.slice(1).map((v) => Number(v).toString(16).padStart(2, "0")).join("")}` : rgb;
};

describe("StyleResolver: a large view's looks, read from the stylesheet itself", () => {
  it("gives actors their kind's colour and the outline, named actors their raised name", () => {
    const r = new StyleResolver(graphStylesheet({ fadeMs: 0, large: true, dashZoom: 1, lineScale: 1 }));
    const state = r.node({ kind: "state", classes: [] });
    expect(hex(state.fill)).toBe(KIND_STYLES.state.colour);
    expect(state.border).toBe(1.5);
    expect(state.opacity).toBe(1);
    expect(state.labelBackground).toBe(0);
    const named = r.node({ kind: "person", classes: ["named"] });
    expect(hex(named.fill)).toBe(KIND_STYLES.person.colour);
    expect(named.z).toBe(5);
    expect(named.labelBackground).toBeCloseTo(0.85);
    expect(r.node({ kind: "state", classes: ["hover-faded"] }).opacity).toBeCloseTo(0.18);
    expect(r.node({ kind: "state", classes: ["removed"] }).borderDashed).toBe(true);
    r.destroy();
  });

  it("gives ties their polarity's colour, their certainty's dashes where legible, and the chosen tie its halo and label", () => {
    const near = new StyleResolver(graphStylesheet({ fadeMs: 0, large: true, dashZoom: 1, lineScale: 1 }));
    const documented = near.edge({ polarity: "hostile", certainty: "documented", structural: false, classes: [] });
    expect(hex(documented.colour)).toBe(POLARITY_COLOURS.hostile);
    expect(documented.width).toBe(EDGE_WIDTH);
    expect(documented.dash).toBeNull();
    expect(documented.halo).toBeNull();
    expect(documented.labelled).toBe(false);
    expect(near.edge({ polarity: "cooperative", certainty: "reported", structural: false, classes: [] }).dash).toEqual(CERTAINTY_LINES.reported.dash);
    const chosen = near.edge({ polarity: "cooperative", certainty: "documented", structural: false, classes: ["chosen"] });
    expect(chosen.labelled).toBe(true);
    expect(hex(chosen.halo!.colour)).toBe(SELECTED_COLOUR);
    expect(chosen.z).toBe(20);
    near.destroy();

    const far = new StyleResolver(graphStylesheet({ fadeMs: 0, large: true, dashZoom: 0.05, lineScale: 4 }));
    const reported = far.edge({ polarity: "cooperative", certainty: "reported", structural: false, classes: [] });
    expect(reported.dash).toBeNull();
    expect(reported.lineOpacity).toBeCloseTo(dashInk(CERTAINTY_LINES.reported.dash!, EDGE_WIDTH));
    expect(reported.width).toBe(EDGE_WIDTH * 4);
    far.destroy();
  });

  it("resolves each combination once", () => {
    const r = new StyleResolver(graphStylesheet({ fadeMs: 0, large: true }));
    const a = r.edge({ polarity: "neutral", certainty: "alleged", structural: true, classes: ["ended"] });
    expect(r.edge({ polarity: "neutral", certainty: "alleged", structural: true, classes: ["ended"] })).toBe(a);
    expect(a.opacity).toBeCloseTo(0.8);
    r.destroy();
  });
});
