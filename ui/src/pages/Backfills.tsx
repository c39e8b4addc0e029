import { Link } from "react-router-dom";
import { useQuery } from "../api";
import { formatTime, QueryStatus, ResultError, StatusTag } from "../components/Status";
import { ProgressBar } from "../backfills/Progress";
import { graphql } from "../gql";

const BACKFILLS = graphql(`
  query Backfills {
    backfills(limit: 100) {
      __typename
      ... on BackfillConnection {
        nodes {
          ...BackfillFields
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

/** Backfills, newest first, with their status and progress; live. */
export default function BackfillsPage() {
  const { data, error, loading } = useQuery(BACKFILLS, {}, { pollMs: 2000 });
  const result = data?.backfills;
  return (
    <section>
      <h1>Backfills</h1>
      <QueryStatus error={error} loading={loading && !data} />
      {result && result.__typename !== "BackfillConnection" && <ResultError result={result} />}
      {result?.__typename === "BackfillConnection" && (
        <table className="grid backfills">
          <thead>
            <tr>
              <th>Backfill</th>
              <th>Status</th>
              <th>Partition set</th>
              <th>Progress</th>
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            {result.nodes.map((b) => (
              <tr key={b.backfillId} data-backfill-id={b.backfillId}>
                <td>
                  <Link className="mono" to={`/backfills/${b.backfillId}`}>
                    {b.backfillId}
                  </Link>
                  {b.fromFailure && <span className="tag">from failure</span>}
                </td>
                <td>
                  <StatusTag status={b.progress.state} />
                </td>
                <td>
                  <Link to={`/partitions/${encodeURIComponent(b.partitionSet)}`}>{b.partitionSet}</Link>
                </td>
                <td>
                  <ProgressBar progress={b.progress} />
                </td>
                <td>{formatTime(b.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
