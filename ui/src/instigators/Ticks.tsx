import { useState } from "react";
import { Link } from "react-router-dom";
import { request } from "../api";
import { ErrorMessage, formatTime, ResultError, StatusTag } from "../components/Status";
import type { InstigatorStatus, PreviewFieldsFragment, TickFieldsFragment } from "../gql/graphql";
import { START_SCHEDULE, START_SENSOR, STOP_SCHEDULE, STOP_SENSOR } from "./queries";

export type InstigatorKind = "schedule" | "sensor";

/** The page of one schedule or sensor. */
export function instigatorPath(kind: InstigatorKind, name: string): string {
  return `/${kind}s/${encodeURIComponent(name)}`;
}

/** RUNNING or STOPPED, and whether the definition is gone from the loaded code. */
export function InstigatorState({ status, definitionMissing }: { status: InstigatorStatus; definitionMissing: boolean }) {
  return (
    <span className="instigator-state">
      <StatusTag status={status} />
      {definitionMissing && <span className="status status-failure">definition missing</span>}
    </span>
  );
}

/** Start or stop a schedule or sensor; `onChange` runs after the control plane answered. */
export function StartStopButton({
  kind,
  name,
  status,
  onChange,
}: {
  kind: InstigatorKind;
  name: string;
  status: InstigatorStatus;
  onChange: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const running = status === "RUNNING";
  async function toggle() {
    setBusy(true);
    setProblem(null);
    try {
      const message = await setStatus(kind, name, !running);
      if (message) setProblem(message);
      await onChange();
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <span className="start-stop">
      <button className={running ? undefined : "primary"} disabled={busy} onClick={() => void toggle()}>
        {running ? `Stop ${kind}` : `Start ${kind}`}
      </button>
      {problem && <span className="error-text">{problem}</span>}
    </span>
  );
}

/** The error message of a start or stop, or null when it took. */
async function setStatus(kind: InstigatorKind, name: string, start: boolean): Promise<string | null> {
  const result =
    kind === "schedule"
      ? start
        ? (await request(START_SCHEDULE, { name })).startSchedule
        : (await request(STOP_SCHEDULE, { name })).stopSchedule
      : start
        ? (await request(START_SENSOR, { name })).startSensor
        : (await request(STOP_SENSOR, { name })).stopSensor;
  return "message" in result && result.message ? result.message : null;
}

/** A tick's outcome in a line: its runs, or why it skipped, or that it failed. */
export function TickSummary({ tick }: { tick: TickFieldsFragment }) {
  return (
    <span className="tick-summary">
      <StatusTag status={tick.status} /> {formatTime(tick.timestamp)}
      {tick.runIds.length > 0 && <span className="muted"> · {tick.runIds.length} runs</span>}
      {tick.skipReason && <span className="muted"> · {tick.skipReason}</span>}
    </span>
  );
}

/** Tick history, newest first: status, time, the runs launched (linked), skip reason, and
 * the error with the user's traceback. */
export function TickTable({ ticks, withCursor }: { ticks: TickFieldsFragment[]; withCursor: boolean }) {
  if (ticks.length === 0) return <p className="muted">No ticks yet.</p>;
  return (
    <table className="grid ticks" data-testid="ticks">
      <thead>
        <tr>
          <th>Status</th>
          <th>Time</th>
          <th>Runs</th>
          <th>Skip reason / error</th>
          {withCursor && <th>Cursor</th>}
        </tr>
      </thead>
      <tbody>
        {ticks.map((tick) => (
          <tr key={tick.tickId} data-tick-id={tick.tickId} data-status={tick.status}>
            <td>
              <StatusTag status={tick.status} />
            </td>
            <td>{formatTime(tick.timestamp)}</td>
            <td>
              {tick.runIds.map((runId) => (
                <Link key={runId} className="mono child-run" to={`/runs/${runId}`}>
                  {runId.slice(0, 8)}
                </Link>
              ))}
            </td>
            <td>
              {tick.skipReason && <span className="muted">{tick.skipReason}</span>}
              {tick.error && <TickError error={tick.error} />}
            </td>
            {withCursor && <td className="mono">{tick.cursor ?? "–"}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TickError({ error }: { error: string }) {
  const [first] = error.split("\n", 1);
  return (
    <details className="tick-error">
      <summary className="error-text">{first}</summary>
      <pre className="stack">{error}</pre>
    </details>
  );
}

/** What the next evaluation(s) would request, storing nothing. */
export function Preview({ preview }: { preview: PreviewFieldsFragment }) {
  if (preview.__typename !== "TickPreviews") return <ResultError result={preview} />;
  return (
    <div className="previews" data-testid="preview">
      {preview.nodes.map((node, index) => (
        <div className="card" key={index}>
          <div className="card-head">
            <strong>{node.timestamp != null ? formatTime(node.timestamp) : "Next evaluation"}</strong>
            {node.runs.length === 0 && !node.error && <span className="muted">requests no run</span>}
            {node.skipReason && <span className="muted">skips: {node.skipReason}</span>}
            {node.cursor != null && <span className="muted">new cursor: <code>{node.cursor}</code></span>}
          </div>
          {node.error && (
            <ErrorMessage title="The evaluation failed">
              <pre className="stack">{node.error}</pre>
            </ErrorMessage>
          )}
          {node.runs.map((run, i) => (
            <div key={run.runKey ?? i} className="requested-run">
              {run.runKey && (
                <div>
                  run key <code>{run.runKey}</code>
                </div>
              )}
              <div>
                {run.tags.map((t) => (
                  <span className="tag" key={t.key}>
                    {t.key}={t.value}
                  </span>
                ))}
              </div>
              <pre className="code">{JSON.stringify(run.runConfig, null, 2)}</pre>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
