"""The daemon leader: which process runs the run queue, run coordinators, backfills and
recovery, one lease term at a time.

Leadership is a term of the daemon lease. Each term starts a fresh `LeaderRuntime` (new
loops, new coordinators, writes fenced by the term); losing the lease ends that runtime,
cancelling its runs' step streams, and winning it again starts a new one.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator

from control_plane.backfills.daemon import DAEMON_TYPE as BACKFILL_DAEMON
from control_plane.backfills.daemon import BackfillDaemon
from control_plane.background_loop import BackgroundLoop
from control_plane.code_locations import CodeLocations
from control_plane.daemon_lease import DaemonLease
from control_plane.execution.coordinator import RunCoordinator
from control_plane.execution.executor import StepExecutor
from control_plane.instigators.daemons import (
    SCHEDULER_DAEMON,
    SENSOR_DAEMON,
    ScheduleDaemon,
    SensorDaemon,
)
from control_plane.recovery import recover_interrupted_runs
from control_plane.run_queue import DAEMON_TYPE as RUN_QUEUE_DAEMON
from control_plane.run_queue import POLL_INTERVAL_S, RunQueue
from control_plane.storage import Storage
from control_plane.storage.records import DaemonHeartbeat, LeaderTerm, PipelineRun

log = logging.getLogger(__name__)

# Passes of the scheduler and the sensor daemon: a due time is seen within this.
INSTIGATOR_INTERVAL_S = 0.25
HEARTBEAT_INTERVAL_S = 1.0


class RunsInFlight:
    """The run coordinators of one process, all writing under one term (None: no lease)."""

    def __init__(
        self,
        *,
        storage: Storage,
        locations: CodeLocations,
        executor: StepExecutor,
        term: LeaderTerm | None,
        max_concurrent_steps: int,
        on_exit: Callable[[], None] = lambda: None,
    ):
        self._storage = storage
        self._max_concurrent_steps = max_concurrent_steps
        self._locations = locations
        self._executor = executor
        self._term = term
        self._on_exit = on_exit
        self._abandon = threading.Event()
        self._lock = threading.Lock()
        self._coordinators: dict[str, RunCoordinator] = {}

    def start(self, run: PipelineRun) -> None:
        coordinator = RunCoordinator(
            run,
            storage=self._storage,
            locations=self._locations,
            executor=self._executor,
            on_exit=self._exited,
            abandon=self._abandon,
            term=self._term,
            max_concurrent_steps=self._max_concurrent_steps,
        )
        with self._lock:
            self._coordinators[run.run_id] = coordinator
        coordinator.start()

    def __len__(self) -> int:
        return len(self._coordinators)

    def __contains__(self, run_id: str) -> bool:
        return run_id in self._coordinators

    def terminate(self, run_id: str) -> None:
        """Terminates the run if this process coordinates it."""
        coordinator = self._coordinators.get(run_id)
        if coordinator is not None:
            coordinator.terminate()

    def abandon(self) -> None:
        """Stops coordinating every run, writing nothing more, and cancels their step streams:
        the runs are left to whichever process leads next (its recovery ends them)."""
        self._abandon.set()
        with self._lock:
            run_ids = list(self._coordinators)
        for run_id in run_ids:
            self._executor.cancel(run_id)

    def _exited(self, run_id: str) -> None:
        with self._lock:
            self._coordinators.pop(run_id, None)
        self._on_exit()


class LeaderRuntime:
    """What the leader runs during one term: recovery of interrupted runs (first), the run
    queue and its coordinators, the backfill daemon, the scheduler and the sensor daemon,
    each a restartable loop."""

    def __init__(
        self,
        term: LeaderTerm,
        *,
        storage: Storage,
        locations: CodeLocations,
        executor: StepExecutor,
        max_concurrent_runs: int,
        max_concurrent_steps: int,
        backfill_chunk_size: int,
        backfill_interval_s: float,
    ):
        self.term = term
        self._storage = storage
        self._locations = locations
        self.runs = RunsInFlight(
            storage=storage,
            locations=locations,
            executor=executor,
            term=term,
            max_concurrent_steps=max_concurrent_steps,
            on_exit=self.wake_queue,
        )
        self._queue = RunQueue(
            storage, self.runs.start, self.runs.__len__, max_concurrent_runs, term
        )
        self._recovered = False
        backfills = BackfillDaemon(storage, locations, self.wake_queue, backfill_chunk_size)
        schedules = ScheduleDaemon(storage, locations, self.wake_queue, term)
        sensors = SensorDaemon(storage, locations, self.wake_queue, term)
        self._last_heartbeat: dict[str, float] = {}
        self._queue_loop = BackgroundLoop(
            "run-queue",
            self._queue_pass,
            POLL_INTERVAL_S,
            lambda: self._heartbeat(RUN_QUEUE_DAEMON),
        )
        self._backfill_loop = BackgroundLoop(
            "backfill-daemon",
            backfills.iterate,
            backfill_interval_s,
            lambda: self._heartbeat(BACKFILL_DAEMON),
        )
        self.instigator_loops = [
            BackgroundLoop(
                "scheduler",
                schedules.iterate,
                INSTIGATOR_INTERVAL_S,
                lambda: self._heartbeat(SCHEDULER_DAEMON),
            ),
            BackgroundLoop(
                "sensor-daemon",
                sensors.iterate,
                INSTIGATOR_INTERVAL_S,
                lambda: self._heartbeat(SENSOR_DAEMON),
            ),
        ]
        self._loops = [self._queue_loop, self._backfill_loop, *self.instigator_loops]

    def start(self) -> None:
        for loop in self._loops:
            loop.start()

    def stop(self) -> None:
        """Ends the term: the loops stop and the runs in flight are abandoned to the next."""
        self.runs.abandon()
        for loop in self._loops:
            loop.stop()

    def wake_instigators(self) -> None:
        """Looks at schedules and sensors now (one was started or stopped)."""
        for loop in self.instigator_loops:
            loop.wake()

    def wake_queue(self) -> None:
        self._queue_loop.wake()

    def wake_backfills(self) -> None:
        self._backfill_loop.wake()

    def _queue_pass(self) -> Iterator[str]:
        if not self._recovered:  # before any run starts; retried each pass until it succeeds
            recover_interrupted_runs(self._storage, self.term)
            self._recovered = True
            yield "recovered"
        yield from self._queue.iterate()

    def _heartbeat(self, daemon_type: str) -> None:
        """Records that `daemon_type` is alive, at most once a second."""
        now = time.time()
        if now - self._last_heartbeat.get(daemon_type, 0.0) < HEARTBEAT_INTERVAL_S:
            return
        self._last_heartbeat[daemon_type] = now
        served = sorted(location.name for location in self._locations.all())
        info = {"term": self.term.term, "locations": served}
        self._storage.add_daemon_heartbeat(
            DaemonHeartbeat(daemon_type, self.term.holder, now, info)
        )


class Leadership:
    """Competes for the daemon lease, renewing it every third of its time to live, and runs a
    fresh `LeaderRuntime` for each term it wins."""

    def __init__(self, lease: DaemonLease, new_runtime: Callable[[LeaderTerm], LeaderRuntime]):
        self.lease = lease
        self._new_runtime = new_runtime
        self.runtime: LeaderRuntime | None = None
        self._loop = BackgroundLoop("daemon-lease", self._pass, lease.ttl_s / 3)

    def start(self) -> None:
        """Tries once now (so an idle instance is led at once), then keeps trying."""
        try:
            self._tick()
        except Exception:
            log.exception("daemon lease: could not reach storage")
        self._loop.start()

    def stop(self) -> None:
        self._loop.stop()
        if self.runtime is not None:
            self.runtime.stop()
            self.runtime = None
            self.lease.release()

    def _pass(self) -> Iterator[str]:
        self._tick()
        yield "ticked"

    def _tick(self) -> None:
        term = self.lease.hold()
        current = self.runtime
        if current is not None and term == current.term:
            return
        if current is not None:
            log.error("daemon lease: term %s of %s ended", current.term.term, self.lease.holder)
            self.runtime = None
            current.stop()
        if term is not None:
            log.info("daemon lease: term %s taken by %s", term.term, self.lease.holder)
            self.runtime = self._new_runtime(term)
            self.runtime.start()
