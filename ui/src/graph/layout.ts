import dagre from "@dagrejs/dagre";
import type { LayoutRequest, LayoutResult } from "./model";

// Network simplex ranks best but takes about 1.4 s for 500 solids; tight-tree about 0.5 s.
const SIMPLEX_MAX_NODES = 150;
// Past this, a graph with known layers is laid out by layer: dagre takes 1.3 s for a lineage
// of 1,000 assets, and its recursive ordering overflows a worker's stack on deep chains.
const DAGRE_MAX_NODES = 300;
const NODE_SEP = 30;
const RANK_SEP = 50;
const MARGIN = 20;

/** Top-to-bottom layered layout (dagre, or by the given layers for large graphs). Runs in the
 * layout worker. */
export function layout(request: LayoutRequest): LayoutResult {
  if (request.layers && request.nodes.length > DAGRE_MAX_NODES) return byLayers(request, request.layers);
  const ranker = request.nodes.length > SIMPLEX_MAX_NODES ? "tight-tree" : "network-simplex";
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({
    rankdir: "TB",
    nodesep: NODE_SEP,
    ranksep: RANK_SEP,
    marginx: MARGIN,
    marginy: MARGIN,
    ranker,
  });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of request.nodes) graph.setNode(node.id, { width: node.width, height: node.height });
  const seen = new Set<string>();
  for (const edge of request.edges) {
    const key = `${edge.from}\u0000${edge.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    graph.setEdge(edge.from, edge.to);
  }
  dagre.layout(graph);
  const nodes: LayoutResult["nodes"] = {};
  for (const id of graph.nodes()) {
    const n = graph.node(id);
    nodes[id] = { x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height };
  }
  const edges = graph.edges().map((e) => ({
    from: e.v,
    to: e.w,
    points: graph.edge(e).points ?? [],
  }));
  const size = graph.graph();
  return { width: size.width ?? 0, height: size.height ?? 0, nodes, edges };
}

/** One row per layer, in layer order; within a row, nodes ordered by the mean position of
 * their neighbours in the rows above (one barycentre sweep), each row centred. */
export function byLayers(request: LayoutRequest, layers: Record<string, number>): LayoutResult {
  const rows = new Map<number, LayoutRequest["nodes"]>();
  for (const node of request.nodes) {
    const layer = layers[node.id] ?? 0;
    if (!rows.has(layer)) rows.set(layer, []);
    rows.get(layer)!.push(node);
  }
  const neighbours = new Map<string, string[]>();
  for (const { from, to } of request.edges) {
    neighbours.set(from, [...(neighbours.get(from) ?? []), to]);
    neighbours.set(to, [...(neighbours.get(to) ?? []), from]);
  }
  const order = new Map<string, number>();
  const ordered = [...rows.keys()].sort((a, b) => a - b).map((layer) => {
    const row = rows.get(layer)!;
    const centre = (id: string) => {
      const placed = (neighbours.get(id) ?? []).filter((n) => order.has(n)).map((n) => order.get(n)!);
      return placed.length ? placed.reduce((a, b) => a + b, 0) / placed.length : Infinity;
    };
    const sorted = row.map((n) => ({ n, c: centre(n.id) })).sort((a, b) => a.c - b.c).map((x) => x.n);
    sorted.forEach((n, i) => order.set(n.id, i - (sorted.length - 1) / 2));
    return sorted;
  });
  const rowWidth = (row: LayoutRequest["nodes"]) =>
    row.reduce((sum, n) => sum + n.width, 0) + NODE_SEP * (row.length - 1);
  const width = Math.max(...ordered.map(rowWidth), 0) + 2 * MARGIN;
  const nodes: LayoutResult["nodes"] = {};
  let y = MARGIN;
  for (const row of ordered) {
    let x = (width - rowWidth(row)) / 2;
    const height = Math.max(...row.map((n) => n.height));
    for (const n of row) {
      nodes[n.id] = { x, y, width: n.width, height: n.height };
      x += n.width + NODE_SEP;
    }
    y += height + RANK_SEP;
  }
  const edges = request.edges
    .filter((e) => nodes[e.from] && nodes[e.to])
    .map((e) => {
      const [a, b] = [nodes[e.from], nodes[e.to]];
      const down = a.y <= b.y;
      return {
        from: e.from,
        to: e.to,
        points: [
          { x: a.x + a.width / 2, y: down ? a.y + a.height : a.y },
          { x: b.x + b.width / 2, y: down ? b.y : b.y + b.height },
        ],
      };
    });
  return { width, height: y - RANK_SEP + MARGIN, nodes, edges };
}
