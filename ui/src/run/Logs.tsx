import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState } from "react";
import type { RunEventFieldsFragment } from "../gql/graphql";

export type LogEvent = RunEventFieldsFragment;

const ROW_HEIGHT = 22;

/** The run's event log with level, step, event type and text filters (virtualized). */
export function Logs({ events, complete }: { events: LogEvent[]; complete: boolean }) {
  const [level, setLevel] = useState("");
  const [step, setStep] = useState("");
  const [eventType, setEventType] = useState("");
  const [text, setText] = useState("");
  const levels = useMemo(() => [...new Set(events.map((e) => e.level))].sort(), [events]);
  const types = useMemo(() => [...new Set(events.map((e) => e.eventType))].sort(), [events]);
  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    const stepNeedle = step.trim();
    return events.filter(
      (e) =>
        (!level || e.level === level) &&
        (!eventType || e.eventType === eventType) &&
        (!stepNeedle || (e.stepKey ?? "").startsWith(stepNeedle)) &&
        (!needle || e.message.toLowerCase().includes(needle) || (e.stepKey ?? "").toLowerCase().includes(needle)),
    );
  }, [events, level, eventType, step, text]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 30,
  });
  const start = events[0]?.timestamp ?? 0;

  return (
    <div className="logs">
      <div className="filters">
        <select aria-label="Level" value={level} onChange={(e) => setLevel(e.target.value)}>
          <option value="">All levels</option>
          {levels.map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
        <select aria-label="Event type" value={eventType} onChange={(e) => setEventType(e.target.value)}>
          <option value="">All event types</option>
          {types.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <input aria-label="Step" placeholder="Step key (prefix)" value={step} onChange={(e) => setStep(e.target.value)} />
        <input aria-label="Search logs" placeholder="Search messages" value={text} onChange={(e) => setText(e.target.value)} />
        <span className="muted">
          {shown.length} of {events.length} events{complete ? "" : " (loading…)"}
        </span>
      </div>
      <div className="log-list" ref={scroller} data-testid="logs">
        <div style={{ height: virtual.getTotalSize(), position: "relative" }}>
          {virtual.getVirtualItems().map((item) => {
            const e = shown[item.index];
            return (
              <div
                key={e.cursor}
                className={`log-row level-${e.level.toLowerCase()}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              >
                <span className="mono log-time">+{(e.timestamp - start).toFixed(3)}s</span>
                <span className="log-type">{e.eventType}</span>
                <span className="mono log-step">{e.stepKey ?? ""}</span>
                <span className="log-message" title={e.message}>
                  {e.message}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
