/** A numeric metadata entry over time, as a small inline SVG line. */
export function MetadataChart({ label, points }: { label: string; points: { t: number; v: number }[] }) {
  const W = 280;
  const H = 70;
  if (points.length === 0) return null;
  const ts = points.map((p) => p.t);
  const vs = points.map((p) => p.v);
  const [t0, t1] = [Math.min(...ts), Math.max(...ts)];
  const [v0, v1] = [Math.min(...vs), Math.max(...vs)];
  const x = (t: number) => (t1 === t0 ? W / 2 : 4 + ((t - t0) / (t1 - t0)) * (W - 8));
  const y = (v: number) => (v1 === v0 ? H / 2 : H - 4 - ((v - v0) / (v1 - v0)) * (H - 8));
  const sorted = [...points].sort((a, b) => a.t - b.t);
  return (
    <figure className="chart" data-metadata={label}>
      <figcaption>
        {label} <span className="muted">{v0 === v1 ? v0 : `${v0} – ${v1}`}</span>
      </figcaption>
      <svg width={W} height={H}>
        <polyline points={sorted.map((p) => `${x(p.t)},${y(p.v)}`).join(" ")} />
        {sorted.map((p, i) => (
          <circle key={i} cx={x(p.t)} cy={y(p.v)} r={2.5}>
            <title>{`${new Date(p.t * 1000).toLocaleString()}: ${p.v}`}</title>
          </circle>
        ))}
      </svg>
    </figure>
  );
}

/** Each metadata key whose values are all numbers, with its points over time. */
export function numericSeries(
  rows: { timestamp: number; metadata: unknown }[],
): [string, { t: number; v: number }[]][] {
  const series = new Map<string, { t: number; v: number }[]>();
  const mixed = new Set<string>();
  for (const row of rows) {
    const metadata = (row.metadata ?? {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(metadata)) {
      if (typeof value !== "number") mixed.add(key);
      else series.set(key, [...(series.get(key) ?? []), { t: row.timestamp, v: value }]);
    }
  }
  return [...series.entries()].filter(([key]) => !mixed.has(key));
}
