"""The run queue: starts QUEUED runs oldest first, at most `max_concurrent_runs` at a time."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

from control_plane.run_events import run_event
from control_plane.storage import Storage
from control_plane.storage.records import LeaderTerm, PipelineRun, RunStatus
from user_code_server.protocol import EventType

POLL_INTERVAL_S = 1.0
DAEMON_TYPE = "RUN_QUEUE"


class RunQueue:
    def __init__(
        self,
        storage: Storage,
        start_run: Callable[[PipelineRun], None],
        runs_in_flight: Callable[[], int],
        max_concurrent_runs: int,
        term: LeaderTerm | None = None,
    ):
        self._storage = storage
        self._start_run = start_run
        self._runs_in_flight = runs_in_flight
        self._max = max_concurrent_runs
        self._term = term

    def iterate(self) -> Iterator[str]:
        """Dequeues as many runs as there is room for, yielding after each one started."""
        free = self._max - self._runs_in_flight()
        if free <= 0:
            return
        queued = self._storage.queued_runs(free)
        dequeued = [
            (
                run.run_id,
                run_event(EventType.RUN_STARTING, f"dequeued run of {run.pipeline_name!r}"),
            )
            for run in queued
        ]
        # One transaction for the lot: each run is still moved only if it is still QUEUED.
        started = set(self._storage.start_queued_runs(dequeued, term=self._term))
        for run in queued:
            if run.run_id in started:
                # Only the status changed: a queued run's other fields are never written.
                self._start_run(dataclasses.replace(run, status=RunStatus.STARTING))
                yield run.run_id
