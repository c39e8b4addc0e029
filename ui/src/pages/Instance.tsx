import { Link } from "react-router-dom";
import { useQuery } from "../api";
import { formatTime, QueryStatus, ResultError, StatusTag } from "../components/Status";
import { graphql } from "../gql";

const INSTANCE = graphql(`
  query Instance {
    instance {
      processId
      isDaemonLeader
      daemonLeader {
        holder
        term
        expiresAt
        expiresIn
      }
      daemonHeartbeats {
        daemonType
        daemonId
        timestamp
        age
      }
      maxConcurrentRuns
      backfillChunkSize
      backfillIntervalSeconds
      leaseTtlSeconds
    }
    inFlight: runs(filter: { statuses: [STARTING, STARTED, CANCELING] }, limit: 100) {
      __typename
      ... on RunConnection {
        count
        nodes {
          runId
          pipelineName
          status
          startTime
        }
      }
      ... on Error {
        message
      }
    }
    queued: runs(filter: { statuses: [QUEUED] }, limit: 1) {
      __typename
      ... on RunConnection {
        count
      }
    }
  }
`);

/** The instance: who leads the daemon, heartbeats and their age, queue settings, runs in
 * flight; live. */
export default function InstancePage() {
  const { data, error, loading } = useQuery(INSTANCE, {}, { pollMs: 2000 });
  const instance = data?.instance;
  const leader = instance?.daemonLeader;
  return (
    <section>
      <h1>Instance</h1>
      <QueryStatus error={error} loading={loading && !data} />
      {instance && (
        <>
          <h2>Daemon</h2>
          <dl className="run-facts" data-testid="daemon-leader">
            <dt>Leader</dt>
            <dd>
              {leader && leader.expiresIn > 0 ? (
                <>
                  <span className="mono">{leader.holder}</span>
                  {leader.holder === instance.processId ? " (this server)" : ""} · term {leader.term} · lease
                  expires in {leader.expiresIn.toFixed(1)} s
                </>
              ) : leader ? (
                <>
                  none: the lease of <span className="mono">{leader.holder}</span> (term {leader.term}) expired{" "}
                  {(-leader.expiresIn).toFixed(1)} s ago
                </>
              ) : (
                "no process has taken the daemon lease"
              )}
            </dd>
            <dt>This server</dt>
            <dd>
              <span className="mono">{instance.processId}</span>{" "}
              {instance.isDaemonLeader ? "leads the daemon" : "does not lead the daemon"}
            </dd>
          </dl>
          <table className="grid heartbeats">
            <thead>
              <tr>
                <th>Daemon</th>
                <th>Process</th>
                <th>Last heartbeat</th>
                <th>Age</th>
              </tr>
            </thead>
            <tbody>
              {instance.daemonHeartbeats.map((h) => (
                <tr key={h.daemonType} data-daemon={h.daemonType}>
                  <td>{h.daemonType}</td>
                  <td className="mono">{h.daemonId}</td>
                  <td>{formatTime(h.timestamp)}</td>
                  <td className={h.age > instance.leaseTtlSeconds ? "stale" : ""}>{h.age.toFixed(1)} s</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Settings</h2>
          <dl className="run-facts" data-testid="settings">
            <dt>run_queue.max_concurrent_runs</dt>
            <dd>{instance.maxConcurrentRuns}</dd>
            <dt>backfill_daemon.chunk_size</dt>
            <dd>{instance.backfillChunkSize}</dd>
            <dt>backfill_daemon.interval_seconds</dt>
            <dd>{instance.backfillIntervalSeconds}</dd>
            <dt>daemon_lease.ttl_seconds</dt>
            <dd>{instance.leaseTtlSeconds}</dd>
          </dl>
        </>
      )}
      {data?.inFlight.__typename === "RunConnection" && (
        <>
          <h2>
            In flight: {data.inFlight.count} of {instance?.maxConcurrentRuns}
            {data.queued.__typename === "RunConnection" ? ` · ${data.queued.count} queued` : ""}
          </h2>
          <ul data-testid="in-flight">
            {data.inFlight.nodes.map((r) => (
              <li key={r.runId}>
                <StatusTag status={r.status} />{" "}
                <Link className="mono" to={`/runs/${r.runId}`}>
                  {r.runId.slice(0, 8)}
                </Link>{" "}
                {r.pipelineName} <span className="muted">since {formatTime(r.startTime)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {data && data.inFlight.__typename !== "RunConnection" && <ResultError result={data.inFlight} />}
    </section>
  );
}
