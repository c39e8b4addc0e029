import { useMemo, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { useQuery } from "../api";
import { ErrorMessage, QueryStatus, ResultError } from "../components/Status";
import type { PipelineQuery } from "../gql/graphql";
import type { GraphSolid } from "../graph/model";
import { PipelineGraph } from "../graph/PipelineGraph";
import { PIPELINE } from "./pipelineQuery";

type PipelineData = Extract<PipelineQuery["pipeline"], { __typename: "Pipeline" }>;
type SolidData = PipelineData["solids"][number];

/** The logical graph of a pipeline before any run, with solid details and search. */
export default function PipelinePage() {
  const { location = "", pipeline = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const selected = params.get("solid");
  const { data, error, loading } = useQuery(PIPELINE, { name: pipeline, location });
  const result = data?.pipeline;
  return (
    <section className="pipeline-page">
      <h1>
        {pipeline} <span className="muted">@ {location}</span>
        <Link className="button" to={`/locations/${encodeURIComponent(location)}/pipelines/${encodeURIComponent(pipeline)}/launchpad`}>
          Launchpad
        </Link>
        <Link className="button" to={`/runs?pipeline=${encodeURIComponent(pipeline)}`}>
          Runs
        </Link>
      </h1>
      <QueryStatus error={error} loading={loading} />
      {result && result.__typename !== "Pipeline" && <ResultError result={result} />}
      {result?.__typename === "Pipeline" && (
        <PipelineView
          pipeline={result}
          selected={selected}
          onSelect={(name) => {
            const next = new URLSearchParams(params);
            next.set("solid", name);
            setParams(next, { replace: true });
          }}
        />
      )}
    </section>
  );
}

function PipelineView(props: {
  pipeline: PipelineData;
  selected: string | null;
  onSelect: (name: string) => void;
}) {
  const { pipeline, selected, onSelect } = props;
  const [search, setSearch] = useState("");
  const [focus, setFocus] = useState<string | null>(selected);
  const solids: GraphSolid[] = useMemo(
    () =>
      pipeline.solids.map((s) => ({
        name: s.name,
        mappedDepth: s.mappedOver.length,
        inputs: s.inputs.map((i) => ({ name: i.name, kinds: i.sources.map((src) => src.kind) })),
        outputs: s.outputs.map((o) => ({ name: o.name, isDynamic: o.isDynamic })),
      })),
    [pipeline],
  );
  const edges = useMemo(
    () => pipeline.dependencies.map((d) => ({ from: d.upstreamSolid, to: d.solid, kind: d.kind })),
    [pipeline],
  );
  const matches = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return new Set(needle ? solids.filter((s) => s.name.toLowerCase().includes(needle)).map((s) => s.name) : []);
  }, [search, solids]);
  const solid = pipeline.solids.find((s) => s.name === selected);

  return (
    <>
      {pipeline.description && <p>{pipeline.description}</p>}
      <form
        className="search"
        onSubmit={(e) => {
          e.preventDefault();
          const first = [...matches][0];
          if (first) {
            onSelect(first);
            setFocus(first);
          }
        }}
      >
        <input
          aria-label="Search solids"
          placeholder="Search solids by name"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        {search && <span className="muted">{matches.size} match{matches.size === 1 ? "" : "es"}</span>}
      </form>
      <div className="pipeline-body">
        <PipelineGraph
          solids={solids}
          edges={edges}
          selected={selected}
          highlighted={matches}
          focus={focus}
          onSelect={onSelect}
        />
        <aside className="solid-panel">
          {solid ? <SolidDetails solid={solid} /> : <p className="muted">Click a solid for its details.</p>}
          {selected && !solid && <ErrorMessage title={`No solid named ${selected}`} />}
        </aside>
      </div>
    </>
  );
}

function SolidDetails({ solid }: { solid: SolidData }) {
  return (
    <div data-testid="solid-details">
      <h2>{solid.name}</h2>
      {solid.definitionName !== solid.name && <p className="muted">definition {solid.definitionName}</p>}
      <p>{solid.description || <span className="muted">No description.</span>}</p>
      {solid.mappedOver.length > 0 && (
        <p>
          Mapped over{" "}
          {solid.mappedOver.map((r) => `${r.solid}.${r.output}`).join(" → ")}
          {solid.mappedOver.length > 1 && " (nested)"}
        </p>
      )}
      <h3>Inputs</h3>
      {solid.inputs.length === 0 && <p className="muted">None</p>}
      <ul>
        {solid.inputs.map((i) => (
          <li key={i.name}>
            <code>{i.name}</code>: <code>{i.type}</code>
            {i.hasDefault && <span className="muted"> (has default)</span>}
            {i.sources.map((src) => (
              <span key={`${src.solid}.${src.output}`} className="tag">
                {src.kind.toLowerCase()} from {src.solid}.{src.output}
              </span>
            ))}
            {i.description && <div className="muted">{i.description}</div>}
          </li>
        ))}
      </ul>
      <h3>Outputs</h3>
      <ul>
        {solid.outputs.map((o) => (
          <li key={o.name}>
            <code>{o.name}</code>: <code>{o.type}</code>
            {o.isDynamic && <span className="tag">dynamic</span>}
            {!o.isRequired && <span className="tag">optional</span>}
            {o.assetKey && <span className="tag">asset {o.assetKey.key}</span>}
            {o.description && <div className="muted">{o.description}</div>}
          </li>
        ))}
      </ul>
      <h3>Config schema</h3>
      {solid.configSchema ? (
        <pre className="code">{JSON.stringify(solid.configSchema, null, 2)}</pre>
      ) : (
        <p className="muted">Takes no config.</p>
      )}
      {solid.requiredResourceKeys.length > 0 && (
        <p>Resources: {solid.requiredResourceKeys.join(", ")}</p>
      )}
      {solid.retryPolicy.maxRetries > 0 && (
        <p>
          Retries: {solid.retryPolicy.maxRetries} after {solid.retryPolicy.delay}s
        </p>
      )}
      {solid.tags.map((t) => (
        <span className="tag" key={t.key}>
          {t.key}={t.value}
        </span>
      ))}
    </div>
  );
}
