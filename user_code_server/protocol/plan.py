"""Execution plans and step keys, as the control plane receives them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from user_code_server.protocol.snapshots import InputSource, OutputRef, RetryPolicySnapshot

# Matched in full (`fullmatch`): "abc\n" is not a mapping key.
MAPPING_KEY_PATTERN = re.compile(r"[A-Za-z0-9_]+")
UNRESOLVED = "?"
_STEP_KEY = re.compile(r"^(?P<solid>[^\[\]]+)(?:\[(?P<keys>[^\[\]]*)\])?$")


@dataclass(frozen=True, order=True)
class StepKey:
    """A step instance: a solid plus one mapping key per dynamic output it is mapped over."""

    solid: str
    mapping_keys: tuple[str, ...] = ()

    def __str__(self) -> str:
        if not self.mapping_keys:
            return self.solid
        return f"{self.solid}[{','.join(self.mapping_keys)}]"

    @classmethod
    def parse(cls, text: str) -> StepKey:
        match = _STEP_KEY.match(text.strip())
        if not match:
            raise ValueError(f"not a step key: {text!r}")
        keys = match.group("keys")
        return cls(match.group("solid"), tuple(keys.split(",")) if keys else ())

    @property
    def is_resolved(self) -> bool:
        return UNRESOLVED not in self.mapping_keys


@dataclass(frozen=True)
class StepInput:
    name: str
    sources: list[InputSource] = field(default_factory=list)


@dataclass(frozen=True)
class StepOutput:
    name: str
    is_dynamic: bool = False
    is_required: bool = True
    asset_key: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StepSnapshot:
    """A step template: one per solid; concrete once its mapping keys are known."""

    solid: str
    mapped_over: list[OutputRef] = field(default_factory=list)
    inputs: list[StepInput] = field(default_factory=list)
    outputs: list[StepOutput] = field(default_factory=list)
    retry_policy: RetryPolicySnapshot = field(default_factory=RetryPolicySnapshot)
    tags: dict[str, str] = field(default_factory=dict)

    @property
    def depth(self) -> int:
        return len(self.mapped_over)

    @property
    def template_key(self) -> StepKey:
        return StepKey(self.solid, (UNRESOLVED,) * self.depth)


@dataclass(frozen=True)
class ExecutionPlan:
    pipeline: str
    mode: str
    steps: list[StepSnapshot] = field(default_factory=list)

    def step(self, solid: str) -> StepSnapshot:
        return next(s for s in self.steps if s.solid == solid)


class ErrorKind(StrEnum):
    UNKNOWN = "UNKNOWN"
    PIPELINE_NOT_FOUND = "PIPELINE_NOT_FOUND"
    INVALID_SOLID_SELECTION = "INVALID_SOLID_SELECTION"
    MODE_NOT_FOUND = "MODE_NOT_FOUND"
    USER_CODE_ERROR = "USER_CODE_ERROR"
    REPOSITORY_NOT_LOADED = "REPOSITORY_NOT_LOADED"
    PARTITION_SET_NOT_FOUND = "PARTITION_SET_NOT_FOUND"
    PARTITION_NOT_FOUND = "PARTITION_NOT_FOUND"


@dataclass(frozen=True)
class ErrorInfo:
    """An error that crossed the wire as a value."""

    kind: ErrorKind = ErrorKind.UNKNOWN
    cls_name: str = ""
    message: str = ""
    stack: str = ""
    cause: str = ""


@dataclass(frozen=True)
class ConfigError:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


@dataclass(frozen=True)
class ExecutionPlanReply:
    """Exactly one of: a plan, config errors, or an error."""

    plan: ExecutionPlan | None = None
    config_errors: list[ConfigError] = field(default_factory=list)
    error: ErrorInfo | None = None
