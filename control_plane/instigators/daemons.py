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
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
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
    ScheduleTickReply,
    SensorEvaluation,
    SensorSnapshot,
    SensorTickReply,
    TickRunRequest,
    UserCodeClient,
)

log = logging.getLogger(__name__)

SCHEDULER_DAEMON = "SCHEDULER"
SENSOR_DAEMON = "SENSOR"
# A pipeline failure sensor is told about at most this many failed runs per evaluation.
MAX_FAILED_RUNS_PER_TICK = 100
# Ticks recorded per transaction, and evaluated per call to a code server.
TICK_BATCH = 200
EVALUATIONS_PER_CALL = 50
Due = TypeVar("Due", "_DueSchedule", "_DueSensor")
Reply = TypeVar("Reply", ScheduleTickReply, SensorTickReply)


def _error_text(error: ErrorInfo) -> str:
    return f"{error.message}\n{error.stack}".rstrip()


@dataclass(frozen=True)
class _DueSchedule:
    state: InstigatorState
    location: str
    schedule: ScheduleSnapshot
    due: float


@dataclass(frozen=True)
class _DueSensor:
    state: InstigatorState
    location: str
    sensor: SensorSnapshot
    now: float
    failed_runs: list[FailedRun]
    cursor: str | None  # a failure sensor's cursor past `failed_runs`; else its own


class _TickDaemon(Generic[Due, Reply]):
    """Evaluates what is due on the code servers, a batch per call and several calls at
    once, and records the ticks in batches of one transaction each."""

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

    def _call(self, client: UserCodeClient, due: list[Due]) -> list[Reply]:
        """One call evaluating `due` (all of one location): a reply for each, in order."""
        raise NotImplementedError

    def _write(self, due: Due, reply: Reply | None, failure: str | None) -> TickWrite:
        """The tick to record for `due`: from its reply, or from why there is none."""
        raise NotImplementedError

    def _record_all(self, due: list[Due]) -> Iterator[str]:
        for start in range(0, len(due), TICK_BATCH):
            chunk = due[start : start + TICK_BATCH]
            calls = [
                chunk[i : i + EVALUATIONS_PER_CALL]
                for i in range(0, len(chunk), EVALUATIONS_PER_CALL)
            ]
            with ThreadPoolExecutor(len(calls), "tick-evaluation") as pool:
                writes = [write for part in pool.map(self._evaluate, calls) for write in part]
            yield "before_submit"
            recorded = self._storage.record_ticks(writes, self._term)
            if any(done and write.runs for done, write in zip(recorded, writes, strict=True)):
                self._on_submitted()
            yield "after_submit"

    def _evaluate(self, due: list[Due]) -> list[TickWrite]:
        by_location: dict[str, list[Due]] = defaultdict(list)
        for item in due:
            by_location[item.location].append(item)
        writes = []
        for location, items in by_location.items():
            try:
                replies = self._call(self._locations.get(location).client(), items)
            except (LodestarError, CodeServerUnavailableError) as failure:
                writes += [self._write(item, None, str(failure)) for item in items]
            else:
                writes += [
                    self._write(item, reply, None)
                    for item, reply in zip(items, replies, strict=True)
                ]
        return writes


class ScheduleDaemon(_TickDaemon[_DueSchedule, ScheduleTickReply]):
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
                due.append(_DueSchedule(state, found[0], found[1], due_time))
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

    def _call(self, client: UserCodeClient, due: list[_DueSchedule]) -> list[ScheduleTickReply]:
        return client.evaluate_schedules([(item.schedule.name, item.due) for item in due])

    def _write(
        self, due: _DueSchedule, reply: ScheduleTickReply | None, failure: str | None
    ) -> TickWrite:
        schedule = due.schedule
        error = failure or (_error_text(reply.error) if reply and reply.error else None)
        requests = reply.run_requests if reply is not None and error is None else []
        runs = [_run(schedule, due.location, r, SCHEDULE_TAG) for r in requests]
        tick = Tick(
            InstigatorKind.SCHEDULE,
            schedule.name,
            due.due,
            _status(runs, error),
            run_ids=[run.run_id for run in runs],
            skip_reason=(reply.skip_reason or None) if reply is not None else None,
            error=error,
        )
        event = run_event(EventType.RUN_ENQUEUED, f"queued by schedule {schedule.name!r}")
        return TickWrite(tick, due.state.last_tick_time, runs, event)


class SensorDaemon(_TickDaemon[_DueSensor, SensorTickReply]):
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
            if last is not None and now - last < sensor.minimum_interval_seconds:
                continue
            failed: list[FailedRun] = []
            cursor = state.cursor
            if sensor.is_pipeline_failure_sensor:
                failed, cursor = self._failed_runs_since(state)
            due.append(_DueSensor(state, location, sensor, now, failed, cursor))
        yield from self._record_all(due)

    def _call(self, client: UserCodeClient, due: list[_DueSensor]) -> list[SensorTickReply]:
        return client.evaluate_sensors(
            [
                SensorEvaluation(
                    item.sensor.name,
                    item.state.cursor or "",
                    item.state.last_run_key or "",
                    item.failed_runs,
                )
                for item in due
            ]
        )

    def _write(
        self, due: _DueSensor, reply: SensorTickReply | None, failure: str | None
    ) -> TickWrite:
        sensor, cursor = due.sensor, due.cursor
        error = failure or (_error_text(reply.error) if reply and reply.error else None)
        requests = reply.run_requests if reply is not None and error is None else []
        skip = (reply.skip_reason or "") if reply is not None else ""
        if reply is not None and reply.cursor_updated and not sensor.is_pipeline_failure_sensor:
            cursor = reply.cursor
        runs: list[PipelineRun] = []
        new_keys: dict[str, str] = {}
        launched = self._storage.get_run_keys(sensor.name, (r.run_key for r in requests))
        for request in requests:
            if request.run_key and (request.run_key in launched or request.run_key in new_keys):
                continue
            run = _run(sensor, due.location, request, SENSOR_TAG)
            runs.append(run)
            if request.run_key:
                new_keys[request.run_key] = run.run_id
        if requests and not runs and not skip:
            skip = "every run key it requested was launched before"
        tick = Tick(
            InstigatorKind.SENSOR,
            sensor.name,
            due.now,
            _status(runs, error),
            run_ids=[run.run_id for run in runs],
            skip_reason=skip or None,
            error=error,
            cursor=cursor,
        )
        event = run_event(EventType.RUN_ENQUEUED, f"queued by sensor {sensor.name!r}")
        last_key = list(new_keys)[-1] if new_keys else None
        return TickWrite(tick, due.state.last_tick_time, runs, event, new_keys, last_key)

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
