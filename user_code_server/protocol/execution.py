"""Step execution requests and the events that stream back."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from user_code_server.protocol.plan import ErrorInfo


class EventType(StrEnum):
    ENGINE_EVENT = "ENGINE_EVENT"
    STEP_START = "STEP_START"
    STEP_OUTPUT = "STEP_OUTPUT"
    STEP_SUCCESS = "STEP_SUCCESS"
    STEP_FAILURE = "STEP_FAILURE"
    STEP_SKIPPED = "STEP_SKIPPED"
    STEP_UP_FOR_RETRY = "STEP_UP_FOR_RETRY"
    STEP_LOG = "STEP_LOG"
    STEP_STDOUT = "STEP_STDOUT"
    STEP_STDERR = "STEP_STDERR"
    TYPE_CHECK = "TYPE_CHECK"
    DYNAMIC_OUTPUT = "DYNAMIC_OUTPUT"
    ASSET_MATERIALIZATION = "ASSET_MATERIALIZATION"
    RUN_ENQUEUED = "RUN_ENQUEUED"
    RUN_STARTING = "RUN_STARTING"
    RUN_START = "RUN_START"
    RUN_SUCCESS = "RUN_SUCCESS"
    RUN_FAILURE = "RUN_FAILURE"
    RUN_CANCELING = "RUN_CANCELING"
    RUN_CANCELED = "RUN_CANCELED"


@dataclass(frozen=True)
class OutputHandle:
    """Where an output value lives: the run that produced it, its step and output name."""

    run_id: str
    step_key: str
    output_name: str
    mapping_key: str = ""  # set for one value of a dynamic output


@dataclass(frozen=True)
class InputHandles:
    input_name: str
    handles: list[OutputHandle] = field(default_factory=list)
    is_collect: bool = False


@dataclass(frozen=True)
class StepExecution:
    step_key: str
    attempt: int = 1
    inputs: list[InputHandles] = field(default_factory=list)


@dataclass(frozen=True)
class ExecuteStepsRequest:
    run_id: str
    pipeline: str
    mode: str
    run_config: dict
    run_tags: dict[str, str] = field(default_factory=dict)
    steps: list[StepExecution] = field(default_factory=list)


@dataclass(frozen=True)
class StepEvent:
    """One event of a step. `data` carries type-specific details (JSON-able)."""

    step_key: str
    event_type: EventType
    timestamp: float
    message: str = ""
    level: str = ""
    output_name: str = ""
    mapping_key: str = ""
    error: ErrorInfo | None = None
    data: Any = None
    attempt: int = 0


@dataclass(frozen=True)
class PingReply:
    server_id: str
    sdk_version: str
    load_error: str = ""
    repository_name: str = ""
    pid: int = 0
