import { describe, expect, it } from "vitest";
import { byLayers, layout } from "./layout";

function chain(n: number) {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `a${i}`, width: 100, height: 30 }));
  const edges = [];
  for (let i = 1; i < n; i++) edges.push({ from: `a${i - 1}`, to: `a${i}` });
  const layers = Object.fromEntries(nodes.map((node, i) => [node.id, i - n + 1]));
  return { nodes, edges, layers };
}

describe("layout by layers", () => {
  it("puts each layer in its own row, parents above children", () => {
    const result = byLayers(
      {
        nodes: ["root", "p1", "p2", "c"].map((id) => ({ id, width: 100, height: 30 })),
        edges: [
          { from: "p1", to: "root" },
          { from: "p2", to: "root" },
          { from: "root", to: "c" },
        ],
      },
      { p1: -1, p2: -1, root: 0, c: 1 },
    );
    expect(result.nodes.p1.y).toBe(result.nodes.p2.y);
    expect(result.nodes.p1.y).toBeLessThan(result.nodes.root.y);
    expect(result.nodes.root.y).toBeLessThan(result.nodes.c.y);
    expect(result.nodes.p1.x).not.toBe(result.nodes.p2.x);
    expect(result.edges).toHaveLength(3);
  });
  it("lays out a deep chain of 2,000 quickly (dagre's recursion would overflow a worker)", () => {
    const started = performance.now();
    const result = layout(chain(2000));
    expect(Object.keys(result.nodes)).toHaveLength(2000);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
