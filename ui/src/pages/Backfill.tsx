import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { request, useQuery } from "../api";
import { ErrorMessage, formatTime, QueryStatus, ResultError, StatusTag } from "../components/Status";
import { ProgressBar } from "../backfills/Progress";
import { BACKFILL, CANCEL_BACKFILL } from "../backfills/queries";
import type { BackfillQuery } from "../gql/graphql";

type BackfillData = Extract<BackfillQuery["backfill"], { __typename: "Backfill" }>;
const POLL_MS = 1000;
const ROW_H = 24;

/** One backfill: counts by status, each partition's status and run, cancel buttons; live
 * until it has finished. */
export default function BackfillPage() {
  const { backfillId = "" } = useParams();
  const [live, setLive] = useState(true);
  const { data, error, loading, refetch } = useQuery(
    BACKFILL,
    { id: backfillId, withPartitions: true },
    { pollMs: live ? POLL_MS : undefined },
  );
  const result = data?.backfill;
  const finished = result?.__typename === "Backfill" && result.progress.finished;
  if (finished && live) setLive(false);
  return (
    <section>
      <QueryStatus error={error} loading={loading && !data} />
      {result && result.__typename !== "Backfill" && <ResultError result={result} />}
      {result?.__typename === "Backfill" && <BackfillView backfill={result} refetch={refetch} onChange={() => setLive(true)} />}
    </section>
  );
}

function BackfillView({ backfill, refetch, onChange }: { backfill: BackfillData; refetch: () => Promise<void>; onChange: () => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [statusFilter, setStatusFilter] = useState("");
  const partitions = useMemo(
    () => (backfill.partitionStatuses ?? []).filter((p) => !statusFilter || p.status === statusFilter),
    [backfill.partitionStatuses, statusFilter],
  );
  const { queued, inProgress } = backfill.progress;
  const open = backfill.status === "REQUESTED" || backfill.status === "COMPLETED";

  async function cancel(terminate: boolean) {
    setBusy(true);
    setProblem(null);
    try {
      const r = (await request(CANCEL_BACKFILL, { id: backfill.backfillId, terminate })).cancelBackfill;
      if (r.__typename !== "CancelBackfillSuccess") setProblem(r.message);
      onChange();
      await refetch();
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>
        Backfill <span className="mono">{backfill.backfillId}</span> <StatusTag status={backfill.progress.state} />
      </h1>
      <dl className="run-facts">
        <dt>Partition set</dt>
        <dd>
          <Link to={`/partitions/${encodeURIComponent(backfill.partitionSet)}?backfill=${backfill.backfillId}`}>
            {backfill.partitionSet}
          </Link>{" "}
          <span className="muted">@ {backfill.location}</span>
        </dd>
        <dt>Created</dt>
        <dd>{formatTime(backfill.createdAt)}</dd>
        {backfill.fromFailure && (
          <>
            <dt>Mode</dt>
            <dd>from failure</dd>
          </>
        )}
        {backfill.tags.length > 0 && (
          <>
            <dt>Tags</dt>
            <dd>
              {backfill.tags.map((t) => (
                <span className="tag" key={t.key}>
                  {t.key}={t.value}
                </span>
              ))}
            </dd>
          </>
        )}
        <dt>Daemon</dt>
        <dd>
          {backfill.daemonHeartbeatAge == null
            ? "no backfill daemon has reported"
            : `last heartbeat ${backfill.daemonHeartbeatAge.toFixed(1)} s ago`}
        </dd>
      </dl>
      {backfill.error && <ErrorMessage title="Submission failed">{backfill.error}</ErrorMessage>}
      <ProgressBar progress={backfill.progress} counts />
      <div className="actions">
        <button
          disabled={busy || !(backfill.status === "REQUESTED" || (open && queued > 0))}
          onClick={() => void cancel(false)}
        >
          Cancel submission
        </button>
        <button
          disabled={busy || !(backfill.status === "REQUESTED" || (open && queued + inProgress > 0))}
          onClick={() => void cancel(true)}
        >
          Cancel and terminate
        </button>
      </div>
      {problem && <ErrorMessage title={problem} />}
      <h2>Partitions</h2>
      <div className="filters">
        <select aria-label="Partition status" value={statusFilter} onChange={(e) => setStatusFilter(e.target.value)}>
          <option value="">every status</option>
          {["NOT_SUBMITTED", "SKIPPED", "QUEUED", "IN_PROGRESS", "SUCCEEDED", "FAILED", "CANCELED"].map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <span className="muted">{partitions.length} partitions</span>
      </div>
      <PartitionList partitions={partitions} />
    </>
  );
}

function PartitionList({ partitions }: { partitions: NonNullable<BackfillData["partitionStatuses"]> }) {
  const box = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({
    count: partitions.length,
    getScrollElement: () => box.current,
    estimateSize: () => ROW_H,
    overscan: 20,
  });
  return (
    <div className="partition-list" ref={box} data-testid="backfill-partitions">
      <div style={{ height: rows.getTotalSize(), position: "relative" }}>
        {rows.getVirtualItems().map((item) => {
          const p = partitions[item.index];
          return (
            <div
              key={item.key}
              className="partition-row"
              data-partition={p.partition}
              data-status={p.status}
              style={{ top: item.start, height: ROW_H }}
            >
              <span className="mono">{p.partition}</span>
              <StatusTag status={p.status} />
              {p.runId && (
                <Link className="mono" to={`/runs/${p.runId}`}>
                  {p.runId.slice(0, 8)}
                </Link>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
