"""What storage keeps of schedules and sensors, as plain values."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from control_plane.storage.records import PipelineRun
from user_code_server.protocol import StepEvent

# The tags a run launched by a schedule or a sensor carries.
SCHEDULE_TAG = "lodestar/schedule"
SENSOR_TAG = "lodestar/sensor"


class InstigatorKind(StrEnum):
    SCHEDULE = "SCHEDULE"
    SENSOR = "SENSOR"


class InstigatorStatus(StrEnum):
    RUNNING = "RUNNING"
    STOPPED = "STOPPED"


class TickStatus(StrEnum):
    SUCCESS = "SUCCESS"  # it requested runs, and they are queued
    SKIPPED = "SKIPPED"  # it requested none (with its reason, if it gave one)
    FAILURE = "FAILURE"  # the user's function raised, or its location could not answer


@dataclass(frozen=True)
class InstigatorState:
    """A schedule's or sensor's state: RUNNING or STOPPED, and how far it got.

    `last_tick_time`: a schedule's last handled due time (or when it was started), a
    sensor's last evaluation; `cursor` and `last_run_key`: a sensor's."""

    kind: InstigatorKind
    name: str
    location_name: str
    status: InstigatorStatus
    last_tick_time: float | None = None
    cursor: str | None = None
    last_run_key: str | None = None
    updated_at: float = 0.0


@dataclass(frozen=True)
class Tick:
    """One evaluation: at a schedule's due time, or a sensor's evaluation time."""

    kind: InstigatorKind
    name: str
    tick_time: float
    status: TickStatus
    run_ids: list[str] = field(default_factory=list)
    skip_reason: str | None = None
    error: str | None = None
    cursor: str | None = None
    tick_id: int = 0
    created_at: float = 0.0


@dataclass(frozen=True)
class TickWrite:
    """A tick to record with what it launched: its runs (queued, each with `run_event`), a
    sensor's new run keys (key -> run id) and last run key. It is recorded only while its
    instigator is RUNNING at `expected_last_tick_time`."""

    tick: Tick
    expected_last_tick_time: float | None
    runs: list[PipelineRun] = field(default_factory=list)
    run_event: StepEvent | None = None
    new_run_keys: dict[str, str] = field(default_factory=dict)
    last_run_key: str | None = None
