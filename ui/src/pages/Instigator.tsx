import type { ReactNode } from "react";
import { Link, useParams } from "react-router-dom";
import { type ApiError, useQuery } from "../api";
import { ErrorMessage, formatTime, QueryStatus, ResultError } from "../components/Status";
import type { PreviewFieldsFragment, TickFieldsFragment } from "../gql/graphql";
import { InstigatorState, type InstigatorKind, Preview, StartStopButton, TickTable } from "../instigators/Ticks";
import { SCHEDULE, SENSOR } from "../instigators/queries";

const POLL_MS = 1500;
const TICKS = 50;

/** One schedule or sensor (the URL names it): its facts, start/stop, tick history (live)
 * and a preview of what it would request next. */
export default function InstigatorPage({ kind }: { kind: InstigatorKind }) {
  const { name = "" } = useParams();
  return kind === "schedule" ? <ScheduleView name={name} /> : <SensorView name={name} />;
}

function ScheduleView({ name }: { name: string }) {
  const live = useQuery(SCHEDULE, { name, limit: TICKS, withPreview: false }, { pollMs: POLL_MS });
  const preview = useQuery(SCHEDULE, { name, limit: 0, withPreview: true });
  const s = live.data?.schedule;
  const previewed = preview.data?.schedule;
  return (
    <section>
      <QueryStatus error={live.error} loading={live.loading && !live.data} />
      {s && s.__typename !== "Schedule" && <ResultError result={s} />}
      {s?.__typename === "Schedule" && (
        <InstigatorView
          kind="schedule"
          name={s.name}
          status={s.status}
          definitionMissing={s.definitionMissing}
          ticks={s.ticks}
          refetch={live.refetch}
          preview={previewed?.__typename === "Schedule" ? previewed.preview : undefined}
          previewLoading={preview.loading}
          previewError={preview.error}
          refreshPreview={preview.refetch}
          facts={
            <>
              <Fact label="Location">{s.location ?? "–"}</Fact>
              <Fact label="Pipeline">{s.pipelineName ?? "–"}</Fact>
              <Fact label="Cron">
                <code>{s.cronSchedule ?? "–"}</code> <span className="muted">{s.executionTimezone}</span>
              </Fact>
              {s.partitionSet && (
                <Fact label="Partition set">
                  <Link to={`/partitions/${encodeURIComponent(s.partitionSet)}`}>{s.partitionSet}</Link>
                </Fact>
              )}
              <Fact label="Next tick">{s.status === "RUNNING" ? formatTime(s.nextTickTimestamp) : "– (stopped)"}</Fact>
              {s.description && <Fact label="Description">{s.description}</Fact>}
            </>
          }
        />
      )}
    </section>
  );
}

function SensorView({ name }: { name: string }) {
  const live = useQuery(SENSOR, { name, limit: TICKS, withPreview: false }, { pollMs: POLL_MS });
  const preview = useQuery(SENSOR, { name, limit: 0, withPreview: true });
  const s = live.data?.sensor;
  const previewed = preview.data?.sensor;
  return (
    <section>
      <QueryStatus error={live.error} loading={live.loading && !live.data} />
      {s && s.__typename !== "Sensor" && <ResultError result={s} />}
      {s?.__typename === "Sensor" && (
        <InstigatorView
          kind="sensor"
          name={s.name}
          status={s.status}
          definitionMissing={s.definitionMissing}
          ticks={s.ticks}
          refetch={live.refetch}
          preview={previewed?.__typename === "Sensor" ? previewed.preview : undefined}
          previewLoading={preview.loading}
          previewError={preview.error}
          refreshPreview={preview.refetch}
          facts={
            <>
              <Fact label="Location">{s.location ?? "–"}</Fact>
              <Fact label="Pipeline">{s.isPipelineFailureSensor ? "on any failed run" : (s.pipelineName ?? "–")}</Fact>
              <Fact label="Interval">{s.minimumIntervalSeconds != null ? `every ${s.minimumIntervalSeconds} s` : "–"}</Fact>
              <Fact label="Cursor">
                <code>{s.cursor ?? "–"}</code>
              </Fact>
              <Fact label="Last tick">{formatTime(s.lastTickTimestamp)}</Fact>
              {s.description && <Fact label="Description">{s.description}</Fact>}
            </>
          }
        />
      )}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function InstigatorView(props: {
  kind: InstigatorKind;
  name: string;
  status: "RUNNING" | "STOPPED";
  definitionMissing: boolean;
  facts: ReactNode;
  ticks: TickFieldsFragment[];
  refetch: () => Promise<void>;
  preview: PreviewFieldsFragment | undefined;
  previewLoading: boolean;
  previewError: ApiError | undefined;
  refreshPreview: () => Promise<void>;
}) {
  const { kind, name, status, definitionMissing } = props;
  return (
    <>
      <div className="crumbs">
        <Link to="/schedules">Schedules and sensors</Link> /
      </div>
      <h1>
        <span className="muted">{kind === "schedule" ? "Schedule" : "Sensor"}</span> {name}
        <InstigatorState status={status} definitionMissing={definitionMissing} />
        <StartStopButton kind={kind} name={name} status={status} onChange={props.refetch} />
      </h1>
      {definitionMissing && (
        <ErrorMessage title="Its definition is gone from the loaded code">
          It is never evaluated until a code location defines it again.
        </ErrorMessage>
      )}
      <dl className="run-facts">{props.facts}</dl>
      <h2>Tick history</h2>
      <TickTable ticks={props.ticks} withCursor={kind === "sensor"} />
      {!definitionMissing && (
        <>
          <h2>
            Preview{" "}
            <button disabled={props.previewLoading} onClick={() => void props.refreshPreview()}>
              Evaluate again
            </button>
          </h2>
          {props.previewError && <ErrorMessage title={props.previewError.message} />}
          {props.previewLoading && !props.previewError && <p className="muted">Evaluating…</p>}
          {props.preview && <Preview preview={props.preview} />}
        </>
      )}
    </>
  );
}
