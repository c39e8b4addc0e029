import { useEffect, useMemo, useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { parse, YAMLParseError } from "yaml";
import { ApiError, request, useQuery } from "../api";
import { ErrorMessage, QueryStatus, ResultError } from "../components/Status";
import { type LaunchFields, presetFields, sameFields } from "../config/preset";
import { scaffoldRunConfig } from "../config/scaffold";
import { graphql } from "../gql";
import type { PipelineQuery } from "../gql/graphql";
import { PIPELINE } from "./pipelineQuery";

type PipelineData = Extract<PipelineQuery["pipeline"], { __typename: "Pipeline" }>;

const VALIDATE = graphql(`
  query ValidateRunConfig(
    $pipeline: String!
    $location: String
    $runConfig: JSON
    $mode: String
    $solidSelection: [String!]
  ) {
    executionPlan(
      pipeline: $pipeline
      location: $location
      runConfig: $runConfig
      mode: $mode
      solidSelection: $solidSelection
    ) {
      __typename
      ... on ExecutionPlan {
        steps {
          key
        }
      }
      ... on RunConfigValidationError {
        errors {
          path
          message
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const LAUNCH = graphql(`
  mutation LaunchRun(
    $pipeline: String!
    $location: String
    $runConfig: JSON
    $mode: String
    $solidSelection: [String!]
    $tags: [TagInput!]
    $preset: String
  ) {
    launchRun(
      pipeline: $pipeline
      location: $location
      runConfig: $runConfig
      mode: $mode
      solidSelection: $solidSelection
      tags: $tags
      preset: $preset
    ) {
      __typename
      ... on LaunchRunSuccess {
        run {
          runId
        }
      }
      ... on RunConfigValidationError {
        errors {
          path
          message
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const VALIDATE_DELAY_MS = 250;

export default function LaunchpadPage() {
  const { location = "", pipeline = "" } = useParams();
  const { data, error, loading } = useQuery(PIPELINE, { name: pipeline, location });
  const result = data?.pipeline;
  return (
    <section>
      <h1>
        Launchpad: {pipeline} <span className="muted">@ {location}</span>
      </h1>
      <QueryStatus error={error} loading={loading} />
      {result && result.__typename !== "Pipeline" && <ResultError result={result} />}
      {result?.__typename === "Pipeline" && <Launchpad pipeline={result} />}
    </section>
  );
}

interface Problem {
  path: string;
  message: string;
}

type Validation =
  | { state: "checking" }
  | { state: "valid"; steps: number }
  | { state: "invalid"; problems: Problem[] };

function parseTags(text: string): { tags: { key: string; value: string }[]; bad: string[] } {
  const tags = [];
  const bad = [];
  for (const line of text.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const at = line.indexOf("=");
    if (at > 0) tags.push({ key: line.slice(0, at).trim(), value: line.slice(at + 1).trim() });
    else bad.push(line);
  }
  return { tags, bad };
}

function Launchpad({ pipeline }: { pipeline: PipelineData }) {
  const navigate = useNavigate();
  const [mode, setMode] = useState(pipeline.modes[0]?.name ?? "default");
  const [selectionText, setSelectionText] = useState("");
  const [tagsText, setTagsText] = useState("");
  const selection = useMemo(
    () => selectionText.split(",").map((s) => s.trim()).filter(Boolean),
    [selectionText],
  );
  const scaffold = () => {
    const plain = selection.length && selection.every((q) => /^[A-Za-z0-9_]+$/.test(q));
    return scaffoldRunConfig({
      solids: pipeline.solids,
      resources: pipeline.modes.find((m) => m.name === mode)?.resources ?? [],
      selected: plain ? new Set(selection) : null,
    });
  };
  const [yamlText, setYamlText] = useState(scaffold);
  const [validation, setValidation] = useState<Validation>({ state: "checking" });
  const [launchError, setLaunchError] = useState<string | null>(null);
  const [launching, setLaunching] = useState(false);
  const [chosen, setChosen] = useState<{ name: string; fields: LaunchFields } | null>(null);
  const presetApplies =
    chosen !== null &&
    sameFields({ yaml: yamlText, mode, selection: selectionText, tags: tagsText }, chosen.fields);

  function choosePreset(name: string) {
    const preset = pipeline.presets.find((p) => p.name === name);
    if (!preset) {
      setChosen(null);
      return;
    }
    const fields = presetFields(preset);
    setYamlText(fields.yaml);
    setMode(fields.mode);
    setSelectionText(fields.selection);
    setTagsText(fields.tags);
    setChosen({ name, fields });
  }

  const parsed = useMemo((): { config?: unknown; problem?: Problem } => {
    try {
      return { config: parse(yamlText) ?? {} };
    } catch (e) {
      const where = e instanceof YAMLParseError && e.linePos ? `line ${e.linePos[0].line}` : "YAML";
      return { problem: { path: where, message: (e as Error).message.split("\n")[0] } };
    }
  }, [yamlText]);
  const { tags, bad: badTags } = parseTags(tagsText);

  useEffect(() => {
    if (parsed.problem) {
      setValidation({ state: "invalid", problems: [parsed.problem] });
      return;
    }
    setValidation({ state: "checking" });
    let stale = false;
    const timer = window.setTimeout(async () => {
      try {
        const plan = (
          await request(VALIDATE, {
            pipeline: pipeline.name,
            location: pipeline.location,
            runConfig: parsed.config,
            mode,
            solidSelection: selection.length ? selection : null,
          })
        ).executionPlan;
        if (stale) return;
        if (plan.__typename === "ExecutionPlan") setValidation({ state: "valid", steps: plan.steps.length });
        else if (plan.__typename === "RunConfigValidationError")
          setValidation({ state: "invalid", problems: plan.errors });
        else setValidation({ state: "invalid", problems: [{ path: plan.__typename, message: plan.message }] });
      } catch (e) {
        if (!stale) setValidation({ state: "invalid", problems: [{ path: "", message: (e as ApiError).message }] });
      }
    }, VALIDATE_DELAY_MS);
    return () => {
      stale = true;
      window.clearTimeout(timer);
    };
  }, [parsed, mode, selection, pipeline.name, pipeline.location]);

  async function launch() {
    setLaunching(true);
    setLaunchError(null);
    try {
      const target = { pipeline: pipeline.name, location: pipeline.location };
      const outcome = (
        await request(
          LAUNCH,
          presetApplies
            ? { ...target, preset: chosen.name }
            : {
                ...target,
                runConfig: parsed.config,
                mode,
                solidSelection: selection.length ? selection : null,
                tags: tags.length ? tags : null,
              },
        )
      ).launchRun;
      if (outcome.__typename === "LaunchRunSuccess") {
        navigate(`/runs/${outcome.run.runId}`);
        return;
      }
      if (outcome.__typename === "RunConfigValidationError")
        setValidation({ state: "invalid", problems: outcome.errors });
      setLaunchError(outcome.message);
    } catch (e) {
      setLaunchError((e as ApiError).message);
    } finally {
      setLaunching(false);
    }
  }

  const canLaunch = validation.state === "valid" && badTags.length === 0 && !launching;
  return (
    <div className="launchpad">
      <div className="launch-options">
        {pipeline.presets.length > 0 && (
          <label>
            Preset{" "}
            <select aria-label="Preset" value={chosen?.name ?? ""} onChange={(e) => choosePreset(e.target.value)}>
              <option value="">none</option>
              {pipeline.presets.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Mode{" "}
          <select aria-label="Mode" value={mode} onChange={(e) => setMode(e.target.value)}>
            {pipeline.modes.map((m) => (
              <option key={m.name} value={m.name}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Solid selection{" "}
          <input
            aria-label="Solid selection"
            placeholder="all solids (e.g. *total, numbers+)"
            value={selectionText}
            onChange={(e) => setSelectionText(e.target.value)}
          />
        </label>
        <button type="button" onClick={() => setYamlText(scaffold())}>
          Scaffold config from schema
        </button>
      </div>
      <div className="launch-body">
        <label className="editor">
          Run config (YAML)
          <textarea
            aria-label="Run config"
            spellCheck={false}
            value={yamlText}
            onChange={(e) => setYamlText(e.target.value)}
          />
        </label>
        <div className="launch-side">
          <label>
            Tags (one key=value per line)
            <textarea
              aria-label="Tags"
              className="tags-editor"
              spellCheck={false}
              value={tagsText}
              onChange={(e) => setTagsText(e.target.value)}
            />
          </label>
          {badTags.length > 0 && <ErrorMessage title={`Not key=value: ${badTags.join(", ")}`} />}
          {chosen && (
            <p className="preset-note muted" data-testid="preset-note">
              {presetApplies
                ? `Launches preset ${chosen.name}.`
                : `Edited since choosing preset ${chosen.name}: launches the config, mode, selection and tags above.`}
            </p>
          )}
          <div className="validation" data-state={validation.state}>
            {validation.state === "checking" && <p className="muted">Checking config…</p>}
            {validation.state === "valid" && <p className="ok">Config is valid: {validation.steps} steps.</p>}
            {validation.state === "invalid" && (
              <ul className="config-errors">
                {validation.problems.map((p, i) => (
                  <li key={i} className="config-error">
                    {p.path && <code>{p.path}</code>} {p.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <button className="primary" disabled={!canLaunch} onClick={() => void launch()}>
            {launching ? "Launching…" : "Launch run"}
          </button>
          {launchError && <ErrorMessage title={launchError} />}
        </div>
      </div>
    </div>
  );
}
