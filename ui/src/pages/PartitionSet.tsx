import { useCallback, useMemo, useRef, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { request, useQuery } from "../api";
import { ErrorMessage, formatTime, QueryStatus, ResultError, StatusTag } from "../components/Status";
import { BACKFILL } from "../backfills/queries";
import { ProgressBar } from "../backfills/Progress";
import { graphql } from "../gql";
import { Matrix } from "../partitions/Matrix";
import { PARTITION_SET } from "../partitions/queries";
import {
  backfillSelection,
  decodeMatrix,
  isFailedOrMissing,
  type MatrixRow,
  parseRange,
  parseTags,
  rangeBetween,
  runsToCreate,
} from "../partitions/selection";

const PARTITION_RUNS = graphql(`
  query PartitionRuns($partitionSet: String!, $partition: String!) {
    partitionRuns(partitionSet: $partitionSet, partition: $partition, limit: 50) {
      __typename
      ... on RunConnection {
        count
        nodes {
          runId
          status
          createdAt
          parentRunId
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

const LAUNCH_BACKFILL = graphql(`
  mutation LaunchBackfill(
    $partitionSet: String!
    $partitions: [String!]
    $fromPartition: String
    $toPartition: String
    $all: Boolean!
    $fromFailure: Boolean!
    $tags: [TagInput!]
  ) {
    launchBackfill(
      partitionSet: $partitionSet
      partitions: $partitions
      fromPartition: $fromPartition
      toPartition: $toPartition
      all: $all
      fromFailure: $fromFailure
      tags: $tags
    ) {
      __typename
      ... on LaunchBackfillSuccess {
        backfill {
          backfillId
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const FOLLOW_MS = 1000;

/** A partition set's partitions tab: the status matrix, each partition's run history, and the
 * backfill launcher; after a launch the page follows the backfill (`?backfill=`). */
export default function PartitionSetPage() {
  const { name = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const following = params.get("backfill");
  const followed = useQuery(
    BACKFILL,
    { id: following ?? "", withPartitions: false },
    { pollMs: FOLLOW_MS, skip: !following },
  );
  const followedBackfill = followed.data?.backfill.__typename === "Backfill" ? followed.data.backfill : null;
  const live = !!following && !followedBackfill?.progress.finished;
  const { data, error, loading, refetch } = useQuery(PARTITION_SET, { name }, { pollMs: live ? FOLLOW_MS : undefined });
  // One more matrix once the followed backfill finishes, so the last cells show.
  const [refreshedFor, setRefreshedFor] = useState<string | null>(null);
  if (following && followedBackfill?.progress.finished && refreshedFor !== following) {
    setRefreshedFor(following);
    void refetch();
  }
  const result = data?.partitionSet;
  const matrix =
    result?.__typename === "PartitionSet" && result.statusMatrix.__typename === "StatusMatrix"
      ? result.statusMatrix
      : null;
  const rows = useMemo(() => (matrix ? decodeMatrix(matrix) : []), [matrix]);
  return (
    <section className="partition-set-page">
      <QueryStatus error={error} loading={loading && !data} />
      {result && result.__typename !== "PartitionSet" && <ResultError result={result} />}
      {result?.__typename === "PartitionSet" && (
        <>
          <h1>
            Partitions of <span className="mono">{result.name}</span>
          </h1>
          <p className="muted">
            {result.description} Pipeline{" "}
            <Link to={`/locations/${encodeURIComponent(result.location)}/pipelines/${encodeURIComponent(result.pipelineName)}`}>
              {result.pipelineName}
            </Link>{" "}
            @ {result.location}, mode {result.mode}.
          </p>
          {followedBackfill && (
            <div className="followed" data-testid="followed-backfill">
              Backfill{" "}
              <Link className="mono" to={`/backfills/${followedBackfill.backfillId}`}>
                {followedBackfill.backfillId}
              </Link>{" "}
              <StatusTag status={followedBackfill.progress.state} />
              <ProgressBar progress={followedBackfill.progress} />
              <button className="link" onClick={() => setParams({})}>
                stop following
              </button>
            </div>
          )}
          {result.statusMatrix.__typename !== "StatusMatrix" ? (
            <ResultError result={result.statusMatrix} />
          ) : (
            <PartitionsTab
              partitionSet={result.name}
              solids={result.statusMatrix.solids}
              rows={rows}
              onLaunched={(id) => setParams({ backfill: id })}
            />
          )}
        </>
      )}
    </section>
  );
}

function PartitionsTab(props: {
  partitionSet: string;
  solids: string[];
  rows: MatrixRow[];
  onLaunched: (backfillId: string) => void;
}) {
  const { partitionSet, solids, rows } = props;
  const [onlyGaps, setOnlyGaps] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<string | null>(null);
  const shown = useMemo(() => (onlyGaps ? rows.filter(isFailedOrMissing) : rows), [rows, onlyGaps]);
  const names = useMemo(() => rows.map((r) => r.partition), [rows]);
  const shownNames = useMemo(() => shown.map((r) => r.partition), [shown]);

  // Selection gestures: press (click, or shift-click for a range from the last press), drag.
  const drag = useRef<{ anchor: number; base: Set<string>; adding: boolean } | null>(null);
  const lastAnchor = useRef<number | null>(null);
  const onPress = useCallback(
    (index: number, shift: boolean) => {
      const anchor = shift && lastAnchor.current !== null ? lastAnchor.current : index;
      const adding = shift || !selected.has(shownNames[index]);
      drag.current = { anchor, base: new Set(selected), adding };
      if (!shift) lastAnchor.current = index;
      setSelected(apply(drag.current, index, shownNames));
    },
    [selected, shownNames],
  );
  const onDragTo = useCallback(
    (index: number) => {
      if (drag.current) setSelected(apply(drag.current, index, shownNames));
    },
    [shownNames],
  );
  const onRelease = useCallback(() => {
    drag.current = null;
  }, []);

  return (
    <div className="partitions-tab">
      <div className="matrix-column">
        <div className="filters">
          <label>
            <input type="checkbox" checked={onlyGaps} onChange={(e) => setOnlyGaps(e.target.checked)} />
            only failures and gaps
          </label>
          <span className="muted">
            {shown.length} of {rows.length} partitions · {solids.length} solids
          </span>
          <span className="legend">
            {["SUCCESS", "FAILURE", "SKIPPED", "IN_PROGRESS", "MISSING"].map((s) => (
              <span key={s} className={`legend-item cell-${s}`}>
                {s}
              </span>
            ))}
          </span>
        </div>
        <Matrix
          solids={solids}
          rows={shown}
          selected={selected}
          open={open}
          onPress={onPress}
          onDragTo={onDragTo}
          onRelease={onRelease}
          onOpen={setOpen}
        />
      </div>
      <aside className="side">
        <Launcher
          partitionSet={partitionSet}
          names={names}
          rows={rows}
          selected={selected}
          setSelected={setSelected}
          onLaunched={props.onLaunched}
        />
        {open && <PartitionHistory partitionSet={partitionSet} partition={open} />}
      </aside>
    </div>
  );
}

function apply(drag: { anchor: number; base: Set<string>; adding: boolean }, index: number, names: string[]) {
  const next = new Set(drag.base);
  for (const name of rangeBetween(names, drag.anchor, index)) {
    if (drag.adding) next.add(name);
    else next.delete(name);
  }
  return next;
}

function Launcher(props: {
  partitionSet: string;
  names: string[];
  rows: MatrixRow[];
  selected: Set<string>;
  setSelected: (s: Set<string>) => void;
  onLaunched: (backfillId: string) => void;
}) {
  const { partitionSet, names, rows, selected, setSelected } = props;
  const [rangeText, setRangeText] = useState("");
  const [fromFailure, setFromFailure] = useState(false);
  const [tagsText, setTagsText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tags = parseTags(tagsText);
  const count = runsToCreate(rows, selected, fromFailure);

  function selectRange() {
    const found = parseRange(rangeText, names);
    if (typeof found === "string") setProblem(found);
    else {
      setProblem(null);
      setSelected(new Set(found));
    }
  }
  async function launch() {
    if (typeof tags === "string") return;
    setBusy(true);
    setProblem(null);
    try {
      const chosen = backfillSelection(names, selected);
      const r = (
        await request(LAUNCH_BACKFILL, {
          partitionSet,
          partitions: chosen.partitions ?? null,
          fromPartition: chosen.fromPartition ?? null,
          toPartition: chosen.toPartition ?? null,
          all: chosen.all ?? false,
          fromFailure,
          tags: tags.length ? tags : null,
        })
      ).launchBackfill;
      if (r.__typename === "LaunchBackfillSuccess") {
        setSelected(new Set());
        props.onLaunched(r.backfill.backfillId);
      } else setProblem(r.message);
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="launcher" data-testid="launcher">
      <h2>Backfill</h2>
      <p>
        <strong data-testid="selected-count">{selected.size}</strong> partitions selected (click, shift-click or drag
        the boxes)
      </p>
      <div className="actions">
        <button onClick={() => setSelected(new Set(names))}>Select all</button>
        <button onClick={() => setSelected(new Set(rows.filter(isFailedOrMissing).map((r) => r.partition)))}>
          Failed and missing
        </button>
        <button onClick={() => setSelected(new Set())}>Clear</button>
      </div>
      <form
        className="actions"
        onSubmit={(e) => {
          e.preventDefault();
          selectRange();
        }}
      >
        <input
          aria-label="Partition range"
          placeholder={names.length ? `${names[0]}...${names[Math.min(names.length - 1, 30)]}` : "first...last"}
          value={rangeText}
          onChange={(e) => setRangeText(e.target.value)}
        />
        <button type="submit">Select range</button>
      </form>
      <label>
        <input type="checkbox" checked={fromFailure} onChange={(e) => setFromFailure(e.target.checked)} />
        from failure (re-execute failed runs from their failure; skip partitions whose newest run succeeded)
      </label>
      <input
        aria-label="Backfill tags"
        placeholder="tags: key=value, key2=value2"
        value={tagsText}
        onChange={(e) => setTagsText(e.target.value)}
      />
      {typeof tags === "string" && <ErrorMessage title={tags} />}
      <p data-testid="backfill-preview">
        Will create {count} run{count === 1 ? "" : "s"}
        {fromFailure && selected.size !== count ? ` (${selected.size - count} skipped: their newest run succeeded)` : ""}
      </p>
      <button
        className="primary"
        disabled={busy || count === 0 || typeof tags === "string"}
        onClick={() => void launch()}
      >
        Launch backfill
      </button>
      {problem && <ErrorMessage title={problem} />}
    </div>
  );
}

function PartitionHistory({ partitionSet, partition }: { partitionSet: string; partition: string }) {
  const { data, error, loading } = useQuery(PARTITION_RUNS, { partitionSet, partition }, { pollMs: 3000 });
  const result = data?.partitionRuns;
  return (
    <div className="history" data-testid="partition-history">
      <h2>
        Runs of <span className="mono">{partition}</span>
      </h2>
      <QueryStatus error={error} loading={loading && !data} />
      {result && result.__typename !== "RunConnection" && <ResultError result={result} />}
      {result?.__typename === "RunConnection" && (
        <>
          <p className="muted">{result.count} runs, newest first</p>
          <ol className="run-history">
            {result.nodes.map((run) => (
              <li key={run.runId} data-run-id={run.runId}>
                <StatusTag status={run.status} />{" "}
                <Link className="mono" to={`/runs/${run.runId}`}>
                  {run.runId.slice(0, 8)}
                </Link>{" "}
                <span className="muted">
                  {formatTime(run.createdAt)}
                  {run.parentRunId ? " · from failure" : ""}
                  {run.tags.some((t) => t.key === "lodestar/backfill")
                    ? ` · backfill ${run.tags.find((t) => t.key === "lodestar/backfill")?.value}`
                    : ""}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
