import { useState } from "react";
import { Link } from "react-router-dom";
import { ApiError, request, useQuery } from "../api";
import { ErrorMessage, QueryStatus, ResultError, StatusTag } from "../components/Status";
import { graphql } from "../gql";

const LOCATIONS = graphql(`
  query CodeLocations {
    codeLocations {
      __typename
      ... on CodeLocationConnection {
        nodes {
          name
          address
          status
          error
          serverId
          repositoryName
          pipelines {
            name
            description
          }
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const RELOAD = graphql(`
  mutation ReloadCodeLocation($name: String!) {
    reloadCodeLocation(name: $name) {
      __typename
      ... on CodeLocation {
        name
        status
        error
      }
      ... on Error {
        message
      }
    }
  }
`);

export function CodeLocationsPage() {
  const { data, error, loading, refetch } = useQuery(LOCATIONS, {}, { pollMs: 3000 });
  const [reloading, setReloading] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Record<string, string>>({});

  async function reload(name: string) {
    setReloading(name);
    try {
      const result = (await request(RELOAD, { name })).reloadCodeLocation;
      const text =
        result.__typename === "CodeLocation"
          ? `Reloaded: ${result.status}${result.error ? ` (${result.error.split("\n")[0]})` : ""}`
          : `Reload failed: ${result.message}`;
      setOutcome((o) => ({ ...o, [name]: text }));
    } catch (e) {
      setOutcome((o) => ({ ...o, [name]: `Reload failed: ${(e as ApiError).message}` }));
    } finally {
      setReloading(null);
      await refetch();
    }
  }

  const result = data?.codeLocations;
  return (
    <section>
      <h1>Code locations</h1>
      <QueryStatus error={error} loading={loading && !data} />
      {result && result.__typename !== "CodeLocationConnection" && <ResultError result={result} />}
      {result?.__typename === "CodeLocationConnection" &&
        (result.nodes.length === 0 ? (
          <ErrorMessage title="The workspace has no code locations." />
        ) : (
          result.nodes.map((location) => (
            <article className="card location" key={location.name} data-location={location.name}>
              <header className="card-head">
                <h2>{location.name}</h2>
                <StatusTag status={location.status} />
                <span className="muted">
                  {location.address}
                  {location.repositoryName && ` · repository ${location.repositoryName}`}
                </span>
                <button
                  onClick={() => void reload(location.name)}
                  disabled={reloading === location.name}
                >
                  {reloading === location.name ? "Reloading…" : "Reload"}
                </button>
              </header>
              {outcome[location.name] && (
                <p className="muted reload-outcome">{outcome[location.name]}</p>
              )}
              {location.error && (
                <div className="error-box">
                  <strong>Load error</strong>
                  <pre className="stack">{location.error}</pre>
                </div>
              )}
              {location.pipelines.length > 0 && (
                <table className="grid">
                  <thead>
                    <tr>
                      <th>Pipeline</th>
                      <th>Description</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {location.pipelines.map((p) => {
                      const base = `/locations/${encodeURIComponent(location.name)}/pipelines/${encodeURIComponent(p.name)}`;
                      return (
                        <tr key={p.name}>
                          <td>
                            <Link to={base}>{p.name}</Link>
                          </td>
                          <td>{p.description}</td>
                          <td>
                            <Link to={`${base}/launchpad`}>Launchpad</Link>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
            </article>
          ))
        ))}
    </section>
  );
}
