"""Serializable snapshots of a repository: what the control plane knows of user code."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class SourceKind(StrEnum):
    """How an input receives an upstream output."""

    DIRECT = "DIRECT"
    MAPPED = "MAPPED"  # one value per mapping key of a dynamic output
    COLLECT = "COLLECT"  # the list of all values of a mapped solid's output


@dataclass(frozen=True)
class OutputRef:
    solid: str
    output: str


@dataclass(frozen=True)
class InputSource:
    solid: str
    output: str
    kind: SourceKind = SourceKind.DIRECT


@dataclass(frozen=True)
class RetryPolicySnapshot:
    max_retries: int = 0
    delay: float = 0.0


@dataclass(frozen=True)
class InputSnapshot:
    name: str
    type_name: str = "Any"
    description: str = ""
    has_default: bool = False
    sources: list[InputSource] = field(default_factory=list)


@dataclass(frozen=True)
class OutputSnapshot:
    name: str
    type_name: str = "Any"
    description: str = ""
    is_dynamic: bool = False
    asset_key: list[str] = field(default_factory=list)
    is_required: bool = True


@dataclass(frozen=True)
class SolidSnapshot:
    """One solid invocation in a pipeline (`name` is the alias when aliased)."""

    name: str
    definition_name: str
    description: str = ""
    inputs: list[InputSnapshot] = field(default_factory=list)
    outputs: list[OutputSnapshot] = field(default_factory=list)
    config_schema: Any = None  # a config schema document, see user_code_server.sdk.config
    required_resource_keys: list[str] = field(default_factory=list)
    tags: dict[str, str] = field(default_factory=dict)
    retry_policy: RetryPolicySnapshot = field(default_factory=RetryPolicySnapshot)
    mapped_over: list[OutputRef] = field(default_factory=list)


@dataclass(frozen=True)
class ResourceSnapshot:
    name: str
    description: str = ""
    config_schema: Any = None


@dataclass(frozen=True)
class ModeSnapshot:
    name: str
    description: str = ""
    resources: list[ResourceSnapshot] = field(default_factory=list)


@dataclass(frozen=True)
class PresetSnapshot:
    """A named run config, mode, solid selection and tags a run can be launched with."""

    name: str
    run_config: dict = field(default_factory=dict)
    mode: str = "default"
    solid_selection: list[str] = field(default_factory=list)
    tags: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PipelineSnapshot:
    name: str
    description: str = ""
    solids: list[SolidSnapshot] = field(default_factory=list)
    modes: list[ModeSnapshot] = field(default_factory=list)
    tags: dict[str, str] = field(default_factory=dict)
    presets: list[PresetSnapshot] = field(default_factory=list)

    def solid(self, name: str) -> SolidSnapshot:
        return next(s for s in self.solids if s.name == name)


@dataclass(frozen=True)
class PartitionSetSnapshot:
    name: str
    pipeline_name: str
    mode: str = "default"
    solid_selection: list[str] = field(default_factory=list)
    description: str = ""


@dataclass(frozen=True)
class ScheduleSnapshot:
    """A schedule: its cron (5 fields) in its time zone, and the runs it requests."""

    name: str
    pipeline_name: str
    cron_schedule: str
    execution_timezone: str = "UTC"
    mode: str = "default"
    solid_selection: list[str] = field(default_factory=list)
    description: str = ""
    partition_set: str = ""  # a partitioned schedule: the set whose partitions it runs


@dataclass(frozen=True)
class SensorSnapshot:
    """A sensor, evaluated at most every `minimum_interval_seconds`. A pipeline failure
    sensor names no pipeline: it is told about failed runs and requests none."""

    name: str
    pipeline_name: str = ""
    minimum_interval_seconds: float = 30.0
    mode: str = "default"
    solid_selection: list[str] = field(default_factory=list)
    description: str = ""
    is_pipeline_failure_sensor: bool = False


@dataclass(frozen=True)
class RepositorySnapshot:
    name: str
    pipelines: list[PipelineSnapshot] = field(default_factory=list)
    partition_sets: list[PartitionSetSnapshot] = field(default_factory=list)
    schedules: list[ScheduleSnapshot] = field(default_factory=list)
    sensors: list[SensorSnapshot] = field(default_factory=list)

    def pipeline(self, name: str) -> PipelineSnapshot | None:
        return next((p for p in self.pipelines if p.name == name), None)
