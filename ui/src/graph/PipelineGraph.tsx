import { useEffect, useMemo, useRef, useState } from "react";
import { layoutRequest, type GraphSolid } from "./model";
import { useLayout } from "./useLayout";

interface Props {
  solids: GraphSolid[];
  edges: { from: string; to: string; kind: string }[];
  selected: string | null;
  highlighted: Set<string>;
  focus: string | null;
  onSelect: (name: string) => void;
}

/** The pipeline's solids as an SVG graph: drag to pan, wheel to zoom, click a solid. */
export function PipelineGraph({ solids, edges, selected, highlighted, focus, onSelect }: Props) {
  const request = useMemo(() => layoutRequest(solids, edges), [solids, edges]);
  const layout = useLayout(request);
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ x: 0, y: 0, scale: 1 });
  const drag = useRef<{ x: number; y: number } | null>(null);
  const kindOf = useMemo(() => {
    const kinds = new Map<string, string>();
    for (const e of edges) kinds.set(`${e.from}\u0000${e.to}`, e.kind);
    return kinds;
  }, [edges]);

  // Fit the graph's width (at most 1:1) when a layout arrives.
  useEffect(() => {
    if (!layout || !box.current) return;
    const scale = Math.min(1, box.current.clientWidth / Math.max(layout.width, 1));
    setView({ x: 0, y: 0, scale });
  }, [layout]);

  useEffect(() => {
    if (!layout || !focus || !box.current || !layout.nodes[focus]) return;
    const n = layout.nodes[focus];
    const { clientWidth, clientHeight } = box.current;
    setView((v) => ({
      scale: v.scale,
      x: clientWidth / 2 - (n.x + n.width / 2) * v.scale,
      y: clientHeight / 2 - (n.y + n.height / 2) * v.scale,
    }));
  }, [focus, layout]);

  if (!layout) return <p className="muted">Laying out {solids.length} solids…</p>;
  return (
    <div
      className="graph"
      ref={box}
      data-testid="pipeline-graph"
      onWheel={(e) => {
        const rect = box.current!.getBoundingClientRect();
        const factor = e.deltaY < 0 ? 1.1 : 1 / 1.1;
        const px = e.clientX - rect.left;
        const py = e.clientY - rect.top;
        setView((v) => ({
          scale: v.scale * factor,
          x: px - (px - v.x) * factor,
          y: py - (py - v.y) * factor,
        }));
      }}
      onMouseDown={(e) => (drag.current = { x: e.clientX, y: e.clientY })}
      onMouseMove={(e) => {
        if (!drag.current) return;
        const dx = e.clientX - drag.current.x;
        const dy = e.clientY - drag.current.y;
        drag.current = { x: e.clientX, y: e.clientY };
        setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
      }}
      onMouseUp={() => (drag.current = null)}
      onMouseLeave={() => (drag.current = null)}
    >
      <svg width="100%" height="100%">
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" fill="#8a94a6" />
          </marker>
        </defs>
        <g transform={`translate(${view.x},${view.y}) scale(${view.scale})`}>
          {layout.edges.map((e) => {
            const kind = kindOf.get(`${e.from}\u0000${e.to}`) ?? "DIRECT";
            return (
              <path
                key={`${e.from}-${e.to}`}
                className={`edge edge-${kind.toLowerCase()}`}
                d={`M${e.points.map((p) => `${p.x},${p.y}`).join(" L")}`}
                markerEnd="url(#arrow)"
              />
            );
          })}
          {solids.map((s) => {
            const n = layout.nodes[s.name];
            if (!n) return null;
            const classes = ["node"];
            if (s.mappedDepth > 0) classes.push("mapped");
            if (selected === s.name) classes.push("selected");
            if (highlighted.has(s.name)) classes.push("highlighted");
            return (
              <g
                key={s.name}
                className={classes.join(" ")}
                data-solid={s.name}
                transform={`translate(${n.x},${n.y})`}
                onClick={() => onSelect(s.name)}
              >
                {s.mappedDepth > 0 && (
                  <rect className="node-shadow" x={6} y={6} width={n.width} height={n.height} rx={6} />
                )}
                {s.mappedDepth > 1 && (
                  <rect className="node-shadow" x={3} y={3} width={n.width} height={n.height} rx={6} />
                )}
                <rect className="node-box" width={n.width} height={n.height} rx={6} />
                <text className="node-title" x={10} y={20}>
                  {s.name}
                </text>
                {s.mappedDepth > 0 && (
                  <text className="badge-mapped" x={n.width - 10} y={20} textAnchor="end">
                    {s.mappedDepth > 1 ? `mapped ×${s.mappedDepth} [${Array(s.mappedDepth).fill("*").join(",")}]` : "mapped [*]"}
                  </text>
                )}
                {s.inputs.map((input, i) => (
                  <text key={input.name} className="port" x={10} y={42 + i * 17}>
                    ▸ {input.name}
                    {input.kinds.includes("COLLECT") && <tspan className="badge-collect"> collect</tspan>}
                    {input.kinds.includes("MAPPED") && <tspan className="badge-mapin"> mapped</tspan>}
                  </text>
                ))}
                {s.outputs.map((output, i) => (
                  <text key={output.name} className="port" x={n.width - 10} y={42 + i * 17} textAnchor="end">
                    {output.isDynamic && <tspan className="badge-dynamic">dynamic </tspan>}
                    {output.name} ▸
                  </text>
                ))}
              </g>
            );
          })}
        </g>
      </svg>
    </div>
  );
}
