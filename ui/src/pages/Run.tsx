import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { ApiError, request, useQuery } from "../api";
import { ErrorMessage, formatDuration, formatTime, QueryStatus, ResultError, StatusTag } from "../components/Status";
import type { RunQuery } from "../gql/graphql";
import { Logs } from "../run/Logs";
import { REEXECUTE, RUN, TERMINATE } from "../run/queries";
import { Timeline } from "../run/Timeline";
import { useRunEvents } from "../run/useRunEvents";

type RunData = Extract<RunQuery["run"], { __typename: "Run" }>;
type ChildRuns = Extract<RunQuery["children"], { __typename: "RunConnection" }>;

const FINISHED = new Set(["SUCCESS", "FAILURE", "CANCELED"]);
const POLL_MS = 1000;

/** One run: its step timeline, failures, logs and the actions on it; live while in flight. */
export default function RunPage() {
  const { runId = "" } = useParams();
  const [live, setLive] = useState(true);
  const { data, error, loading, refetch } = useQuery(RUN, { runId }, { pollMs: live ? POLL_MS : undefined });
  const result = data?.run;
  const finished = result?.__typename === "Run" && FINISHED.has(result.status);
  if (finished && live) setLive(false);
  if (result?.__typename === "Run" && !finished && !live) setLive(true);
  return (
    <section className="run-page">
      <QueryStatus error={error} loading={loading && !data} />
      {result && result.__typename !== "Run" && <ResultError result={result} />}
      {result?.__typename === "Run" && (
        <RunView
          run={result}
          children={data?.children.__typename === "RunConnection" ? data.children : null}
          live={!finished}
          refetch={refetch}
        />
      )}
    </section>
  );
}

function RunView({
  run,
  children,
  live,
  refetch,
}: {
  run: RunData;
  children: ChildRuns | null;
  live: boolean;
  refetch: () => Promise<void>;
}) {
  const navigate = useNavigate();
  const [selection, setSelection] = useState<Set<string>>(new Set());
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const logs = useRunEvents(run.runId, live, true);
  const canTerminate = ["QUEUED", "STARTING", "STARTED"].includes(run.status);
  const failedOrCanceled = run.status === "FAILURE" || run.status === "CANCELED";

  async function act(action: () => Promise<string | null>) {
    setBusy(true);
    setActionError(null);
    try {
      const message = await action();
      if (message) setActionError(message);
    } catch (e) {
      setActionError((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  }
  const terminate = () =>
    act(async () => {
      const r = (await request(TERMINATE, { runId: run.runId })).terminateRun;
      await refetch();
      return r.__typename === "TerminateRunSuccess" ? null : r.message;
    });
  const reexecute = (fromFailure: boolean, stepSelection: string[] | null) =>
    act(async () => {
      const r = (await request(REEXECUTE, { runId: run.runId, fromFailure, stepSelection })).reexecuteRun;
      if (r.__typename !== "LaunchRunSuccess") return r.message;
      navigate(`/runs/${r.run.runId}`);
      return null;
    });
  const [selectionText, setSelectionText] = useState("");
  const chosen = [...selection, ...selectionText.split(",").map((s) => s.trim()).filter(Boolean)];
  const partition = run.tags.find((t) => t.key === "lodestar/partition")?.value;
  const end = run.endTime ?? (run.startTime ? Date.now() / 1000 : null);

  return (
    <>
      <h1>
        Run <span className="mono">{run.runId}</span> <StatusTag status={run.status} />
      </h1>
      <dl className="run-facts">
        <dt>Pipeline</dt>
        <dd>
          <Link to={`/locations/${encodeURIComponent(run.location)}/pipelines/${encodeURIComponent(run.pipelineName)}`}>
            {run.pipelineName}
          </Link>{" "}
          <span className="muted">@ {run.location}, mode {run.mode}</span>
        </dd>
        <dt>Started</dt>
        <dd>
          {formatTime(run.startTime ?? run.createdAt)} · {formatDuration(run.startTime && end ? end - run.startTime : null)}
        </dd>
        {partition && (
          <>
            <dt>Partition</dt>
            <dd>{partition}</dd>
          </>
        )}
        {run.parentRunId && (
          <>
            <dt>Parent run</dt>
            <dd>
              <Link className="mono" data-testid="parent-run" to={`/runs/${run.parentRunId}`}>
                {run.parentRunId}
              </Link>
              {run.rootRunId && run.rootRunId !== run.parentRunId && (
                <>
                  {" "}
                  · root{" "}
                  <Link className="mono" to={`/runs/${run.rootRunId}`}>
                    {run.rootRunId}
                  </Link>
                </>
              )}
            </dd>
          </>
        )}
        {children && children.count > 0 && (
          <>
            <dt>Child runs</dt>
            <dd data-testid="child-runs">
              {children.nodes.map((child) => (
                <span key={child.runId} className="child-run">
                  <Link className="mono" to={`/runs/${child.runId}`}>
                    {child.runId}
                  </Link>{" "}
                  <StatusTag status={child.status} />
                </span>
              ))}
              {children.count > children.nodes.length && (
                <span className="muted"> and {children.count - children.nodes.length} more</span>
              )}
            </dd>
          </>
        )}
        {run.stepSelection && (
          <>
            <dt>Steps</dt>
            <dd className="mono">{run.stepSelection.join(", ")}</dd>
          </>
        )}
        {run.tags.length > 0 && (
          <>
            <dt>Tags</dt>
            <dd>
              {run.tags.map((t) => (
                <span className="tag" key={t.key}>
                  {t.key}={t.value}
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
      <div className="actions">
        <button disabled={!canTerminate || busy} onClick={() => void terminate()}>
          Terminate
        </button>
        <button disabled={live || busy} onClick={() => void reexecute(false, null)}>
          Re-execute all
        </button>
        <button disabled={!failedOrCanceled || busy} onClick={() => void reexecute(true, null)}>
          Re-execute from failure
        </button>
        <input
          aria-label="Step selection"
          placeholder="more steps, e.g. process_file[*]"
          value={selectionText}
          onChange={(e) => setSelectionText(e.target.value)}
        />
        <button disabled={live || busy || chosen.length === 0} onClick={() => void reexecute(false, chosen)}>
          Re-execute selected ({chosen.length})
        </button>
      </div>
      {actionError && <ErrorMessage title={actionError} />}
      <h2>Timeline</h2>
      <Timeline
        steps={run.stepStats}
        runStart={run.startTime ?? null}
        runEnd={run.endTime ?? null}
        selection={selection}
        onToggle={(key) => {
          const next = new Set(selection);
          if (next.has(key)) next.delete(key);
          else next.add(key);
          setSelection(next);
        }}
      />
      {run.stepFailures.length > 0 && (
        <>
          <h2>Step failures</h2>
          {run.stepFailures.map((f) => (
            <details className="failure" key={f.cursor} open={run.stepFailures.length <= 3} data-step={f.stepKey}>
              <summary>
                <span className="mono">{f.stepKey}</span> {f.eventType === "STEP_UP_FOR_RETRY" ? "(retried)" : ""}{" "}
                {f.error ? `${f.error.className}: ${f.error.message}` : f.message}
              </summary>
              {f.error?.stack && <pre className="stack">{f.error.stack}</pre>}
              {f.error?.cause && <pre className="stack">{f.error.cause}</pre>}
            </details>
          ))}
        </>
      )}
      <h2>Logs</h2>
      {logs.error && <ErrorMessage title={logs.error} />}
      <Logs events={logs.events} complete={logs.complete} />
    </>
  );
}
