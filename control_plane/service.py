"""ControlPlane: the operations GraphQL, the daemon and the embedded CLI call."""

from __future__ import annotations

import contextlib
import dataclasses
import time
import uuid

from control_plane.assets import AssetCatalog
from control_plane.backfills.progress import BackfillProgress, backfill_progress
from control_plane.code_locations import CodeLocationInfo, CodeLocations
from control_plane.daemon_lease import DaemonLease, new_holder_id
from control_plane.errors import (
    BackfillNotFoundError,
    CodeLocationError,
    InvalidRunStateError,
    InvalidStepSelectionError,
    LocationNotServedError,
    PipelineNotFoundError,
    PlanError,
    RunConfigValidationError,
    RunNotFoundError,
)
from control_plane.execution.celery_executor import CeleryStepExecutor
from control_plane.execution.executor import GrpcStepExecutor
from control_plane.execution.routing import ExecutorByRun
from control_plane.instigators import Instigators
from control_plane.leader import LeaderRuntime, Leadership, RunsInFlight
from control_plane.partitions import Partitions
from control_plane.run_events import run_event
from control_plane.run_queue import DAEMON_TYPE as RUN_QUEUE
from control_plane.runs import new_run, reexecution_of
from control_plane.storage.instigator_records import InstigatorKind
from control_plane.storage.records import (
    BACKFILL_TAG,
    EXECUTED_BY_TAG,
    Backfill,
    BackfillStatus,
    LeaderTerm,
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

# A leader's run queue heartbeats every pass (about a second): older than this, nobody leads.
LEADER_HEARTBEAT_FRESH_S = 30.0

__all__ = ["CodeLocationInfo", "ControlPlane"]


class ControlPlane:
    """The operations the API, the CLI and `lodestar execute` call: code locations, runs,
    backfills, assets. With `run_daemon`, the process also competes for the daemon lease
    and, while it leads, runs the daemon (`control_plane.leader`)."""

    def __init__(
        self,
        instance,
        workspace: Workspace,
        run_daemon: bool = True,
        lease_ttl_s: float | None = None,
    ):
        self.instance = instance
        self.storage = instance.storage
        self.locations = CodeLocations(
            workspace, instance.config.code_servers.auth_token, instance.io_base_dir
        )
        celery = instance.config.celery
        self.executor = ExecutorByRun(
            GrpcStepExecutor(self.locations),
            CeleryStepExecutor(celery) if celery is not None else None,
        )
        self.partitions = Partitions(self.locations, self.storage)
        self.assets = AssetCatalog.for_locations(self.storage, self.locations)
        self.instigators = Instigators(self.storage, self.locations)
        self.process_id = new_holder_id()
        # Runs this process executes itself, without the queue (`lodestar execute`).
        self._own_runs = RunsInFlight(
            storage=self.storage,
            locations=self.locations,
            executor=self.executor,
            term=None,
            max_concurrent_steps=instance.config.run_coordinator.max_concurrent_steps,
        )
        ttl_s = lease_ttl_s or instance.config.daemon_lease.ttl_seconds
        lease = DaemonLease(self.storage, ttl_s, self.process_id)
        self._leadership = Leadership(lease, self._new_term) if run_daemon else None

    def start(self) -> None:
        """Connects code locations, then (with `run_daemon`) competes for the daemon lease."""
        self.locations.start()
        if self._leadership is not None:
            self._leadership.start()

    @property
    def is_daemon_leader(self) -> bool:
        return self._runtime is not None

    @property
    def _runtime(self) -> LeaderRuntime | None:
        return self._leadership.runtime if self._leadership is not None else None

    def _new_term(self, term: LeaderTerm) -> LeaderRuntime:
        config = self.instance.config
        return LeaderRuntime(
            term,
            storage=self.storage,
            locations=self.locations,
            executor=self.executor,
            max_concurrent_runs=config.run_queue.max_concurrent_runs,
            max_concurrent_steps=config.run_coordinator.max_concurrent_steps,
            backfill_chunk_size=config.backfill_daemon.chunk_size,
            backfill_interval_s=config.backfill_daemon.interval_seconds,
        )

    def stop(self) -> None:
        """Ends this process's daemon term (releasing the lease) and stops the code servers it
        started. Runs still in flight are left as they are: the next leader recovers them."""
        if self._leadership is not None:
            self._leadership.stop()
        self._own_runs.abandon()
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
            loaded = candidate.info().snapshot
            found = loaded.pipeline(name) if loaded is not None else None
            if found is not None:
                return candidate.name, found
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
        assert reply.plan is not None, "a reply without errors carries the plan"
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
        preset: str | None = None,
    ) -> PipelineRun:
        """Validates the config against a plan from the code server, then queues the run with
        that plan: the run executes what was validated, whatever is loaded later."""
        location, snapshot = self.pipeline(pipeline, location)
        self._check_leader_serves(location)
        run_config, mode, solid_selection, tags = _run_settings(
            snapshot, preset, run_config, mode, solid_selection, tags
        )
        self.executor.check(tags)
        plan = self.execution_plan(pipeline, run_config, location, solid_selection, mode)
        run = new_run(pipeline, location, run_config or {}, plan.mode, tags, solid_selection)
        return self._enqueue(run, plan)

    def execute_run(
        self,
        pipeline: str,
        run_config: dict | None = None,
        location: str | None = None,
        tags: dict[str, str] | None = None,
        mode: str | None = None,
        solid_selection: list[str] | None = None,
        preset: str | None = None,
    ) -> PipelineRun:
        """Validates and starts a run in this process at once, bypassing the run queue (the
        embedded `lodestar execute`): no other process's daemon ever picks it up."""
        location, snapshot = self.pipeline(pipeline, location)
        run_config, mode, solid_selection, tags = _run_settings(
            snapshot, preset, run_config, mode, solid_selection, tags
        )
        self.executor.check(tags)
        plan = self.execution_plan(pipeline, run_config, location, solid_selection, mode)
        tags = {**(tags or {}), EXECUTED_BY_TAG: self.process_id}
        run = dataclasses.replace(
            new_run(pipeline, location, run_config or {}, plan.mode, tags, solid_selection),
            status=RunStatus.STARTING,
        )
        event = run_event(EventType.RUN_STARTING, f"executing {pipeline!r} in this process")
        stored = self.storage.add_run(run, event, plan)
        self._own_runs.start(stored)
        return stored

    def _enqueue(self, run: PipelineRun, plan: ExecutionPlan | None = None) -> PipelineRun:
        event = run_event(EventType.RUN_ENQUEUED, f"queued run of {run.pipeline_name!r}")
        stored = self.storage.add_run(run, event, plan)
        if self._runtime is not None:
            self._runtime.wake_queue()
        return stored

    def _check_leader_serves(self, location: str) -> None:
        """Raises LocationNotServedError when the daemon leader (as its latest heartbeat says)
        does not serve `location`: its run would never start."""
        beats = [h for h in self.storage.get_daemon_heartbeats() if h.daemon_type == RUN_QUEUE]
        if not beats or time.time() - beats[0].timestamp > LEADER_HEARTBEAT_FRESH_S:
            return  # no leader now: the run waits in the queue for one
        served = beats[0].info.get("locations", [])
        if location not in served:
            raise LocationNotServedError(location, beats[0].daemon_id, served)

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
            self._own_runs.terminate(run_id)
            if self._runtime is not None:
                self._runtime.runs.terminate(run_id)
        elif run.status != RunStatus.CANCELING:
            raise InvalidRunStateError(f"run {run_id} already ended: {run.status}")
        return self._run(run_id)

    def reexecute_run(
        self,
        run_id: str,
        from_failure: bool = True,
        step_selection: list[str] | None = None,
        location: str | None = None,
    ) -> PipelineRun:
        """A new run with parent/root ids running the parent's plan: its failed and skipped
        steps, or a selection. `location` runs it on another code location than the parent's."""
        parent = self._run(run_id)
        if not parent.status.is_finished:
            raise InvalidRunStateError(f"run {run_id} is {parent.status}: wait for it to end")
        if from_failure and not step_selection and parent.status == RunStatus.SUCCESS:
            raise InvalidRunStateError(
                f"run {run_id} succeeded: there is no failure to re-execute from"
            )
        if step_selection is not None:
            self._check_step_selection(parent, step_selection)
        location, _ = self.pipeline(parent.pipeline_name, location or parent.location_name)
        self._check_leader_serves(location)
        selection = step_selection or (None if from_failure else ["*"])
        run = dataclasses.replace(reexecution_of(parent, selection), location_name=location)
        return self._enqueue(run)

    def _check_step_selection(self, parent: PipelineRun, selection: list[str]) -> None:
        """Raises InvalidStepSelectionError unless every selector names a step of the parent."""
        plan = self.storage.get_plan(parent.plan_id) if parent.plan_id else None
        if plan is not None:
            solids = {step.solid for step in plan.steps}
        else:
            keys = {record.event.step_key for record in self.storage.get_events(parent.run_id)}
            solids = {key.partition("[")[0] for key in keys if key}
        if not selection:
            raise InvalidStepSelectionError("the step selection is empty: it names no step")
        for selector in selection:
            try:
                key = StepKey.parse(selector) if selector != "*" else None
            except ValueError as error:
                raise InvalidStepSelectionError(str(error)) from None
            if key is not None and key.solid not in solids:
                raise InvalidStepSelectionError(
                    f"step selection {selector!r} names no step of run {parent.run_id} "
                    f"(its solids: {', '.join(sorted(solids)) or 'none'})"
                )

    # Schedules and sensors

    def set_instigator_running(self, kind: InstigatorKind, name: str, running: bool) -> None:
        """Starts or stops a schedule or sensor; the leader looks at it at once."""
        found = self.instigators
        if kind == InstigatorKind.SCHEDULE:
            (found.start_schedule if running else found.stop_schedule)(name)
        else:
            (found.start_sensor if running else found.stop_sensor)(name)
        if self._runtime is not None:
            self._runtime.wake_instigators()

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
        if self._runtime is not None:
            self._runtime.wake_backfills()
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
                with contextlib.suppress(InvalidRunStateError):  # it ended meanwhile
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


def _run_settings(
    snapshot: PipelineSnapshot,
    preset: str | None,
    run_config: dict | None,
    mode: str | None,
    solid_selection: list[str] | None,
    tags: dict[str, str] | None,
) -> tuple[dict | None, str | None, list[str] | None, dict[str, str]]:
    """A run's config, mode, selection and tags: the preset's when one is named; tags are the
    pipeline's, under the preset's, under the caller's."""
    base = dict(snapshot.tags)
    if preset is not None:
        found = next((p for p in snapshot.presets if p.name == preset), None)
        if found is None:
            known = ", ".join(p.name for p in snapshot.presets) or "none"
            raise PlanError(
                f"pipeline '{snapshot.name}' has no preset '{preset}' (presets: {known})"
            )
        if run_config or mode:
            raise PlanError(f"preset '{preset}' gives the run config and mode: give no others")
        run_config, mode = found.run_config, found.mode
        solid_selection = solid_selection or found.solid_selection or None
        base.update(found.tags)
    return run_config, mode, solid_selection, {**base, **(tags or {})}
