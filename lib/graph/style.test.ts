import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dashLegible } from "./level-of-detail";
import { CERTAINTY_LINES, POSSIBLY_DASH, dashDetail, graphStylesheet } from "./style";

type Rule = { selector: string; style: Record<string, unknown> };
const rules = (zoom?: number) => graphStylesheet({ fadeMs: 0, large: true, ...(zoom === undefined ? {} : { dashZoom: zoom }) }) as Rule[];
const rule = (sheet: Rule[], selector: string) => sheet.find((r) => r.selector === selector)!.style;

describe("graphStylesheet's lines by zoom", () => {
  it("draws every pattern as dashes when no zoom is given (small views, exports)", () => {
    const sheet = rules();
    expect(rule(sheet, 'edge[certainty = "reported"]')).toEqual({ "line-style": "dashed", "line-dash-pattern": CERTAINTY_LINES.reported.dash });
    // Dots are short dashes with round caps: Cytoscape's own "dotted" ignores the pattern the legend draws.
    expect(rule(sheet, 'edge[certainty = "contested"]')).toEqual({ "line-style": "dashed", "line-dash-pattern": CERTAINTY_LINES.contested.dash });
    expect(rule(sheet, "edge.possibly")).toMatchObject({ "line-style": "dashed", "line-dash-pattern": POSSIBLY_DASH, opacity: 0.5 });
    expect(rule(sheet, "edge")).toMatchObject({ "line-cap": "round" });
    expect(sheet.some((r) => "line-opacity" in r.style)).toBe(false);
  });

  it("at a large view's fit, draws plain lines as light as their dashes, and keeps each state's own opacity", () => {
    const sheet = rules(0.06);
    expect(sheet.some((r) => r.style["line-style"] === "dashed" || r.style["line-style"] === "dotted")).toBe(false);
    expect(rule(sheet, 'edge[certainty = "reported"]')).toEqual({ "line-style": "solid", "line-opacity": 0.81 });
    expect(rule(sheet, 'edge[certainty = "contested"]')).toEqual({ "line-style": "solid", "line-opacity": 0.67 });
    expect(rule(sheet, 'edge[certainty = "documented"]')).toEqual({ "line-style": "solid" });
    expect(rule(sheet, "edge.possibly")).toMatchObject({ "line-style": "solid", "line-opacity": 0.5, opacity: 0.5 });
  });

  it("zoomed in, draws the dashes, the line's opacity reset where a coarser rule made it plain", () => {
    const sheet = rules(1);
    expect(rule(sheet, 'edge[certainty = "alleged"]')).toEqual({ "line-style": "dashed", "line-dash-pattern": CERTAINTY_LINES.alleged.dash, "line-opacity": 1 });
    expect(rule(sheet, "edge.possibly")).toMatchObject({ "line-style": "dashed", "line-dash-pattern": POSSIBLY_DASH, "line-opacity": 1 });
  });

  it("changes with the zoom only where dashDetail does, which follows each pattern's legibility", () => {
    const zoom = fc.double({ min: 0.02, max: 4, noNaN: true });
    fc.assert(
      fc.property(zoom, zoom, (a, b) => {
        if (dashDetail(a) === dashDetail(b)) expect(rules(a)).toEqual(rules(b));
        else expect(rules(a)).not.toEqual(rules(b));
      }),
    );
    expect(dashDetail(0.06)).toMatch(/^0+$/);
    expect(dashDetail(1)).toMatch(/^1+$/);
    const contested = CERTAINTY_LINES.contested.dash!;
    expect(dashDetail(0.4)).not.toBe(dashDetail(0.6));
    expect(dashLegible(contested, 0.4)).toBe(false);
    expect(dashLegible(contested, 0.6)).toBe(true);
  });
});

describe("graphStylesheet's line scale", () => {
  const at = (lineScale: number) => graphStylesheet({ fadeMs: 0, large: true, dashZoom: 0.06, lineScale }) as Rule[];

  it("widens every line by the scale, keeps arrowheads their size in the model, and halos twice their widened line", () => {
    const one = at(1);
    const eight = at(8);
    for (const selector of ["edge", "edge[?structural]", "edge.possibly", "edge.highlighted", "edge.chosen", "edge.hovered"]) {
      expect(rule(eight, selector).width).toBeCloseTo(8 * (rule(one, selector).width as number));
    }
    // Cytoscape sizes an arrowhead by its line's width times arrow-scale.
    const arrowhead = (sheet: Rule[], selector: string) => (rule(sheet, selector).width as number) * (rule(sheet, selector)["arrow-scale"] as number);
    expect(arrowhead(eight, "edge")).toBeCloseTo(arrowhead(one, "edge"));
    expect(arrowhead(eight, "edge[?structural]")).toBeCloseTo(arrowhead(one, "edge[?structural]"));
    // An underlay is 2 × padding wide: a change's halo, twice its widened line.
    expect(2 * (rule(eight, "edge.added")["underlay-padding"] as number)).toBeCloseTo(2 * (rule(eight, "edge").width as number));
    expect(rule(one, "edge.added")["underlay-padding"]).toBe(5);
  });

  it("draws small views and exports at their model widths", () => {
    const small = graphStylesheet({ fadeMs: 0 }) as Rule[];
    expect(rule(small, "edge")).toMatchObject({ width: 2.5, "arrow-scale": 1.1 });
  });
});
