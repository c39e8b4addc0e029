"""What storage holds, as plain values: runs, stored events, heartbeats."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from user_code_server.protocol import EventType, StepEvent

PARTITION_TAG = "lodestar/partition"
PARTITION_SET_TAG = "lodestar/partition_set"
BACKFILL_TAG = "lodestar/backfill"
RECOVERED_FROM_TAG = "lodestar/recovered_from"
RECOVERY_COUNT_TAG = "lodestar/recovery_count"
# A run launched by `lodestar execute` names its process: nobody else coordinates it.
EXECUTED_BY_TAG = "lodestar/executed_by"
# Tags that describe one run's life, not its work: a re-execution does not inherit them.
RUN_LIFE_TAGS = frozenset({RECOVERY_COUNT_TAG, EXECUTED_BY_TAG})


class RunStatus(StrEnum):
    QUEUED = "QUEUED"
    STARTING = "STARTING"
    STARTED = "STARTED"
    SUCCESS = "SUCCESS"
    FAILURE = "FAILURE"
    CANCELING = "CANCELING"
    CANCELED = "CANCELED"

    @property
    def is_finished(self) -> bool:
        return self in (RunStatus.SUCCESS, RunStatus.FAILURE, RunStatus.CANCELED)


IN_FLIGHT_STATUSES = frozenset({RunStatus.STARTING, RunStatus.STARTED, RunStatus.CANCELING})


@dataclass(frozen=True)
class PipelineRun:
    """One run. Never overwritten: re-execution makes a new run naming its parent and root."""

    run_id: str
    pipeline_name: str
    location_name: str
    status: RunStatus = RunStatus.QUEUED
    run_config: dict = field(default_factory=dict)
    mode: str = "default"
    tags: dict[str, str] = field(default_factory=dict)
    solid_selection: list[str] | None = None
    # Step keys to execute (re-execution); `solid[*]` selects every instance of a mapped solid.
    step_selection: list[str] | None = None
    parent_run_id: str | None = None
    root_run_id: str | None = None
    created_at: float = 0.0
    updated_at: float = 0.0
    start_time: float | None = None
    end_time: float | None = None
    # The stored execution plan it runs (None until it is stored: launch or first start).
    plan_id: str | None = None

    @property
    def partition_key(self) -> str | None:
        return self.tags.get(PARTITION_TAG)

    @property
    def partition_set(self) -> str | None:
        return self.tags.get(PARTITION_SET_TAG)


@dataclass(frozen=True)
class EventRecord:
    """A stored event; `storage_id` is its cursor in the append-only log."""

    storage_id: int
    run_id: str
    event: StepEvent


@dataclass(frozen=True)
class RunsFilter:
    run_ids: list[str] | None = None
    pipeline_name: str | None = None
    statuses: list[RunStatus] | None = None
    tags: dict[str, str] | None = None
    parent_run_id: str | None = None  # re-executions of this run


@dataclass(frozen=True)
class LeaderTerm:
    """One holder's term of a lease. Writes carrying it are refused once the lease moved on."""

    lease: str
    holder: str
    term: int


@dataclass(frozen=True)
class DaemonHeartbeat:
    daemon_type: str
    daemon_id: str
    timestamp: float
    info: dict = field(default_factory=dict)


class BackfillStatus(StrEnum):
    REQUESTED = "REQUESTED"  # partitions are being submitted
    COMPLETED = "COMPLETED"  # every partition has a run
    CANCELED = "CANCELED"
    FAILED = "FAILED"  # submission stopped on an error (see `error`)


@dataclass(frozen=True)
class Backfill:
    """A request to run a partition set's pipeline once per selected partition.

    `cursor` counts the partitions (in `partition_names` order) whose runs are submitted.
    """

    backfill_id: str
    partition_set: str
    location_name: str
    partition_names: list[str]
    status: BackfillStatus = BackfillStatus.REQUESTED
    cursor: int = 0
    from_failure: bool = False
    tags: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    created_at: float = 0.0
    updated_at: float = 0.0


class StepStatus(StrEnum):
    """A step's latest status in a run, as the status matrix shows it."""

    IN_PROGRESS = "IN_PROGRESS"
    UP_FOR_RETRY = "UP_FOR_RETRY"
    SUCCESS = "SUCCESS"
    FAILURE = "FAILURE"
    SKIPPED = "SKIPPED"
    MISSING = "MISSING"


# The step events that change a step's status, and the status each one sets.
STEP_STATUS_OF_EVENT = {
    EventType.STEP_START: StepStatus.IN_PROGRESS,
    EventType.STEP_UP_FOR_RETRY: StepStatus.UP_FOR_RETRY,
    EventType.STEP_SUCCESS: StepStatus.SUCCESS,
    EventType.STEP_FAILURE: StepStatus.FAILURE,
    EventType.STEP_SKIPPED: StepStatus.SKIPPED,
}


@dataclass(frozen=True)
class RunStep:
    """One step instance of a run as the run_steps index holds it: its latest status."""

    run_id: str
    step_key: str
    status: StepStatus
    attempts: int
    start_time: float | None
    end_time: float | None


@dataclass(frozen=True)
class LeaseHolder:
    """Who holds a lease, in which term, until when (the database's clock, as `now`)."""

    name: str
    holder: str
    term: int
    expires_at: float
    now: float
