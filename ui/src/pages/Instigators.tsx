import { Link } from "react-router-dom";
import { useQuery } from "../api";
import { formatTime, QueryStatus, ResultError } from "../components/Status";
import { InstigatorState, instigatorPath, StartStopButton, TickSummary } from "../instigators/Ticks";
import { INSTIGATORS } from "../instigators/queries";

const POLL_MS = 2000;

/** Schedules and sensors: state, next tick or interval and cursor, last tick, start/stop;
 * live. */
export default function InstigatorsPage() {
  const { data, error, loading, refetch } = useQuery(INSTIGATORS, {}, { pollMs: POLL_MS });
  const schedules = data?.schedules;
  const sensors = data?.sensors;
  return (
    <section>
      <h1>Schedules and sensors</h1>
      <QueryStatus error={error} loading={loading && !data} />
      <h2>Schedules</h2>
      {schedules && schedules.__typename !== "ScheduleConnection" && <ResultError result={schedules} />}
      {schedules?.__typename === "ScheduleConnection" &&
        (schedules.nodes.length === 0 ? (
          <p className="muted">No loaded code location defines a schedule.</p>
        ) : (
          <table className="grid instigators" data-testid="schedules">
            <thead>
              <tr>
                <th>Schedule</th>
                <th>State</th>
                <th>Pipeline</th>
                <th>Cron</th>
                <th>Next tick</th>
                <th>Last tick</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {schedules.nodes.map((s) => (
                <tr key={s.name} data-schedule={s.name} data-status={s.status}>
                  <td>
                    <Link to={instigatorPath("schedule", s.name)}>{s.name}</Link>
                    {s.location && <span className="muted"> @ {s.location}</span>}
                  </td>
                  <td>
                    <InstigatorState status={s.status} definitionMissing={s.definitionMissing} />
                  </td>
                  <td>{s.pipelineName ?? "–"}</td>
                  <td>
                    <code>{s.cronSchedule ?? "–"}</code>{" "}
                    {s.executionTimezone && <span className="muted">{s.executionTimezone}</span>}
                  </td>
                  <td>{s.status === "RUNNING" ? formatTime(s.nextTickTimestamp) : "–"}</td>
                  <td>{s.lastTick ? <TickSummary tick={s.lastTick} /> : "–"}</td>
                  <td>
                    <StartStopButton kind="schedule" name={s.name} status={s.status} onChange={refetch} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <h2>Sensors</h2>
      {sensors && sensors.__typename !== "SensorConnection" && <ResultError result={sensors} />}
      {sensors?.__typename === "SensorConnection" &&
        (sensors.nodes.length === 0 ? (
          <p className="muted">No loaded code location defines a sensor.</p>
        ) : (
          <table className="grid instigators" data-testid="sensors">
            <thead>
              <tr>
                <th>Sensor</th>
                <th>State</th>
                <th>Pipeline</th>
                <th>Interval</th>
                <th>Cursor</th>
                <th>Last tick</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {sensors.nodes.map((s) => (
                <tr key={s.name} data-sensor={s.name} data-status={s.status}>
                  <td>
                    <Link to={instigatorPath("sensor", s.name)}>{s.name}</Link>
                    {s.location && <span className="muted"> @ {s.location}</span>}
                  </td>
                  <td>
                    <InstigatorState status={s.status} definitionMissing={s.definitionMissing} />
                  </td>
                  <td>{s.isPipelineFailureSensor ? "on any failed run" : (s.pipelineName ?? "–")}</td>
                  <td>{s.minimumIntervalSeconds != null ? `${s.minimumIntervalSeconds} s` : "–"}</td>
                  <td className="mono">{s.cursor ?? "–"}</td>
                  <td>{s.lastTick ? <TickSummary tick={s.lastTick} /> : "–"}</td>
                  <td>
                    <StartStopButton kind="sensor" name={s.name} status={s.status} onChange={refetch} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
