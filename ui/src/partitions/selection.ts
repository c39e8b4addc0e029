/** Choosing partitions for a backfill: ranges, text ranges and "failed and missing". */

export interface MatrixRow {
  partition: string;
  statuses: string[];
  runId?: string | null;
  runStatus?: string | null;
}

const CELL_STATUS: Record<string, string> = {
  S: "SUCCESS",
  F: "FAILURE",
  K: "SKIPPED",
  I: "IN_PROGRESS",
  R: "UP_FOR_RETRY",
  M: "MISSING",
};
const RUN_STATUS: Record<string, string | null> = {
  Q: "QUEUED",
  T: "STARTING",
  I: "STARTED",
  S: "SUCCESS",
  F: "FAILURE",
  G: "CANCELING",
  C: "CANCELED",
  "-": null,
};

/** The rows of a status matrix sent compactly (see `StatusMatrix.cells` in the schema). */
export function decodeMatrix(m: {
  solids: string[];
  partitions: string[];
  cells: string;
  runIds: (string | null)[];
  runStatuses: string;
}): MatrixRow[] {
  const width = m.solids.length;
  return m.partitions.map((partition, i) => {
    const statuses = new Array<string>(width);
    for (let s = 0; s < width; s++) statuses[s] = CELL_STATUS[m.cells[i * width + s]];
    return { partition, statuses, runId: m.runIds[i], runStatus: RUN_STATUS[m.runStatuses[i]] };
  });
}

/** The partitions from `a` to `b` (either order), both included, in the set's order. */
export function rangeBetween(names: string[], a: number, b: number): string[] {
  const [start, end] = a <= b ? [a, b] : [b, a];
  return names.slice(Math.max(0, start), end + 1);
}

/** Parses `2026-01-01...2026-01-31` (or one name) into the partitions it spans, or says
 * what is wrong with it. */
export function parseRange(text: string, names: string[]): string[] | string {
  const trimmed = text.trim();
  if (!trimmed) return "type a partition or a range such as first...last";
  const parts = trimmed.split("...").map((p) => p.trim());
  if (parts.length > 2) return `"${trimmed}" has more than one "..."`;
  const indexes = parts.map((p) => names.indexOf(p));
  const unknown = parts.filter((_, i) => indexes[i] < 0);
  if (unknown.length) return `no partition ${unknown.map((u) => `"${u}"`).join(" or ")}`;
  if (indexes.length === 2 && indexes[0] > indexes[1]) {
    return `"${parts[1]}" comes before "${parts[0]}"`;
  }
  return rangeBetween(names, indexes[0], indexes[indexes.length - 1]);
}

/** A row with a failed step, a step no run has run, or a failed newest run. */
export function isFailedOrMissing(row: MatrixRow): boolean {
  return (
    row.runStatus === "FAILURE" ||
    row.statuses.some((s) => s === "FAILURE" || s === "MISSING")
  );
}

/** How many runs a backfill of `selected` creates: from failure, none for a partition whose
 * newest run succeeded. */
export function runsToCreate(rows: MatrixRow[], selected: Set<string>, fromFailure: boolean): number {
  let count = 0;
  for (const row of rows) {
    if (selected.has(row.partition) && !(fromFailure && row.runStatus === "SUCCESS")) count++;
  }
  return count;
}

/** The launchBackfill arguments that name `selected` most briefly: all, a range, or a list. */
export function backfillSelection(
  names: string[],
  selected: Set<string>,
): { all?: boolean; fromPartition?: string; toPartition?: string; partitions?: string[] } {
  if (selected.size === names.length) return { all: true };
  const indexes = names.flatMap((n, i) => (selected.has(n) ? [i] : []));
  const first = indexes[0];
  const last = indexes[indexes.length - 1];
  if (last - first + 1 === indexes.length) {
    return { fromPartition: names[first], toPartition: names[last] };
  }
  return { partitions: indexes.map((i) => names[i]) };
}

/** Parses `key=value, key2=value2` into tags, or says which entry is not one. */
export function parseTags(text: string): { key: string; value: string }[] | string {
  const tags = [];
  for (const entry of text.split(",").map((e) => e.trim()).filter(Boolean)) {
    const at = entry.indexOf("=");
    if (at <= 0) return `"${entry}" is not key=value`;
    tags.push({ key: entry.slice(0, at).trim(), value: entry.slice(at + 1).trim() });
  }
  return tags;
}
