"""RunCoordinator: drives one run from its plan to a final status, writing every event."""

from __future__ import annotations

import logging
import queue
import threading
import time
import traceback
from collections.abc import Callable
from typing import TypeVar

from control_plane.assets.recording import plan_pipeline, with_parents
from control_plane.code_locations import CodeLocations
from control_plane.errors import LeadershipLostError, LodestarError
from control_plane.execution.executor import RunExecutionContext, StepExecutor
from control_plane.execution.run_plans import run_plans
from control_plane.run_events import run_event
from control_plane.storage import TRANSIENT_STORAGE_ERRORS, Storage
from control_plane.storage.records import LeaderTerm, PipelineRun, RunStatus
from user_code_server.protocol import (
    KNOWN_STATE_EVENT,
    ActiveExecution,
    EventType,
    ExecutionPlan,
    KnownState,
    StepEvent,
    select_steps,
)

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_EVENTS_PER_WRITE = 5000
STATUS_CHECK_INTERVAL_S = 1.0
DEFAULT_MAX_CONCURRENT_STEPS = 64
MAX_CONCURRENT_STEPS_TAG = "lodestar/max_concurrent_steps"
# Waits between attempts at a write that storage refused (down, unreachable, disk full).
STORAGE_RETRY_DELAYS_S = (0.1, 0.25, 0.5, 1.0, 2.0, 5.0)
STATE_EVENT_TYPES = [
    EventType.ENGINE_EVENT,
    EventType.STEP_START,
    EventType.STEP_OUTPUT,
    EventType.DYNAMIC_OUTPUT,
    EventType.STEP_SUCCESS,
    EventType.STEP_FAILURE,
    EventType.STEP_SKIPPED,
]


def starting_state(storage: Storage, run: PipelineRun) -> KnownState:
    """A fresh run knows nothing; a re-execution reuses its parent's successful steps."""
    if not run.parent_run_id:
        return KnownState()
    records = storage.get_events(run.parent_run_id, event_types=STATE_EVENT_TYPES)
    parent = KnownState.from_events(run.parent_run_id, (r.event for r in records))
    rerun = select_steps(parent, run.step_selection) if run.step_selection else set()
    return parent.reused_for(rerun)


class _Abandoned(Exception):
    """This process stops coordinating the run: it stopped, or its leadership term ended."""


class RunCoordinator:
    """One thread per run: load the run's plan, dispatch ready steps, persist events in batches.

    Every write carries the leader's `term` (None for a run executed in this process without
    the queue), so a leader that stalled past its lease never overwrites its successor's work.
    A write that storage refuses is retried with backoff until it is taken: the run waits out
    a storage outage and ends in a truthful state.
    """

    def __init__(
        self,
        run: PipelineRun,
        *,
        storage: Storage,
        locations: CodeLocations,
        executor: StepExecutor,
        on_exit: Callable[[str], None],
        abandon: threading.Event,
        term: LeaderTerm | None,
        max_concurrent_steps: int = DEFAULT_MAX_CONCURRENT_STEPS,
    ):
        self.run = run
        self._max_concurrent_steps = max_concurrent_steps  # unless the run's tag says otherwise
        self._storage = storage
        self._locations = locations
        self._executor = executor
        self._on_exit = on_exit
        self._abandon = abandon  # set when this process must leave the run to another
        self._term = term
        self._inbox: queue.SimpleQueue[StepEvent | None] = queue.SimpleQueue()
        self._terminate = threading.Event()
        self._thread = threading.Thread(
            target=self._run_safely, name=f"run-{run.run_id[:8]}", daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def terminate(self) -> None:
        self._terminate.set()
        self._inbox.put(None)

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def _run_safely(self) -> None:
        run_id = self.run.run_id
        try:
            try:
                self._run()
            except (_Abandoned, LeadershipLostError):
                raise
            except LodestarError as error:
                self._end(RunStatus.FAILURE, f"run failed: {error}")
            except Exception:  # the coordinator must always leave the run in a final state
                log.exception("run %s: coordinator error", run_id)
                self._end(
                    RunStatus.FAILURE, f"run failed in the control plane:\n{traceback.format_exc()}"
                )
        except (_Abandoned, LeadershipLostError) as error:
            log.warning("run %s left to the daemon leader: %s", run_id, error or "stopping")
            self._executor.cancel(run_id)
        finally:
            self._executor.run_finished(run_id)
            self._on_exit(run_id)

    def _stored(self, call: Callable[[], T]) -> T:
        """`call()` (a storage call), retried with backoff while storage is unavailable."""
        for attempt in range(1_000_000):
            if self._abandon.is_set():
                raise _Abandoned()
            try:
                return call()
            except TRANSIENT_STORAGE_ERRORS as error:
                delay = STORAGE_RETRY_DELAYS_S[min(attempt, len(STORAGE_RETRY_DELAYS_S) - 1)]
                log.warning(
                    "run %s: storage unavailable (%s); retrying in %.2fs",
                    self.run.run_id,
                    str(error).splitlines()[0],
                    delay,
                )
                self._abandon.wait(delay)
        raise _Abandoned()

    def _end(self, status: RunStatus, message: str) -> None:
        event_type = {
            RunStatus.SUCCESS: EventType.RUN_SUCCESS,
            RunStatus.FAILURE: EventType.RUN_FAILURE,
            RunStatus.CANCELED: EventType.RUN_CANCELED,
        }[status]
        level = "INFO" if status == RunStatus.SUCCESS else "ERROR"
        event = run_event(event_type, message, level=level)
        in_flight = [RunStatus.STARTING, RunStatus.STARTED, RunStatus.CANCELING]
        self._stored(
            lambda: self._storage.set_run_status(
                self.run.run_id, status, event, expected=in_flight, term=self._term
            )
        )

    def _plan(self) -> ExecutionPlan:
        """The plan stored with the run; a run stored without one (a backfill's) gets it from
        its code server now (see `run_plans`), validated against its config, and stores it
        as it starts."""
        plan_id = self.run.plan_id
        if plan_id is None:
            return run_plans.plan(self._locations, self.run)
        stored = self._stored(lambda: self._storage.get_plan(plan_id))
        if stored is None:
            raise LodestarError(f"the run's execution plan {plan_id} is not in storage")
        return stored

    def _run(self) -> None:
        run = self.run
        plan = self._plan()
        lineage = plan_pipeline(plan)
        known = self._stored(lambda: starting_state(self._storage, run))
        events = [run_event(EventType.RUN_START, f"started run of pipeline {run.pipeline_name!r}")]
        if run.parent_run_id:
            reused = len(known.outcomes)
            events.append(
                run_event(
                    EventType.ENGINE_EVENT,
                    f"re-executing run {run.parent_run_id}: reusing {reused} successful steps",
                    data={KNOWN_STATE_EVENT: known.to_data()},
                )
            )
        started = self._stored(
            lambda: self._storage.set_run_status(
                run.run_id,
                RunStatus.STARTED,
                events[0],
                expected=[RunStatus.STARTING],
                term=self._term,
                plan=plan if run.plan_id is None else None,
            )
        )
        if not started:  # terminated before it started
            self._end(RunStatus.CANCELED, "run canceled before it started")
            return
        self._store(events[1:])
        max_steps = int(run.tags.get(MAX_CONCURRENT_STEPS_TAG, self._max_concurrent_steps))
        active = ActiveExecution(plan, run.run_id, known, max_steps)
        context = RunExecutionContext(
            run.run_id,
            run.location_name,
            run.pipeline_name,
            plan.mode,
            run.run_config,
            run.tags,
            plan,
        )
        canceling = False
        status_checked = time.monotonic()
        while True:
            if time.monotonic() - status_checked > STATUS_CHECK_INTERVAL_S:
                # Termination may be requested through another process sharing the storage.
                status_checked = time.monotonic()
                current = self._stored(lambda: self._storage.get_run(run.run_id))
                if current is not None and current.status == RunStatus.CANCELING:
                    self._terminate.set()
            if self._terminate.is_set() and not canceling:
                canceling = True
                active.cancel()
                self._executor.cancel(run.run_id)
            dispatch = active.dispatch()
            if dispatch.skipped:
                self._store(
                    [
                        run_event(EventType.STEP_SKIPPED, f"skipped: {reason}", key)
                        for key, reason in dispatch.skipped
                    ]
                )
            if dispatch.steps:
                self._executor.submit(context, dispatch.steps, self._inbox.put)
            if active.is_complete():
                break
            batch = self._next_events(active.next_retry_due())
            if self._abandon.is_set():
                raise _Abandoned()
            if batch:
                batch = with_parents(batch, lineage)
                self._store(batch)
                for event in batch:
                    active.handle(event)
        if canceling:
            self._end(RunStatus.CANCELED, "run terminated")
        elif active.has_failures():
            failed = sorted(k for k, o in active.known.outcomes.items() if o == "FAILURE")
            self._end(RunStatus.FAILURE, f"steps failed: {', '.join(failed[:20])}")
        else:
            self._end(RunStatus.SUCCESS, "run succeeded")

    def _store(self, events: list[StepEvent]) -> None:
        self._stored(lambda: self._storage.store_events(self.run.run_id, events, term=self._term))

    def _next_events(self, retry_due: float | None) -> list[StepEvent]:
        """Blocks for the next event (or a due retry, or termination), then drains the inbox."""
        timeout = STATUS_CHECK_INTERVAL_S
        if retry_due is not None:
            timeout = min(timeout, max(0.0, retry_due - time.time()))
        try:
            first = self._inbox.get(timeout=timeout)
        except queue.Empty:
            return []
        batch = [first] if first is not None else []
        while len(batch) < MAX_EVENTS_PER_WRITE:
            try:
                event = self._inbox.get_nowait()
            except queue.Empty:
                break
            if event is not None:
                batch.append(event)
        return batch
