/** An asset's lineage trees (upstream and downstream, depth first with the node above each)
 * merged into one graph to lay out. */

export interface LineageEntry {
  key: { key: string };
  above?: { key: string } | null;
  depth: number;
  truncated: boolean;
}

export interface LineageGraph {
  nodes: { key: string; depth: number; truncated: boolean }[];
  edges: { from: string; to: string }[]; // parent asset -> child asset
}

/** Upstream entries hang parents below their child; downstream ones children below their
 * parent: both become parent -> child edges. Depth is negative upstream. */
export function mergeLineage(upstream: LineageEntry[], downstream: LineageEntry[]): LineageGraph {
  const nodes = new Map<string, { key: string; depth: number; truncated: boolean }>();
  const edges = new Map<string, { from: string; to: string }>();
  const add = (entries: LineageEntry[], sign: number) => {
    for (const entry of entries) {
      const key = entry.key.key;
      const known = nodes.get(key);
      const depth = entry.depth === 0 ? 0 : sign * entry.depth;
      if (!known || Math.abs(depth) < Math.abs(known.depth)) {
        nodes.set(key, { key, depth, truncated: entry.truncated || (known?.truncated ?? false) });
      } else if (entry.truncated) known.truncated = true;
      if (entry.above) {
        const edge = sign < 0 ? { from: key, to: entry.above.key } : { from: entry.above.key, to: key };
        edges.set(`${edge.from}\u0000${edge.to}`, edge);
      }
    }
  };
  add(upstream, -1);
  add(downstream, 1);
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
