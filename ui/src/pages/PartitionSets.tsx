import { Link } from "react-router-dom";
import { useQuery } from "../api";
import { QueryStatus, ResultError } from "../components/Status";
import { graphql } from "../gql";

const PARTITION_SETS = graphql(`
  query PartitionSets {
    partitionSets {
      __typename
      ... on PartitionSetConnection {
        nodes {
          name
          location
          pipelineName
          mode
          description
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

/** Partition sets, grouped by the pipeline (and location) they run. */
export default function PartitionSetsPage() {
  const { data, error, loading } = useQuery(PARTITION_SETS, {});
  const result = data?.partitionSets;
  const byPipeline = new Map<string, { location: string; pipeline: string; sets: { name: string; mode: string; description: string }[] }>();
  if (result?.__typename === "PartitionSetConnection") {
    for (const ps of result.nodes) {
      const key = `${ps.location}\u0000${ps.pipelineName}`;
      if (!byPipeline.has(key)) byPipeline.set(key, { location: ps.location, pipeline: ps.pipelineName, sets: [] });
      byPipeline.get(key)!.sets.push(ps);
    }
  }
  return (
    <section>
      <h1>Partition sets</h1>
      <QueryStatus error={error} loading={loading && !data} />
      {result && result.__typename !== "PartitionSetConnection" && <ResultError result={result} />}
      {result?.__typename === "PartitionSetConnection" && byPipeline.size === 0 && (
        <p className="muted">No loaded code location defines a partition set.</p>
      )}
      {[...byPipeline.values()].map((group) => (
        <div key={`${group.location}/${group.pipeline}`} className="card" data-pipeline={group.pipeline}>
          <h2>
            <Link to={`/locations/${encodeURIComponent(group.location)}/pipelines/${encodeURIComponent(group.pipeline)}`}>
              {group.pipeline}
            </Link>{" "}
            <span className="muted">@ {group.location}</span>
          </h2>
          <ul>
            {group.sets.map((ps) => (
              <li key={ps.name}>
                <Link to={`/partitions/${encodeURIComponent(ps.name)}`}>{ps.name}</Link>{" "}
                <span className="muted">
                  mode {ps.mode}
                  {ps.description ? ` · ${ps.description}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
