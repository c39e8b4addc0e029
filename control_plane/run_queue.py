"""The run queue: starts QUEUED runs oldest first, at most `max_concurrent_runs` at a time."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from control_plane.run_events import run_event
from control_plane.storage import Storage
from control_plane.storage.records import PipelineRun, RunsFilter, RunStatus
from user_code_server.protocol import EventType

log = logging.getLogger(__name__)

POLL_INTERVAL_S = 1.0


class RunQueue:
    def __init__(
        self,
        storage: Storage,
        start_run: Callable[[PipelineRun], None],
        runs_in_flight: Callable[[], int],
        max_concurrent_runs: int,
    ):
        self._storage = storage
        self._start_run = start_run
        self._runs_in_flight = runs_in_flight
        self._max = max_concurrent_runs
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="run-queue", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=10)

    def wake(self) -> None:
        """Looks at the queue now rather than at the next poll."""
        self._wake.set()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                self.tick()
            except Exception:
                log.exception("run queue tick failed")
            self._wake.wait(POLL_INTERVAL_S)

    def tick(self) -> None:
        free = self._max - self._runs_in_flight()
        if free <= 0:
            return
        queued = self._storage.get_runs(
            RunsFilter(statuses=[RunStatus.QUEUED]), limit=free, oldest_first=True
        )
        for run in queued:
            event = run_event(EventType.RUN_STARTING, f"dequeued run of {run.pipeline_name!r}")
            if self._storage.set_run_status(
                run.run_id, RunStatus.STARTING, event, expected=[RunStatus.QUEUED]
            ):
                self._start_run(self._storage.get_run(run.run_id))
