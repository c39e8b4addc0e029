"""Schedules and sensors on the wire: what one evaluation asks for (their snapshots are in
`snapshots`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from user_code_server.protocol.plan import ErrorInfo


@dataclass(frozen=True)
class TickRunRequest:
    """One run a tick asks for. A sensor's `run_key` launches at most once, ever."""

    run_key: str = ""
    run_config: Any = None  # a run config document (JSON-able dict)
    tags: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ScheduleTickReply:
    """What a schedule asks for at one due time: runs, or a skip with its reason, or the
    error of the user's function."""

    run_requests: list[TickRunRequest] = field(default_factory=list)
    skip_reason: str = ""
    error: ErrorInfo | None = None


@dataclass(frozen=True)
class FailedRun:
    """A run that failed, as a pipeline failure sensor sees it (`context.pipeline_run`)."""

    run_id: str
    pipeline_name: str
    status: str
    message: str = ""
    tags: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SensorEvaluation:
    """A sensor to evaluate, from its cursor and last run key (a failure sensor: told of
    `failed_runs`)."""

    sensor: str
    cursor: str = ""
    last_run_key: str = ""
    failed_runs: list[FailedRun] = field(default_factory=list)


@dataclass(frozen=True)
class SensorTickReply:
    """What one evaluation of a sensor asks for; `cursor` is the new cursor when
    `cursor_updated`."""

    run_requests: list[TickRunRequest] = field(default_factory=list)
    skip_reason: str = ""
    cursor: str = ""
    cursor_updated: bool = False
    error: ErrorInfo | None = None
