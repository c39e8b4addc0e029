import { useEffect, useMemo, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { request, useQuery } from "../api";
import { MetadataChart, numericSeries } from "../assets/Chart";
import { mergeLineage } from "../assets/lineage";
import { LineageGraph } from "../assets/LineageGraph";
import { ErrorMessage, formatTime, QueryStatus, ResultError } from "../components/Status";
import { graphql } from "../gql";
import type { MaterializationFieldsFragment } from "../gql/graphql";

graphql(`
  fragment MaterializationFields on AssetMaterialization {
    cursor
    runId
    stepKey
    timestamp
    partition
    description
    metadata
  }
`);

const ASSET = graphql(`
  query Asset($key: String!) {
    asset(key: $key) {
      __typename
      ... on Asset {
        key {
          key
        }
        materializationCount
        wipedAt
        definedBy {
          location
          pipeline
          solid
          output
        }
        latestMaterialization {
          ...MaterializationFields
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const HISTORY = graphql(`
  query AssetHistory($key: String!, $cursor: String) {
    asset(key: $key) {
      __typename
      ... on Asset {
        materializations(limit: 20, cursor: $cursor) {
          __typename
          ... on AssetMaterializationConnection {
            cursor
            hasMore
            nodes {
              ...MaterializationFields
            }
          }
          ... on Error {
            message
          }
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const LINEAGE = graphql(`
  query AssetLineage($key: String!, $depth: Int) {
    asset(key: $key) {
      __typename
      ... on Asset {
        upstream: lineage(direction: UPSTREAM, depth: $depth) {
          __typename
          ... on AssetLineage {
            nodes {
              ...LineageFields
            }
          }
          ... on Error {
            message
          }
        }
        downstream: lineage(direction: DOWNSTREAM, depth: $depth) {
          __typename
          ... on AssetLineage {
            nodes {
              ...LineageFields
            }
          }
          ... on Error {
            message
          }
        }
      }
      ... on Error {
        message
      }
    }
  }

  fragment LineageFields on LineageEntry {
    key {
      key
    }
    above {
      key
    }
    depth
    truncated
  }
`);

const WIPE = graphql(`
  mutation WipeAsset($key: String!) {
    wipeAsset(key: $key) {
      __typename
      ... on WipeAssetSuccess {
        wiped
      }
      ... on Error {
        message
      }
    }
  }
`);

/** One asset: its latest materialization, paged history with metadata charts, lineage graph
 * up and down to a chosen depth, and wiping. */
export default function AssetPage() {
  const params = useParams();
  const key = params["*"] ?? "";
  const { data, error, loading, refetch } = useQuery(ASSET, { key });
  const result = data?.asset;
  return (
    <section className="asset-page">
      <QueryStatus error={error} loading={loading && !data} />
      {result && result.__typename !== "Asset" && <ResultError result={result} />}
      {result?.__typename === "Asset" && (
        <>
          <h1>
            <Link to="/catalog">Assets</Link> / <span className="mono">{result.key.key}</span>
          </h1>
          <dl className="run-facts">
            <dt>Materializations</dt>
            <dd data-testid="materialization-count">{result.materializationCount}</dd>
            <dt>Defined by</dt>
            <dd>
              {result.definedBy.length === 0
                ? "no loaded code location"
                : result.definedBy.map((d) => (
                    <span key={`${d.location}/${d.pipeline}/${d.solid}/${d.output}`} className="tag">
                      <Link to={`/locations/${encodeURIComponent(d.location)}/pipelines/${encodeURIComponent(d.pipeline)}`}>
                        {d.pipeline}
                      </Link>{" "}
                      {d.solid}.{d.output}
                    </span>
                  ))}
            </dd>
            {result.wipedAt && (
              <>
                <dt>Wiped</dt>
                <dd>{formatTime(result.wipedAt)}</dd>
              </>
            )}
            <dt>Latest</dt>
            <dd data-testid="latest-materialization">
              {result.latestMaterialization ? (
                <MaterializationSummary m={result.latestMaterialization} />
              ) : (
                <span className="muted">never materialized</span>
              )}
            </dd>
          </dl>
          <Lineage assetKey={key} />
          <History assetKey={key} version={result.materializationCount} />
          <Wipe assetKey={key} onWiped={() => void refetch()} />
        </>
      )}
    </section>
  );
}

function MaterializationSummary({ m }: { m: MaterializationFieldsFragment }) {
  return (
    <>
      {formatTime(m.timestamp)} · run{" "}
      <Link className="mono" to={`/runs/${m.runId}`}>
        {m.runId.slice(0, 8)}
      </Link>{" "}
      · step <span className="mono">{m.stepKey}</span>
      {m.partition ? ` · partition ${m.partition}` : ""}
    </>
  );
}

const DEFAULT_DEPTH = 2;

/** The lineage graph, up and down to the depth in the URL (`?depth=3`, `?depth=all`). */
function Lineage({ assetKey }: { assetKey: string }) {
  const [params, setParams] = useSearchParams();
  const asked = params.get("depth");
  const depth = asked === "all" ? 0 : Number(asked) > 0 ? Number(asked) : DEFAULT_DEPTH;
  const setDepth = (d: number) => setParams({ depth: d > 0 ? String(d) : "all" }, { replace: true });
  const { data, error, loading } = useQuery(LINEAGE, { key: assetKey, depth: depth > 0 ? depth : null });
  const asset = data?.asset.__typename === "Asset" ? data.asset : null;
  const graph = useMemo(() => {
    if (!asset || asset.upstream.__typename !== "AssetLineage" || asset.downstream.__typename !== "AssetLineage") return null;
    return mergeLineage(asset.upstream.nodes, asset.downstream.nodes);
  }, [asset]);
  return (
    <>
      <h2>Lineage</h2>
      <div className="filters">
        <label>
          depth{" "}
          <select aria-label="Lineage depth" value={depth} onChange={(e) => setDepth(Number(e.target.value))}>
            {[1, 2, 3, 5, 10].map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
            <option value={0}>all</option>
          </select>
        </label>
        <span className="muted">upstream and downstream</span>
      </div>
      <QueryStatus error={error} loading={loading && !data} />
      {asset?.upstream.__typename !== "AssetLineage" && asset && <ResultError result={asset.upstream} />}
      {graph && <LineageGraph graph={graph} root={assetKey} />}
    </>
  );
}

function History({ assetKey, version }: { assetKey: string; version: number }) {
  const [pages, setPages] = useState<MaterializationFieldsFragment[][]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const { data, error, loading } = useQuery(HISTORY, { key: assetKey, cursor });
  useEffect(() => {
    setPages([]);
    setCursor(null);
  }, [assetKey, version]);
  const page = data?.asset.__typename === "Asset" ? data.asset.materializations : null;
  useEffect(() => {
    if (page?.__typename !== "AssetMaterializationConnection") return;
    setPages((loaded) => (cursor === null ? [page.nodes] : [...loaded, page.nodes]));
    setNext(page.hasMore ? (page.cursor ?? null) : null);
  }, [page, cursor]);
  const rows = pages.flat();
  const series = numericSeries(rows);
  return (
    <>
      <h2>History</h2>
      <QueryStatus error={error} loading={loading && !data} />
      {series.length > 0 && (
        <div className="charts">
          {series.map(([label, points]) => (
            <MetadataChart key={label} label={label} points={points} />
          ))}
        </div>
      )}
      <table className="grid materializations" data-testid="history">
        <thead>
          <tr>
            <th>When</th>
            <th>Partition</th>
            <th>Run</th>
            <th>Step</th>
            <th>Metadata</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.cursor}>
              <td>{formatTime(m.timestamp)}</td>
              <td>{m.partition ?? ""}</td>
              <td>
                <Link className="mono" to={`/runs/${m.runId}`}>
                  {m.runId.slice(0, 8)}
                </Link>
              </td>
              <td className="mono">{m.stepKey}</td>
              <td className="mono">
                {Object.entries((m.metadata ?? {}) as Record<string, unknown>)
                  .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
                  .join(", ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {next && <button onClick={() => setCursor(next)}>Older</button>}
    </>
  );
}

function Wipe({ assetKey, onWiped }: { assetKey: string; onWiped: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function wipe() {
    try {
      const r = (await request(WIPE, { key: assetKey })).wipeAsset;
      if (r.__typename !== "WipeAssetSuccess") setProblem(r.message);
      else {
        setConfirming(false);
        onWiped();
      }
    } catch (e) {
      setProblem((e as Error).message);
    }
  }
  return (
    <div className="actions wipe">
      {!confirming ? (
        <button onClick={() => setConfirming(true)}>Wipe materializations…</button>
      ) : (
        <>
          <span>Remove every materialization of {assetKey} from the catalog? The event log keeps them.</span>
          <button className="danger" onClick={() => void wipe()}>
            Wipe {assetKey}
          </button>
          <button onClick={() => setConfirming(false)}>Keep</button>
        </>
      )}
      {problem && <ErrorMessage title={problem} />}
    </div>
  );
}
