"""The storage interface the control plane writes and reads through."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable

from control_plane.storage.asset_records import AssetMaterializationRecord, AssetRecord
from control_plane.storage.instigator_records import (
    InstigatorKind,
    InstigatorState,
    InstigatorStatus,
    Tick,
    TickWrite,
)
from control_plane.storage.records import (
    Backfill,
    BackfillStatus,
    DaemonHeartbeat,
    EventRecord,
    LeaderTerm,
    LeaseHolder,
    PipelineRun,
    RunsFilter,
    RunStatus,
    RunStep,
    StepStatus,
)
from user_code_server.protocol import EventType, ExecutionPlan, StepEvent


class Storage(ABC):
    """Runs, the append-only event log and daemon heartbeats."""

    # Runs

    @abstractmethod
    def add_run(
        self,
        run: PipelineRun,
        event: StepEvent | None = None,
        plan: ExecutionPlan | None = None,
    ) -> PipelineRun:
        """Stores a new run with its first event and the plan it runs, in one transaction;
        returns it as stored (`plan_id` set when a plan was given)."""

    @abstractmethod
    def get_plan(self, plan_id: str) -> ExecutionPlan | None: ...

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
        term: LeaderTerm | None = None,
        plan: ExecutionPlan | None = None,
    ) -> bool:
        """Moves a run to `status` and appends `event`, in one transaction.

        With `expected`, only when the run's current status is one of those; returns whether
        the run changed. STARTED sets start_time; a finished status sets end_time. With
        `term`, raises LeadershipLostError (changing nothing) once that term has ended. With
        `plan`, a run stored without a plan (a backfill's, at its start) records it too.
        """

    @abstractmethod
    def start_queued_runs(
        self, dequeued: list[tuple[str, StepEvent]], term: LeaderTerm | None = None
    ) -> list[str]:
        """Moves each (run id, event) run that is still QUEUED to STARTING and appends its
        event, all in one transaction (fenced by `term`, as above); returns the run ids moved,
        in order."""

    @abstractmethod
    def queued_runs(self, limit: int) -> list[PipelineRun]:
        """The oldest `limit` QUEUED runs, oldest first (what the run queue starts next)."""

    @abstractmethod
    def replace_interrupted_run(
        self,
        interrupted_run_id: str,
        failure_event: StepEvent,
        new_run: PipelineRun,
        term: LeaderTerm | None = None,
    ) -> PipelineRun | None:
        """Marks an interrupted run FAILURE and adds its recovery run, in one transaction.

        Returns None (changing nothing) when the run is no longer in flight, so two callers
        never both recover it.
        """

    # Events

    @abstractmethod
    def store_events(
        self, run_id: str, events: list[StepEvent], term: LeaderTerm | None = None
    ) -> None:
        """Appends events to the log in one transaction (fenced by `term`, as above).

        A text too large for the backend is cut, with a marker saying how much."""

    @abstractmethod
    def get_events(
        self,
        run_id: str,
        after_cursor: int = 0,
        limit: int | None = None,
        event_types: Iterable[EventType] | None = None,
    ) -> list[EventRecord]:
        """Events of a run in log order, with storage ids greater than `after_cursor`."""

    @abstractmethod
    def get_events_of_runs(
        self, run_ids: list[str], event_types: Iterable[EventType]
    ) -> list[EventRecord]:
        """The events of these types of all these runs, in log order (one statement)."""

    @abstractmethod
    def get_run_steps(self, run_ids: list[str]) -> list[RunStep]:
        """Each step's latest status in each of these runs, from the run_steps index, in order
        of each step's first event (one statement)."""

    # Backfills and partitions

    @abstractmethod
    def add_backfill(self, backfill: Backfill) -> Backfill: ...

    @abstractmethod
    def get_backfill(self, backfill_id: str) -> Backfill | None: ...

    @abstractmethod
    def get_backfills(
        self,
        statuses: Iterable[BackfillStatus] | None = None,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> list[Backfill]:
        """Backfills newest first; `cursor` is the backfill id after which to continue."""

    @abstractmethod
    def submit_backfill_runs(
        self,
        backfill_id: str,
        expected_cursor: int,
        new_cursor: int,
        new_runs: list[PipelineRun],
        event: StepEvent,
    ) -> bool:
        """Adds runs (each with a copy of `event`) and moves the backfill's cursor, in one
        transaction, only while the backfill is REQUESTED at `expected_cursor`: two daemons
        never submit the same partitions. Returns whether it did."""

    @abstractmethod
    def set_backfill_status(
        self,
        backfill_id: str,
        status: BackfillStatus,
        expected: Iterable[BackfillStatus] | None = None,
        error: str | None = None,
    ) -> bool: ...

    @abstractmethod
    def latest_partition_runs(
        self,
        partition_set: str,
        partition_keys: list[str] | None = None,
        backfill_id: str | None = None,
    ) -> dict[str, PipelineRun]:
        """The newest run of each partition (optionally of one backfill's runs only)."""

    @abstractmethod
    def latest_partition_run_statuses(
        self, partition_set: str, backfill_id: str | None = None
    ) -> dict[str, tuple[str, RunStatus]]:
        """(run id, status) of the newest run of each partition, as `latest_partition_runs`
        without the rest of each run (one statement)."""

    @abstractmethod
    def backfill_run_counts(self, backfill_id: str) -> dict[RunStatus, int]:
        """How many of the backfill's partitions have their newest run in each status."""

    @abstractmethod
    def backfills_run_counts(self, backfill_ids: list[str]) -> dict[str, dict[RunStatus, int]]:
        """`backfill_run_counts` of several backfills in one statement."""

    @abstractmethod
    def cancel_queued_runs(self, backfill_id: str, event: StepEvent) -> list[str]:
        """Cancels the backfill's QUEUED runs (appending `event` to each); returns their ids."""

    @abstractmethod
    def latest_cell_statuses(self, partition_set: str) -> dict[str, dict[str, StepStatus]]:
        """partition -> solid -> its status in the newest run that ran it (one statement)."""

    # Assets (an asset key is a tuple of path parts)

    @abstractmethod
    def get_assets(
        self, prefix: str | None = None, asset_keys: Iterable[tuple[str, ...]] | None = None
    ) -> list[AssetRecord]:
        """Assets with at least one materialization, in key order.

        `prefix` filters on the slash-separated key (`schema/` or `sch`); `asset_keys`
        restricts to those keys.
        """

    @abstractmethod
    def get_asset(self, asset_key: tuple[str, ...]) -> AssetRecord | None:
        """An asset storage has seen, even when its history was wiped since."""

    @abstractmethod
    def get_asset_materializations(
        self,
        asset_key: tuple[str, ...],
        limit: int | None = None,
        before: int | None = None,
        partition: str | None = None,
    ) -> list[AssetMaterializationRecord]:
        """Materializations newest first; `before` is the storage id to continue below."""

    @abstractmethod
    def get_asset_lineage(
        self, asset_keys: Iterable[tuple[str, ...]] | None, upstream: bool = True
    ) -> dict[tuple[str, ...], set[tuple[str, ...]]]:
        """Parents (or children) of each key (None: of every asset), as recorded with the
        latest materializations."""

    @abstractmethod
    def wipe_asset(self, asset_key: tuple[str, ...]) -> int:
        """Removes an asset's materializations from the catalog (the event log keeps them);
        returns how many it removed."""

    # Schedules and sensors

    @abstractmethod
    def get_instigator_states(self, kind: InstigatorKind | None = None) -> list[InstigatorState]:
        """Every schedule or sensor ever started or stopped, with its progress."""

    @abstractmethod
    def set_instigator_status(
        self,
        kind: InstigatorKind,
        name: str,
        location_name: str,
        status: InstigatorStatus,
        last_tick_time: float | None = None,
    ) -> InstigatorState:
        """Starts or stops one; starting sets `last_tick_time` (due times before it are never
        handled)."""

    @abstractmethod
    def record_ticks(self, writes: list[TickWrite], term: LeaderTerm | None = None) -> list[bool]:
        """Records ticks with their runs, run keys and progress in one transaction, each only
        while its instigator is RUNNING at the progress its evaluation read; returns, per
        tick, whether it was recorded."""

    @abstractmethod
    def get_ticks(
        self, kind: InstigatorKind, name: str, limit: int = 20, before_id: int | None = None
    ) -> list[Tick]:
        """Ticks newest first."""

    @abstractmethod
    def get_latest_ticks(self, kind: InstigatorKind) -> dict[str, Tick]:
        """The newest tick of each schedule or sensor of `kind` (one statement)."""

    @abstractmethod
    def get_run_keys(self, sensor: str, keys: Iterable[str]) -> dict[str, str]:
        """Which of `keys` the sensor already launched: run key -> run id."""

    # Daemons

    @abstractmethod
    def acquire_lease(
        self, name: str, holder: str, ttl_s: float, replaceable: Iterable[str] = ()
    ) -> LeaderTerm | None:
        """Takes or renews lease `name` for `holder` until the database's now + `ttl_s`;
        returns the holder's term, or None when another holds it.

        It is granted when free, expired, already `holder`'s, or held by one of
        `replaceable` (a holder known to be dead); one statement decides, so two callers
        never both hold it. The term grows by one whenever the lease changes hands."""

    @abstractmethod
    def release_lease(self, name: str, holder: str) -> None:
        """Gives the lease up at once, if `holder` holds it."""

    @abstractmethod
    def get_lease(self, name: str) -> tuple[str, float] | None:
        """(holder, expires_at) of the lease, if it was ever taken."""

    @abstractmethod
    def get_lease_holder(self, name: str) -> LeaseHolder | None:
        """Lease `name`'s holder, term and expiry, with the database's clock to judge it by."""

    @abstractmethod
    def add_daemon_heartbeat(self, heartbeat: DaemonHeartbeat) -> None: ...

    @abstractmethod
    def get_daemon_heartbeats(self) -> list[DaemonHeartbeat]: ...

    # Lifecycle

    @abstractmethod
    def dispose(self) -> None:
        """Closes pooled connections."""
