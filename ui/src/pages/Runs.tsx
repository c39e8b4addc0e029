import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useQuery } from "../api";
import { formatDuration, formatTime, QueryStatus, ResultError, StatusTag } from "../components/Status";
import { graphql } from "../gql";
import type { RunStatus } from "../gql/graphql";

const RUNS = graphql(`
  query Runs($filter: RunsFilter, $limit: Int!, $cursor: String) {
    runs(filter: $filter, limit: $limit, cursor: $cursor) {
      __typename
      ... on RunConnection {
        count
        cursor
        hasMore
        nodes {
          runId
          pipelineName
          location
          status
          createdAt
          startTime
          endTime
          tags {
            key
            value
          }
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const RUN_STATUSES: RunStatus[] = [
  "QUEUED",
  "STARTING",
  "STARTED",
  "SUCCESS",
  "FAILURE",
  "CANCELING",
  "CANCELED",
];
const PAGE_SIZE = 50;
export const PARTITION_TAG = "lodestar/partition";

function parseTag(text: string): { key: string; value: string } | null {
  const at = text.indexOf("=");
  return at > 0 ? { key: text.slice(0, at).trim(), value: text.slice(at + 1).trim() } : null;
}

/** Runs, newest first: filters and the page cursor live in the URL, so every view is a link. */
export function RunsPage() {
  const [params, setParams] = useSearchParams();
  const statuses = params.getAll("status") as RunStatus[];
  const pipeline = params.get("pipeline") ?? "";
  const tags = params.getAll("tag").map(parseTag).filter((t) => t !== null);
  const cursor = params.get("cursor");
  // Cursors of the pages before this one, for "Previous".
  const [previous, setPrevious] = useState<(string | null)[]>([]);

  const filter = {
    statuses: statuses.length ? statuses : null,
    pipelineName: pipeline || null,
    tags: tags.length ? tags : null,
  };
  const { data, error, loading } = useQuery(
    RUNS,
    { filter, limit: PAGE_SIZE, cursor },
    { pollMs: 2000 },
  );

  function update(change: (p: URLSearchParams) => void) {
    const next = new URLSearchParams(params);
    change(next);
    next.delete("cursor");
    setPrevious([]);
    setParams(next);
  }
  function goTo(nextCursor: string | null, back: boolean) {
    const next = new URLSearchParams(params);
    if (nextCursor) next.set("cursor", nextCursor);
    else next.delete("cursor");
    setPrevious(back ? previous.slice(0, -1) : [...previous, cursor]);
    setParams(next);
  }

  const result = data?.runs;
  return (
    <section>
      <h1>Runs</h1>
      <div className="filters">
        <fieldset className="status-filter">
          {RUN_STATUSES.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={statuses.includes(s)}
                onChange={(e) =>
                  update((p) => {
                    const chosen = e.target.checked
                      ? [...statuses, s]
                      : statuses.filter((x) => x !== s);
                    p.delete("status");
                    chosen.forEach((c) => p.append("status", c));
                  })
                }
              />
              {s}
            </label>
          ))}
        </fieldset>
        <FilterInput
          label="Pipeline"
          initial={pipeline}
          onApply={(v) => update((p) => (v ? p.set("pipeline", v) : p.delete("pipeline")))}
        />
        <FilterInput
          label="Tag key=value"
          initial={params.getAll("tag").join(", ")}
          onApply={(v) =>
            update((p) => {
              p.delete("tag");
              v.split(",")
                .map((t) => t.trim())
                .filter((t) => parseTag(t))
                .forEach((t) => p.append("tag", t));
            })
          }
        />
      </div>
      <QueryStatus error={error} loading={loading && !data} />
      {result && result.__typename !== "RunConnection" && <ResultError result={result} />}
      {result?.__typename === "RunConnection" && (
        <>
          <p className="muted">
            {result.count} run{result.count === 1 ? "" : "s"}
          </p>
          <table className="grid runs">
            <thead>
              <tr>
                <th>Run</th>
                <th>Status</th>
                <th>Pipeline</th>
                <th>Partition</th>
                <th>Tags</th>
                <th>Created</th>
                <th>Duration</th>
              </tr>
            </thead>
            <tbody>
              {result.nodes.map((run) => {
                const end = run.endTime ?? (run.startTime ? Date.now() / 1000 : null);
                return (
                  <tr key={run.runId} data-run-id={run.runId}>
                    <td>
                      <Link to={`/runs/${run.runId}`} className="mono">
                        {run.runId.slice(0, 8)}
                      </Link>
                    </td>
                    <td>
                      <StatusTag status={run.status} />
                    </td>
                    <td>{run.pipelineName}</td>
                    <td>{run.tags.find((t) => t.key === PARTITION_TAG)?.value ?? ""}</td>
                    <td>
                      {run.tags.map((t) => (
                        <span className="tag" key={t.key}>
                          {t.key}={t.value}
                        </span>
                      ))}
                    </td>
                    <td>{formatTime(run.createdAt)}</td>
                    <td>{formatDuration(run.startTime && end ? end - run.startTime : null)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="pager">
            <button disabled={!cursor} onClick={() => goTo(previous.at(-1) ?? null, true)}>
              Previous
            </button>
            <button disabled={!result.hasMore} onClick={() => goTo(result.cursor ?? null, false)}>
              Next
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function FilterInput(props: { label: string; initial: string; onApply: (value: string) => void }) {
  const [value, setValue] = useState(props.initial);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        props.onApply(value.trim());
      }}
    >
      <input
        aria-label={props.label}
        placeholder={props.label}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => value.trim() !== props.initial && props.onApply(value.trim())}
      />
    </form>
  );
}
