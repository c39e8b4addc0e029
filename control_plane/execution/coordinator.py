"""RunCoordinator: drives one run from its plan to a final status, writing every event."""

from __future__ import annotations

import logging
import queue
import threading
import time
import traceback
from collections.abc import Callable

from control_plane.assets.recording import add_lineage
from control_plane.code_locations import CodeLocations
from control_plane.errors import LodestarError
from control_plane.execution.active_execution import ActiveExecution
from control_plane.execution.executor import RunExecutionContext, StepExecutor
from control_plane.execution.known_state import KNOWN_STATE_EVENT, KnownState, select_steps
from control_plane.run_events import run_event
from control_plane.storage import Storage
from control_plane.storage.records import PipelineRun, RunStatus
from user_code_server.protocol import EventType, ExecutionPlan, StepEvent

log = logging.getLogger(__name__)

MAX_EVENTS_PER_WRITE = 5000
STATUS_CHECK_INTERVAL_S = 1.0
DEFAULT_MAX_CONCURRENT_STEPS = 64
MAX_CONCURRENT_STEPS_TAG = "lodestar/max_concurrent_steps"
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
    parent = KnownState.from_events(run.parent_run_id, records)
    rerun = select_steps(parent, run.step_selection) if run.step_selection else set()
    return parent.reused_for(rerun)


class RunCoordinator:
    """One thread per run: fetch the plan, dispatch ready steps, persist events in batches."""

    def __init__(
        self,
        run: PipelineRun,
        storage: Storage,
        locations: CodeLocations,
        executor: StepExecutor,
        io_base_dir: str,
        on_exit: Callable[[str], None],
        shutdown: threading.Event,
    ):
        self.run = run
        self._storage = storage
        self._locations = locations
        self._executor = executor
        self._io_base_dir = io_base_dir
        self._on_exit = on_exit
        self._shutdown = shutdown  # set when the control plane stops: leave the run for recovery
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
            self._run()
        except LodestarError as error:
            self._end(RunStatus.FAILURE, f"run failed: {error}")
        except Exception:  # the coordinator must always leave the run in a final state
            log.exception("run %s: coordinator error", run_id)
            if not self._shutdown.is_set():
                message = f"run failed in the control plane:\n{traceback.format_exc()}"
                self._end(RunStatus.FAILURE, message)
        finally:
            self._executor.run_finished(run_id)
            self._on_exit(run_id)

    def _end(self, status: RunStatus, message: str) -> None:
        event_type = {
            RunStatus.SUCCESS: EventType.RUN_SUCCESS,
            RunStatus.FAILURE: EventType.RUN_FAILURE,
            RunStatus.CANCELED: EventType.RUN_CANCELED,
        }[status]
        level = "INFO" if status == RunStatus.SUCCESS else "ERROR"
        self._storage.set_run_status(
            self.run.run_id,
            status,
            run_event(event_type, message, level=level),
            expected=[RunStatus.STARTING, RunStatus.STARTED, RunStatus.CANCELING],
        )

    def _plan(self) -> ExecutionPlan:
        run = self.run
        client = self._locations.get(run.location_name).client()
        reply = client.execution_plan(
            run.pipeline_name, run.run_config, run.solid_selection, run.mode
        )
        if reply.error:
            raise LodestarError(f"{reply.error.message}\n{reply.error.stack}".rstrip())
        if reply.config_errors:
            errors = "\n".join(f"  - {e}" for e in reply.config_errors)
            raise LodestarError(f"invalid run config:\n{errors}")
        return reply.plan

    def _run(self) -> None:
        run = self.run
        plan = self._plan()
        known = starting_state(self._storage, run)
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
        started = self._storage.set_run_status(
            run.run_id, RunStatus.STARTED, events[0], expected=[RunStatus.STARTING]
        )
        if not started:  # terminated before it started
            self._end(RunStatus.CANCELED, "run canceled before it started")
            return
        self._storage.store_events(run.run_id, events[1:])
        max_steps = int(run.tags.get(MAX_CONCURRENT_STEPS_TAG, DEFAULT_MAX_CONCURRENT_STEPS))
        active = ActiveExecution(plan, run.run_id, known, max_steps)
        context = RunExecutionContext(
            run.run_id,
            run.location_name,
            run.pipeline_name,
            plan.mode,
            run.run_config,
            self._io_base_dir,
            run.tags,
        )
        canceling = False
        status_checked = time.monotonic()
        while True:
            if time.monotonic() - status_checked > STATUS_CHECK_INTERVAL_S:
                # Termination may be requested through another process sharing the storage.
                status_checked = time.monotonic()
                if self._storage.get_run(run.run_id).status == RunStatus.CANCELING:
                    self._terminate.set()
            if self._terminate.is_set() and not canceling:
                canceling = True
                active.cancel()
                self._executor.cancel(run.run_id)
            dispatch = active.dispatch()
            if dispatch.skipped:
                self._storage.store_events(
                    run.run_id,
                    [
                        run_event(EventType.STEP_SKIPPED, f"skipped: {reason}", key)
                        for key, reason in dispatch.skipped
                    ],
                )
            if dispatch.steps:
                self._executor.submit(context, dispatch.steps, self._inbox.put)
            if active.is_complete():
                break
            batch = self._next_events(active.next_retry_due())
            if self._shutdown.is_set():
                return
            if batch:
                batch = add_lineage(batch, self._locations, run)
                self._storage.store_events(run.run_id, batch)
                for event in batch:
                    active.handle(event)
        if canceling:
            self._end(RunStatus.CANCELED, "run terminated")
        elif active.has_failures():
            failed = sorted(k for k, o in active.known.outcomes.items() if o == "FAILURE")
            self._end(RunStatus.FAILURE, f"steps failed: {', '.join(failed[:20])}")
        else:
            self._end(RunStatus.SUCCESS, "run succeeded")

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
