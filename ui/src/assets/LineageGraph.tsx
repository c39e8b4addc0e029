import { useMemo } from "react";
import { Link } from "react-router-dom";
import { useLayout } from "../graph/useLayout";
import type { LineageGraph as Graph } from "./lineage";

const NODE_W = 220;
const NODE_H = 36;

export function assetPath(key: string): string {
  return `/catalog/key/${key.split("/").map(encodeURIComponent).join("/")}`;
}

/** The lineage graph, laid out by dagre in the layout worker; each node links to its asset. */
export function LineageGraph({ graph, root }: { graph: Graph; root: string }) {
  const request = useMemo(
    () => ({
      nodes: graph.nodes.map((n) => ({ id: n.key, width: NODE_W, height: NODE_H })),
      edges: graph.edges,
      layers: Object.fromEntries(graph.nodes.map((n) => [n.key, n.depth])),
    }),
    [graph],
  );
  const layout = useLayout(request);
  if (!layout || graph.nodes.some((n) => !layout.nodes[n.key])) {
    return <p className="muted">Laying out {graph.nodes.length} assets…</p>;
  }
  return (
    <div className="graph lineage" data-testid="lineage-graph">
      <svg width={layout.width} height={layout.height}>
        <defs>
          <marker id="lineage-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" fill="#8893a4" />
          </marker>
        </defs>
        {layout.edges.map((e) => (
          <polyline
            key={`${e.from}->${e.to}`}
            className="edge"
            points={e.points.map((p) => `${p.x},${p.y}`).join(" ")}
            markerEnd="url(#lineage-arrow)"
          />
        ))}
        {graph.nodes.map((n) => {
          const box = layout.nodes[n.key];
          return (
            <Link key={n.key} to={assetPath(n.key)} data-asset={n.key}>
              <g className={`asset-node${n.key === root ? " root" : ""}`} transform={`translate(${box.x},${box.y})`}>
                <rect width={box.width} height={box.height} rx={6} />
                <text x={10} y={22}>
                  {n.key.length > 28 ? `…${n.key.slice(-27)}` : n.key}
                  {n.truncated ? " …" : ""}
                </text>
                <title>{n.key}</title>
              </g>
            </Link>
          );
        })}
      </svg>
    </div>
  );
}
