/** The pipeline graph as plain data: what the layout worker lays out and the SVG draws. */

export interface GraphSolid {
  name: string;
  inputs: { name: string; kinds: string[] }[];
  outputs: { name: string; isDynamic: boolean }[];
  mappedDepth: number;
}

export interface LayoutRequest {
  nodes: { id: string; width: number; height: number }[];
  edges: { from: string; to: string }[];
  /** Each node's layer, when the caller knows it (an asset's distance from the lineage root):
   * large graphs are then laid out by layer rather than by dagre. */
  layers?: Record<string, number>;
}

export interface LayoutResult {
  width: number;
  height: number;
  nodes: Record<string, { x: number; y: number; width: number; height: number }>;
  edges: { from: string; to: string; points: { x: number; y: number }[] }[];
}

export const NODE_WIDTH = 240;
const HEADER = 34;
const ROW = 17;

export function nodeHeight(solid: GraphSolid): number {
  return HEADER + ROW * Math.max(1, solid.inputs.length, solid.outputs.length) + 8;
}

export function layoutRequest(
  solids: GraphSolid[],
  edges: { from: string; to: string }[],
): LayoutRequest {
  return {
    nodes: solids.map((s) => ({ id: s.name, width: NODE_WIDTH, height: nodeHeight(s) })),
    edges,
  };
}
