/** Timeline rows of a run: plain steps one per row; a template's many mapped steps grouped. */

export interface StepStat {
  stepKey: string;
  status: string;
  attempts: number;
  startTime?: number | null;
  endTime?: number | null;
  error?: string | null;
}

export interface StepRow {
  kind: "step";
  step: StepStat;
  /** Inside an expanded group. */
  nested: boolean;
}

export interface GroupRow {
  kind: "group";
  template: string;
  /** `name[*]` (or `name[*,*]` for nested mapping): the selection of every step of it. */
  selector: string;
  steps: StepStat[];
  counts: Record<string, number>;
  startTime: number | null;
  endTime: number | null;
  expanded: boolean;
}

export type TimelineRow = StepRow | GroupRow;

/** Mapped steps of one template are grouped once there are more than this many. */
export const GROUP_THRESHOLD = 5;

/** `work[a,x]` -> `{ name: "work", keys: ["a", "x"] }`; `total` -> no keys. */
export function parseStepKey(stepKey: string): { name: string; keys: string[] } {
  const open = stepKey.indexOf("[");
  if (open < 0 || !stepKey.endsWith("]")) return { name: stepKey, keys: [] };
  return { name: stepKey.slice(0, open), keys: stepKey.slice(open + 1, -1).split(",") };
}

/** Rows in order of each template's first step; groups listed in `expanded` show their steps. */
export function timelineRows(
  steps: StepStat[],
  expanded: ReadonlySet<string>,
  threshold = GROUP_THRESHOLD,
): TimelineRow[] {
  const byTemplate = new Map<string, { steps: StepStat[]; depth: number }>();
  const order: (string | StepStat)[] = [];
  for (const step of steps) {
    const { name, keys } = parseStepKey(step.stepKey);
    if (keys.length === 0) {
      order.push(step);
      continue;
    }
    let entry = byTemplate.get(name);
    if (!entry) {
      entry = { steps: [], depth: keys.length };
      byTemplate.set(name, entry);
      order.push(name);
    }
    entry.steps.push(step);
  }
  const rows: TimelineRow[] = [];
  for (const item of order) {
    if (typeof item !== "string") {
      rows.push({ kind: "step", step: item, nested: false });
      continue;
    }
    const entry = byTemplate.get(item)!;
    if (entry.steps.length <= threshold) {
      rows.push(...entry.steps.map((step) => ({ kind: "step" as const, step, nested: false })));
      continue;
    }
    const isOpen = expanded.has(item);
    rows.push(groupRow(item, entry.steps, entry.depth, isOpen));
    if (isOpen) rows.push(...entry.steps.map((step) => ({ kind: "step" as const, step, nested: true })));
  }
  return rows;
}

function groupRow(template: string, steps: StepStat[], depth: number, expanded: boolean): GroupRow {
  const counts: Record<string, number> = {};
  let startTime: number | null = null;
  let endTime: number | null = null;
  for (const step of steps) {
    counts[step.status] = (counts[step.status] ?? 0) + 1;
    if (step.startTime != null && (startTime === null || step.startTime < startTime)) startTime = step.startTime;
    if (step.endTime != null && (endTime === null || step.endTime > endTime)) endTime = step.endTime;
  }
  const selector = `${template}[${Array(depth).fill("*").join(",")}]`;
  return { kind: "group", template, selector, steps, counts, startTime, endTime, expanded };
}
