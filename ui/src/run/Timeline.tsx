import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState } from "react";
import { StatusTag } from "../components/Status";
import { timelineRows, type StepStat, type TimelineRow } from "./grouping";

const ROW_HEIGHT = 24;
const STATUS_ORDER = ["FAILURE", "IN_PROGRESS", "UP_FOR_RETRY", "SKIPPED", "SUCCESS"];

interface Props {
  steps: StepStat[];
  runStart: number | null;
  runEnd: number | null;
  selection: ReadonlySet<string>;
  onToggle: (selector: string) => void;
}

/** A Gantt chart of the run's steps (virtualized: runs with 10,000 steps stay fast). */
export function Timeline({ steps, runStart, runEnd, selection, onToggle }: Props) {
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const rows = useMemo(() => timelineRows(steps, expanded), [steps, expanded]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  const start = runStart ?? Math.min(...steps.map((s) => s.startTime ?? Infinity));
  const end = Math.max(runEnd ?? Date.now() / 1000, start + 0.001);
  const span = end - start;
  const bar = (from: number | null | undefined, to: number | null | undefined) => {
    if (from == null) return null;
    const left = ((from - start) / span) * 100;
    const width = Math.max((((to ?? end) - from) / span) * 100, 0.3);
    return { left: `${Math.max(left, 0)}%`, width: `${Math.min(width, 100)}%` };
  };

  if (steps.length === 0) return <p className="muted">No step has started yet.</p>;
  return (
    <div className="timeline" data-testid="timeline" ref={scroller}>
      <div style={{ height: virtual.getTotalSize(), position: "relative" }}>
        {virtual.getVirtualItems().map((item) => {
          const row = rows[item.index];
          return (
            <div
              key={rowKey(row)}
              className={`timeline-row ${row.kind === "group" ? "group-row" : row.nested ? "nested-row" : "step-row"}`}
              data-step={row.kind === "step" ? row.step.stepKey : undefined}
              data-template={row.kind === "group" ? row.template : undefined}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
            >
              <div className="timeline-label">
                {row.kind === "group" ? (
                  <>
                    <button
                      className="link expand"
                      aria-expanded={row.expanded}
                      onClick={() => {
                        const next = new Set(expanded);
                        if (next.has(row.template)) next.delete(row.template);
                        else next.add(row.template);
                        setExpanded(next);
                      }}
                    >
                      {row.expanded ? "▾" : "▸"} {row.selector}
                    </button>
                    <span className="counts">
                      {row.steps.length} steps:{" "}
                      {STATUS_ORDER.filter((s) => row.counts[s]).map((s) => (
                        <span key={s} className={`count status-${s.toLowerCase()}`} data-status={s}>
                          {row.counts[s]} {s.toLowerCase()}
                        </span>
                      ))}
                    </span>
                  </>
                ) : (
                  <>
                    <input
                      type="checkbox"
                      aria-label={`select ${row.step.stepKey}`}
                      checked={selection.has(row.step.stepKey)}
                      onChange={() => onToggle(row.step.stepKey)}
                    />
                    <span className="mono step-key" title={row.step.stepKey}>
                      {row.step.stepKey}
                    </span>
                    <StatusTag status={row.step.status} />
                  </>
                )}
                {row.kind === "group" && (
                  <input
                    type="checkbox"
                    aria-label={`select ${row.selector}`}
                    checked={selection.has(row.selector)}
                    onChange={() => onToggle(row.selector)}
                  />
                )}
              </div>
              <div className="timeline-track">
                {row.kind === "group" ? (
                  <div className="bar bar-group" style={bar(row.startTime, row.endTime) ?? undefined} />
                ) : (
                  bar(row.step.startTime, row.step.endTime) && (
                    <div
                      className={`bar status-${row.step.status.toLowerCase()}`}
                      style={bar(row.step.startTime, row.step.endTime)!}
                    />
                  )
                )}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

function rowKey(row: TimelineRow): string {
  return row.kind === "group" ? `group:${row.template}` : row.step.stepKey;
}
