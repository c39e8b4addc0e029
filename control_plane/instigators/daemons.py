"""The scheduler and the sensor daemon: each pass evaluates what is due on the code server
and stores the tick with the runs it requests in one transaction.

A pass is a generator that yields at named points (`before_submit`, `after_submit`), so tests
can step it and crash it anywhere. Exactly-once comes from the compare-and-set in
`record_tick`: a tick is stored only while its instigator is still at the progress the pass
read, so a due time (or a sensor evaluation) is recorded at most once, whoever leads.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Generic, TypeVar

from control_plane.code_locations import CodeLocations
from control_plane.errors import LodestarError
from control_plane.instigators.cron import latest_due_time, next_due_times
from control_plane.instigators.definitions import loaded_schedules, loaded_sensors
from control_plane.run_events import run_event
from control_plane.runs import new_run
from control_plane.storage import Storage
from control_plane.storage.instigator_records import (
    SCHEDULE_TAG,
    SENSOR_TAG,
    InstigatorKind,
    InstigatorState,
    InstigatorStatus,
    Tick,
    TickStatus,
    TickWrite,
)
from control_plane.storage.records import LeaderTerm, PipelineRun, RunsFilter, RunStatus
from user_code_server.protocol import (
    CodeServerUnavailableError,
    ErrorInfo,
    EventType,
    FailedRun,
    ScheduleSnapshot,
    SensorSnapshot,
    TickRunRequest,
)

log = logging.getLogger(__name__)

SCHEDULER_DAEMON = "SCHEDULER"
SENSOR_DAEMON = "SENSOR"
# A pipeline failure sensor is told about at most this many failed runs per evaluation.
MAX_FAILED_RUNS_PER_TICK = 100
# Ticks recorded per transaction; evaluations of one batch run this many at a time.
TICK_BATCH = 200
EVALUATION_THREADS = 16
T = TypeVar("T")


def _error_text(error: ErrorInfo) -> str:
    return f"{error.message}\n{error.stack}".rstrip()


class _TickDaemon(Generic[T]):
    """Evaluates what is due on the code servers in parallel, and records the ticks in
    batches of one transaction each."""

    def __init__(
        self,
        storage: Storage,
        locations: CodeLocations,
        on_submitted: Callable[[], None] = lambda: None,
        term: LeaderTerm | None = None,
        now: Callable[[], float] = time.time,
    ):
        self._storage = storage
        self._locations = locations
        self._on_submitted = on_submitted
        self._term = term
        self._now = now

    def _evaluate(self, item: T) -> TickWrite:
        raise NotImplementedError

    def _record_all(self, due: list[T]) -> Iterator[str]:
        for start in range(0, len(due), TICK_BATCH):
            chunk = due[start : start + TICK_BATCH]
            if len(chunk) == 1:
                writes = [self._evaluate(chunk[0])]
            else:
                with ThreadPoolExecutor(EVALUATION_THREADS, "tick-evaluation") as pool:
                    writes = list(pool.map(self._evaluate, chunk))
            yield "before_submit"
            recorded = self._storage.record_ticks(writes, self._term)
            if any(done and write.runs for done, write in zip(recorded, writes, strict=True)):
                self._on_submitted()
            yield "after_submit"


class ScheduleDaemon(_TickDaemon[tuple[InstigatorState, str, ScheduleSnapshot, float]]):
    """Launches each running schedule's due times: after downtime only the latest missed one."""

    def __init__(
        self,
        storage: Storage,
        locations: CodeLocations,
        on_submitted: Callable[[], None] = lambda: None,
        term: LeaderTerm | None = None,
        now: Callable[[], float] = time.time,
    ):
        super().__init__(storage, locations, on_submitted, term, now)
        # name -> ((cron, time zone, last tick time), the next due time after it)
        self._next_due: dict[str, tuple[tuple[str, str, float], float]] = {}

    def iterate(self) -> Iterator[str]:
        now = self._now()
        definitions = loaded_schedules(self._locations)
        due = []
        for state in self._storage.get_instigator_states(InstigatorKind.SCHEDULE):
            found = definitions.get(state.name)
            if state.status != InstigatorStatus.RUNNING or found is None:
                continue  # stopped, or its definition is gone (the listing says so)
            due_time = self._due(state, found[1], now)
            if due_time is not None:
                due.append((state, found[0], found[1], due_time))
        yield from self._record_all(due)

    def _due(self, state: InstigatorState, schedule: ScheduleSnapshot, now: float) -> float | None:
        """The latest due time not yet handled, once one has come."""
        cron, zone = schedule.cron_schedule, schedule.execution_timezone
        after = state.last_tick_time if state.last_tick_time is not None else now
        key = (cron, zone, after)
        cached = self._next_due.get(state.name)
        if cached is None or cached[0] != key:
            cached = (key, next_due_times(cron, zone, after, 1)[0])
            self._next_due[state.name] = cached
        if cached[1] > now:
            return None
        return latest_due_time(schedule.cron_schedule, schedule.execution_timezone, after, now)

    def _evaluate(self, item: tuple[InstigatorState, str, ScheduleSnapshot, float]) -> TickWrite:
        state, location, schedule, due = item
        try:
            reply = self._locations.get(location).client().evaluate_schedule(schedule.name, due)
            requests, skip, error = reply.run_requests, reply.skip_reason, reply.error
            error_text = _error_text(error) if error is not None else None
        except (LodestarError, CodeServerUnavailableError) as failure:
            requests, skip, error_text = [], "", str(failure)
        runs = [] if error_text else [_run(schedule, location, r, SCHEDULE_TAG) for r in requests]
        tick = Tick(
            InstigatorKind.SCHEDULE,
            schedule.name,
            due,
            _status(runs, error_text),
            run_ids=[run.run_id for run in runs],
            skip_reason=skip or None,
            error=error_text,
        )
        event = run_event(EventType.RUN_ENQUEUED, f"queued by schedule {schedule.name!r}")
        return TickWrite(tick, state.last_tick_time, runs, event)


class SensorDaemon(_TickDaemon[tuple[InstigatorState, str, SensorSnapshot, float]]):
    """Evaluates each running sensor at most every `minimum_interval_seconds`; a run key it
    launched once is never launched again."""

    def iterate(self) -> Iterator[str]:
        definitions = loaded_sensors(self._locations)
        now = self._now()
        due = []
        for state in self._storage.get_instigator_states(InstigatorKind.SENSOR):
            found = definitions.get(state.name)
            if state.status != InstigatorStatus.RUNNING or found is None:
                continue
            location, sensor = found
            last = state.last_tick_time
            if last is None or now - last >= sensor.minimum_interval_seconds:
                due.append((state, location, sensor, now))
        yield from self._record_all(due)

    def _evaluate(self, item: tuple[InstigatorState, str, SensorSnapshot, float]) -> TickWrite:
        state, location, sensor, now = item
        failed: list[FailedRun] = []
        cursor = state.cursor
        if sensor.is_pipeline_failure_sensor:
            failed, cursor = self._failed_runs_since(state)
        try:
            client = self._locations.get(location).client()
            reply = client.evaluate_sensor(
                sensor.name, state.cursor or "", state.last_run_key or "", failed
            )
            error_text = _error_text(reply.error) if reply.error is not None else None
            requests, skip = reply.run_requests, reply.skip_reason
            if reply.cursor_updated and not sensor.is_pipeline_failure_sensor:
                cursor = reply.cursor
        except (LodestarError, CodeServerUnavailableError) as failure:
            requests, skip, error_text = [], "", str(failure)
        runs: list[PipelineRun] = []
        new_keys: dict[str, str] = {}
        if error_text is None:
            launched = self._storage.get_run_keys(sensor.name, (r.run_key for r in requests))
            for request in requests:
                if request.run_key and (request.run_key in launched or request.run_key in new_keys):
                    continue
                run = _run(sensor, location, request, SENSOR_TAG)
                runs.append(run)
                if request.run_key:
                    new_keys[request.run_key] = run.run_id
            if requests and not runs and not skip:
                skip = "every run key it requested was launched before"
        tick = Tick(
            InstigatorKind.SENSOR,
            sensor.name,
            now,
            _status(runs, error_text),
            run_ids=[run.run_id for run in runs],
            skip_reason=skip or None,
            error=error_text,
            cursor=cursor,
        )
        event = run_event(EventType.RUN_ENQUEUED, f"queued by sensor {sensor.name!r}")
        last_key = list(new_keys)[-1] if new_keys else None
        return TickWrite(tick, state.last_tick_time, runs, event, new_keys, last_key)

    def _failed_runs_since(self, state: InstigatorState) -> tuple[list[FailedRun], str]:
        """Runs that failed after the failure sensor's cursor (an end time), oldest first, and
        the cursor past them. Before its first tick the cursor is when it was started."""
        since = float(state.cursor) if state.cursor else state.updated_at
        newest = self._storage.get_runs(
            RunsFilter(statuses=[RunStatus.FAILURE]), limit=MAX_FAILED_RUNS_PER_TICK
        )
        runs = sorted(
            (r for r in newest if r.end_time is not None and r.end_time > since),
            key=lambda r: r.end_time or 0.0,
        )
        failed = [
            FailedRun(r.run_id, r.pipeline_name, r.status.value, self._failure(r), dict(r.tags))
            for r in runs
        ]
        return failed, repr(max([since] + [r.end_time or since for r in runs]))

    def _failure(self, run: PipelineRun) -> str:
        events = self._storage.get_events(run.run_id, event_types=[EventType.RUN_FAILURE])
        return events[-1].event.message if events else ""


def _run(
    definition: ScheduleSnapshot | SensorSnapshot,
    location: str,
    request: TickRunRequest,
    tag: str,
) -> PipelineRun:
    return new_run(
        definition.pipeline_name,
        location,
        request.run_config or {},
        definition.mode,
        {**request.tags, tag: definition.name},
        definition.solid_selection or None,
    )


def _status(runs: list[PipelineRun], error: str | None) -> TickStatus:
    if error is not None:
        return TickStatus.FAILURE
    return TickStatus.SUCCESS if runs else TickStatus.SKIPPED
