import { describe, expect, it } from "vitest";
import { mergeLineage } from "./lineage";

const entry = (key: string, above: string | null, depth: number, truncated = false) => ({
  key: { key },
  above: above ? { key: above } : null,
  depth,
  truncated,
});

describe("mergeLineage", () => {
  it("joins both directions into parent -> child edges around the root", () => {
    const graph = mergeLineage(
      [entry("ml/model", null, 0), entry("warehouse/users", "ml/model", 1)],
      [entry("ml/model", null, 0), entry("ml/report", "ml/model", 1, true)],
    );
    expect(graph.nodes).toEqual([
      { key: "ml/model", depth: 0, truncated: false },
      { key: "warehouse/users", depth: -1, truncated: false },
      { key: "ml/report", depth: 1, truncated: true },
    ]);
    expect(graph.edges).toEqual([
      { from: "warehouse/users", to: "ml/model" },
      { from: "ml/model", to: "ml/report" },
    ]);
  });
  it("keeps a shared relative once, with each edge once", () => {
    const graph = mergeLineage(
      [entry("c", null, 0), entry("a", "c", 1), entry("b", "c", 1), entry("base", "a", 2), entry("base", "b", 2)],
      [],
    );
    expect(graph.nodes.map((n) => n.key)).toEqual(["c", "a", "b", "base"]);
    expect(graph.edges).toHaveLength(4);
  });
});
