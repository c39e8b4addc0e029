"""The storage interface the control plane writes and reads through."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable

from control_plane.storage.records import (
    DaemonHeartbeat,
    EventRecord,
    PipelineRun,
    RunsFilter,
    RunStatus,
)
from user_code_server.protocol import EventType, StepEvent


class Storage(ABC):
    """Runs, the append-only event log and daemon heartbeats."""

    # Runs

    @abstractmethod
    def add_run(self, run: PipelineRun, event: StepEvent | None = None) -> PipelineRun:
        """Stores a new run (with its first event, in one transaction); returns it as stored."""

    @abstractmethod
    def get_run(self, run_id: str) -> PipelineRun | None: ...

    @abstractmethod
    def get_runs(
        self,
        filters: RunsFilter | None = None,
        limit: int | None = None,
        cursor: str | None = None,
        oldest_first: bool = False,
    ) -> list[PipelineRun]:
        """Runs newest first (or oldest first); `cursor` is the run id after which to continue."""

    @abstractmethod
    def count_runs(self, filters: RunsFilter | None = None) -> int: ...

    @abstractmethod
    def set_run_status(
        self,
        run_id: str,
        status: RunStatus,
        event: StepEvent | None = None,
        expected: Iterable[RunStatus] | None = None,
    ) -> bool:
        """Moves a run to `status` and appends `event`, in one transaction.

        With `expected`, only when the run's current status is one of those; returns whether
        the run changed. STARTED sets start_time; a finished status sets end_time.
        """

    @abstractmethod
    def replace_interrupted_run(
        self, interrupted_run_id: str, failure_event: StepEvent, new_run: PipelineRun
    ) -> PipelineRun | None:
        """Marks an interrupted run FAILURE and adds its recovery run, in one transaction.

        Returns None (changing nothing) when the run is no longer in flight, so two callers
        never both recover it.
        """

    # Events

    @abstractmethod
    def store_events(self, run_id: str, events: list[StepEvent]) -> None:
        """Appends events to the log in one transaction."""

    @abstractmethod
    def get_events(
        self,
        run_id: str,
        after_cursor: int = 0,
        limit: int | None = None,
        event_types: Iterable[EventType] | None = None,
    ) -> list[EventRecord]:
        """Events of a run in log order, with storage ids greater than `after_cursor`."""

    # Daemons

    @abstractmethod
    def add_daemon_heartbeat(self, heartbeat: DaemonHeartbeat) -> None: ...

    @abstractmethod
    def get_daemon_heartbeats(self) -> list[DaemonHeartbeat]: ...

    # Lifecycle

    @abstractmethod
    def dispose(self) -> None:
        """Closes pooled connections."""
