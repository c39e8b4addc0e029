"""ControlPlane: the operations GraphQL, the daemon and the embedded CLI call."""

from __future__ import annotations

import dataclasses
import threading
import time
import uuid

from control_plane.assets import AssetCatalog
from control_plane.backfills.daemon import BackfillDaemon, DaemonLoop
from control_plane.backfills.progress import BackfillProgress, backfill_progress
from control_plane.code_locations import CodeLocationInfo, CodeLocations
from control_plane.daemon_lease import DEFAULT_TTL_S, DaemonLease, LeaseKeeper
from control_plane.errors import (
    BackfillNotFoundError,
    CodeLocationError,
    InvalidRunStateError,
    InvalidStepSelectionError,
    PipelineNotFoundError,
    PlanError,
    RunConfigValidationError,
    RunNotFoundError,
)
from control_plane.execution.coordinator import RunCoordinator
from control_plane.execution.executor import GrpcStepExecutor, StepExecutor
from control_plane.partitions import Partitions
from control_plane.recovery import recover_interrupted_runs
from control_plane.run_events import run_event
from control_plane.run_queue import RunQueue
from control_plane.runs import new_run, reexecution_of
from control_plane.storage.records import (
    BACKFILL_TAG,
    Backfill,
    BackfillStatus,
    PipelineRun,
    RunsFilter,
    RunStatus,
)
from control_plane.workspace import Workspace
from user_code_server.protocol import (
    CodeServerUnavailableError,
    ErrorKind,
    EventType,
    ExecutionPlan,
    PipelineSnapshot,
    StepKey,
)

__all__ = ["CodeLocationInfo", "ControlPlane"]


class ControlPlane:
    """Owns the instance (storage, config), the code locations and the run coordinators."""

    def __init__(
        self,
        instance,
        workspace: Workspace,
        executor: StepExecutor | None = None,
        run_daemon: bool = True,
        lease_ttl_s: float = DEFAULT_TTL_S,
    ):
        """With `run_daemon`, the process competes for the daemon lease: its holder recovers
        interrupted runs, dequeues and coordinates runs and submits backfills. Without it
        the process serves the API only, and whichever process holds the lease runs what
        it queues."""
        self.instance = instance
        self.storage = instance.storage
        self.locations = CodeLocations(workspace, instance.config.code_servers.auth_token)
        self.executor = executor or GrpcStepExecutor(self.locations)
        self.partitions = Partitions(self.locations, self.storage)
        self.assets = AssetCatalog.for_locations(self.storage, self.locations)
        self._run_daemon = run_daemon
        self._lock = threading.Lock()
        self._coordinators: dict[str, RunCoordinator] = {}
        self._shutdown = threading.Event()
        self._queue = RunQueue(
            self.storage,
            self._start_run,
            lambda: len(self._coordinators),
            instance.config.run_queue.max_concurrent_runs,
        )
        pacing = instance.config.backfill_daemon
        backfill_daemon = BackfillDaemon(
            self.storage, self.locations, self._queue.wake, chunk_size=pacing.chunk_size
        )
        lease = DaemonLease(self.storage, lease_ttl_s)
        self._daemon = DaemonLoop(
            self.storage, backfill_daemon, lease.holder, interval_s=pacing.interval_seconds
        )
        self._lease = LeaseKeeper(lease, self._lead, self._abdicate)

    def start(self) -> None:
        """Connects code locations, then (with `run_daemon`) competes for the daemon lease."""
        self.locations.start()
        if self._run_daemon:
            self._lease.start()

    @property
    def is_daemon_leader(self) -> bool:
        return self._lease.leading

    def _lead(self) -> None:
        recover_interrupted_runs(self.storage)
        self._queue.start()
        self._daemon.start()

    def _abdicate(self) -> None:
        # Another process may lead now: leave the runs in flight to its recovery.
        self._shutdown.set()
        self._daemon.stop()
        self._queue.stop()

    def stop(self) -> None:
        """Stops the daemon (releasing its lease) and the code servers this process started.

        Runs still in flight are left as they are: the next daemon leader recovers them.
        """
        self._shutdown.set()
        if self._lease.leading:
            self._daemon.stop()
            self._queue.stop()
        if self._run_daemon:
            self._lease.stop()
        self.locations.stop()
        self.executor.shutdown()

    # Code locations and pipelines

    def code_locations(self) -> list[CodeLocationInfo]:
        return [location.info() for location in self.locations.all()]

    def reload_location(self, name: str) -> CodeLocationInfo:
        """Re-fetches the location's snapshot from its server."""
        return self.locations.get(name).reload()

    def pipeline(self, name: str, location: str | None = None) -> tuple[str, PipelineSnapshot]:
        """(location name, snapshot); raises PipelineNotFoundError / LocationNotFoundError."""
        if location is not None:
            snapshot = self.locations.get(location).snapshot()
            pipeline = snapshot.pipeline(name)
            if pipeline is None:
                raise PipelineNotFoundError(name, location)
            return location, pipeline
        for candidate in self.locations.all():
            snapshot = candidate.info().snapshot
            if snapshot is not None and snapshot.pipeline(name) is not None:
                return candidate.name, snapshot.pipeline(name)
        broken = [loc.info() for loc in self.locations.all() if loc.info().status != "LOADED"]
        if len(broken) == 1 and len(self.locations.all()) == 1:
            raise CodeLocationError(broken[0].name, broken[0].error or "not loaded")
        raise PipelineNotFoundError(name)

    def execution_plan(
        self,
        pipeline: str,
        run_config: dict | None = None,
        location: str | None = None,
        solid_selection: list[str] | None = None,
        mode: str | None = None,
    ) -> ExecutionPlan:
        """Raises RunConfigValidationError with every config error."""
        location, _ = self.pipeline(pipeline, location)
        client = self.locations.get(location).client()
        try:
            reply = client.execution_plan(pipeline, run_config or {}, solid_selection, mode or "")
        except CodeServerUnavailableError as error:
            raise CodeLocationError(location, str(error)) from None
        if reply.config_errors:
            raise RunConfigValidationError(pipeline, reply.config_errors)
        if reply.error is not None:
            if reply.error.kind == ErrorKind.PIPELINE_NOT_FOUND:
                raise PipelineNotFoundError(pipeline, location)
            raise PlanError(reply.error.message)
        return reply.plan

    # Runs

    def launch_run(
        self,
        pipeline: str,
        run_config: dict | None = None,
        location: str | None = None,
        tags: dict[str, str] | None = None,
        mode: str | None = None,
        solid_selection: list[str] | None = None,
    ) -> PipelineRun:
        """Validates the config against a plan from the code server, then queues the run."""
        location, _ = self.pipeline(pipeline, location)
        plan = self.execution_plan(pipeline, run_config, location, solid_selection, mode)
        run = new_run(pipeline, location, run_config or {}, plan.mode, tags, solid_selection)
        return self._enqueue(run)

    def execute_run(
        self,
        pipeline: str,
        run_config: dict | None = None,
        location: str | None = None,
        tags: dict[str, str] | None = None,
    ) -> PipelineRun:
        """Validates and starts a run in this process at once, bypassing the run queue (the
        embedded `lodestar execute`): no other process's daemon ever picks it up."""
        location, _ = self.pipeline(pipeline, location)
        plan = self.execution_plan(pipeline, run_config, location)
        run = dataclasses.replace(
            new_run(pipeline, location, run_config or {}, plan.mode, tags),
            status=RunStatus.STARTING,
        )
        stored = self.storage.add_run(
            run, run_event(EventType.RUN_STARTING, f"executing {pipeline!r} in this process")
        )
        self._start_run(stored)
        return stored

    def _enqueue(self, run: PipelineRun) -> PipelineRun:
        stored = self.storage.add_run(
            run, run_event(EventType.RUN_ENQUEUED, f"queued run of {run.pipeline_name!r}")
        )
        self._queue.wake()
        return stored

    def terminate_run(self, run_id: str) -> PipelineRun:
        run = self._run(run_id)
        if run.status == RunStatus.QUEUED:
            self.storage.set_run_status(
                run_id,
                RunStatus.CANCELED,
                run_event(EventType.RUN_CANCELED, "run canceled before it started"),
                expected=[RunStatus.QUEUED],
            )
        elif run.status in (RunStatus.STARTING, RunStatus.STARTED):
            self.storage.set_run_status(
                run_id,
                RunStatus.CANCELING,
                run_event(EventType.RUN_CANCELING, "terminating run"),
                expected=[RunStatus.STARTING, RunStatus.STARTED],
            )
            coordinator = self._coordinators.get(run_id)
            if coordinator is not None:
                coordinator.terminate()
        elif run.status != RunStatus.CANCELING:
            raise InvalidRunStateError(f"run {run_id} already ended: {run.status}")
        return self._run(run_id)

    def reexecute_run(
        self, run_id: str, from_failure: bool = True, step_selection: list[str] | None = None
    ) -> PipelineRun:
        """A new run with parent/root ids, running failed and skipped steps (or a selection)."""
        parent = self._run(run_id)
        if not parent.status.is_finished:
            raise InvalidRunStateError(f"run {run_id} is {parent.status}: wait for it to end")
        if from_failure and not step_selection and parent.status == RunStatus.SUCCESS:
            raise InvalidRunStateError(
                f"run {run_id} succeeded: there is no failure to re-execute from"
            )
        for selector in step_selection or []:
            try:
                StepKey.parse(selector)
            except ValueError as error:
                raise InvalidStepSelectionError(str(error)) from None
        selection = step_selection or (None if from_failure else ["*"])
        return self._enqueue(reexecution_of(parent, selection))

    # Partitions and backfills

    def launch_backfill(
        self,
        partition_set: str,
        partitions: list[str] | None = None,
        from_partition: str | None = None,
        to_partition: str | None = None,
        from_failure: bool = False,
        tags: dict[str, str] | None = None,
    ) -> Backfill:
        """Records a backfill over the chosen partitions (all by default) and wakes the daemon."""
        location, _ = self.partitions.partition_set(partition_set)
        names = self.partitions.select(partition_set, partitions, from_partition, to_partition)
        backfill = Backfill(
            backfill_id=uuid.uuid4().hex[:12],
            partition_set=partition_set,
            location_name=location,
            partition_names=names,
            from_failure=from_failure,
            tags=dict(tags or {}),
        )
        stored = self.storage.add_backfill(backfill)
        self._daemon.wake()
        return stored

    def backfill(self, backfill_id: str) -> Backfill:
        backfill = self.storage.get_backfill(backfill_id)
        if backfill is None:
            raise BackfillNotFoundError(backfill_id)
        return backfill

    def backfill_progress(self, backfill_id: str) -> BackfillProgress:
        return backfill_progress(self.storage, self.backfill(backfill_id))

    def cancel_backfill(self, backfill_id: str, terminate: bool = False) -> Backfill:
        """Stops submission and cancels the backfill's queued runs; `terminate` also
        terminates its runs in progress. A backfill whose runs are all submitted can be
        canceled too (its queued runs then never start)."""
        backfill = self.backfill(backfill_id)
        self.storage.set_backfill_status(
            backfill_id,
            BackfillStatus.CANCELED,
            expected=[BackfillStatus.REQUESTED, BackfillStatus.COMPLETED],
        )
        event = run_event(EventType.RUN_CANCELED, f"backfill {backfill_id} canceled")
        self.storage.cancel_queued_runs(backfill_id, event)
        if terminate:
            running = self.storage.get_runs(
                RunsFilter(
                    statuses=[RunStatus.STARTING, RunStatus.STARTED],
                    tags={BACKFILL_TAG: backfill_id},
                )
            )
            for run in running:
                self.terminate_run(run.run_id)
        return self.backfill(backfill.backfill_id)

    def wait_for_run(self, run_id: str, timeout: float | None = None) -> PipelineRun:
        """Blocks until the run has ended (or `timeout` seconds), returning it."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            run = self._run(run_id)
            if run.status.is_finished or (deadline and time.monotonic() > deadline):
                return run
            time.sleep(0.02)

    def _run(self, run_id: str) -> PipelineRun:
        run = self.storage.get_run(run_id)
        if run is None:
            raise RunNotFoundError(run_id)
        return run

    def _start_run(self, run: PipelineRun) -> None:
        coordinator = RunCoordinator(
            run,
            self.storage,
            self.locations,
            self.executor,
            self.instance.io_base_dir,
            on_exit=self._run_exited,
            shutdown=self._shutdown,
        )
        with self._lock:
            self._coordinators[run.run_id] = coordinator
        coordinator.start()

    def _run_exited(self, run_id: str) -> None:
        with self._lock:
            self._coordinators.pop(run_id, None)
        self._queue.wake()
