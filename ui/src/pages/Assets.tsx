import { Link, useSearchParams } from "react-router-dom";
import { useQuery } from "../api";
import { formatTime, QueryStatus, ResultError } from "../components/Status";
import { assetPath } from "../assets/LineageGraph";
import { graphql } from "../gql";

const ASSETS = graphql(`
  query Assets {
    assets {
      __typename
      ... on AssetConnection {
        nodes {
          key {
            key
          }
          materializationCount
          latestMaterialization {
            timestamp
            runId
            partition
          }
          definedBy {
            pipeline
          }
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

/** The asset catalog: key prefixes as folders (`?prefix=sales/`), or a search over keys. */
export default function AssetsPage() {
  const [params, setParams] = useSearchParams();
  const prefix = params.get("prefix") ?? "";
  const search = params.get("q") ?? "";
  const { data, error, loading } = useQuery(ASSETS, {});
  const result = data?.assets;
  const all = result?.__typename === "AssetConnection" ? result.nodes : [];
  const folders = new Map<string, number>();
  const here: typeof all = [];
  if (search) {
    here.push(...all.filter((a) => a.key.key.toLowerCase().includes(search.toLowerCase())));
  } else {
    for (const asset of all) {
      if (!asset.key.key.startsWith(prefix)) continue;
      const rest = asset.key.key.slice(prefix.length);
      const slash = rest.indexOf("/");
      if (slash < 0) here.push(asset);
      else folders.set(rest.slice(0, slash + 1), (folders.get(rest.slice(0, slash + 1)) ?? 0) + 1);
    }
  }
  const crumbs = prefix.split("/").filter(Boolean);
  return (
    <section>
      <h1>Assets</h1>
      <div className="filters">
        <input
          aria-label="Search assets"
          placeholder="search by key"
          value={search}
          onChange={(e) => setParams(e.target.value ? { q: e.target.value } : prefix ? { prefix } : {})}
        />
      </div>
      {!search && (
        <nav className="crumbs" aria-label="Key prefix">
          <Link to="/catalog">all</Link>
          {crumbs.map((c, i) => (
            <span key={i}>
              {" / "}
              <Link to={`/catalog?prefix=${encodeURIComponent(crumbs.slice(0, i + 1).join("/") + "/")}`}>{c}</Link>
            </span>
          ))}
        </nav>
      )}
      <QueryStatus error={error} loading={loading && !data} />
      {result && result.__typename !== "AssetConnection" && <ResultError result={result} />}
      <table className="grid assets">
        <thead>
          <tr>
            <th>Key</th>
            <th>Materializations</th>
            <th>Latest</th>
            <th>Partition</th>
            <th>Defined by</th>
          </tr>
        </thead>
        <tbody>
          {[...folders.entries()].map(([folder, count]) => (
            <tr key={folder} data-folder={prefix + folder}>
              <td colSpan={5}>
                📁{" "}
                <Link to={`/catalog?prefix=${encodeURIComponent(prefix + folder)}`}>{folder}</Link>{" "}
                <span className="muted">{count} assets</span>
              </td>
            </tr>
          ))}
          {here.map((a) => (
            <tr key={a.key.key} data-asset={a.key.key}>
              <td>
                <Link to={assetPath(a.key.key)}>{search ? a.key.key : a.key.key.slice(prefix.length)}</Link>
              </td>
              <td>{a.materializationCount}</td>
              <td>
                {a.latestMaterialization ? (
                  <>
                    {formatTime(a.latestMaterialization.timestamp)}{" "}
                    <Link className="mono" to={`/runs/${a.latestMaterialization.runId}`}>
                      {a.latestMaterialization.runId.slice(0, 8)}
                    </Link>
                  </>
                ) : (
                  <span className="muted">never</span>
                )}
              </td>
              <td>{a.latestMaterialization?.partition ?? ""}</td>
              <td>{[...new Set(a.definedBy.map((d) => d.pipeline))].join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
