"""The SDK users write pipelines with: solids, pipelines, config, resources, partitions,
schedules, sensors, repositories."""

from user_code_server.sdk.composite import CompositeSolidDefinition, composite_solid
from user_code_server.sdk.config import (
    Array,
    Enum,
    EnumValue,
    Field,
    IntSource,
    Noneable,
    Permissive,
    Selector,
    Shape,
    StringSource,
)
from user_code_server.sdk.context import SolidExecutionContext
from user_code_server.sdk.date_partitions import date_partition_range
from user_code_server.sdk.direct import build_solid_context
from user_code_server.sdk.errors import DefinitionError, Failure, RunConfigValidationError
from user_code_server.sdk.events import AssetKey, AssetMaterialization, DynamicOutput, Output
from user_code_server.sdk.hooks import HookContext, HookDefinition, failure_hook, success_hook
from user_code_server.sdk.io_managers import (
    InputContext,
    IOManager,
    IOManagerDefinition,
    OutputContext,
    fs_io_manager,
    io_manager,
    mem_io_manager,
)
from user_code_server.sdk.partitions import Partition, PartitionSetDefinition
from user_code_server.sdk.pipeline import PipelineDefinition, pipeline
from user_code_server.sdk.presets import PresetDefinition
from user_code_server.sdk.repository import RepositoryDefinition, repository
from user_code_server.sdk.resources import (
    ModeDefinition,
    ResourceDefinition,
    make_values_resource,
    resource,
)
from user_code_server.sdk.retries import RetryPolicy, RetryRequested
from user_code_server.sdk.schedules import (
    PartitionScheduleDefinition,
    ScheduleDefinition,
    ScheduleExecutionContext,
    daily_schedule,
    hourly_schedule,
    monthly_schedule,
    schedule,
    weekly_schedule,
)
from user_code_server.sdk.sensors import (
    PipelineFailureSensorContext,
    RunRequest,
    SensorDefinition,
    SensorExecutionContext,
    SkipReason,
    pipeline_failure_sensor,
    sensor,
)
from user_code_server.sdk.solid import (
    DynamicOutputDefinition,
    InputDefinition,
    OutputDefinition,
    SolidDefinition,
    lambda_solid,
    solid,
)
from user_code_server.sdk.types import LodestarType, Nothing, TypeCheck, TypeCheckContext

__all__ = [
    "composite_solid",
    "CompositeSolidDefinition",
    "TypeCheckContext",
    "TypeCheck",
    "LodestarType",
    "make_values_resource",
    "StringSource",
    "Shape",
    "Selector",
    "Permissive",
    "IntSource",
    "EnumValue",
    "Enum",
    "Array",
    "success_hook",
    "failure_hook",
    "HookDefinition",
    "HookContext",
    "InputContext",
    "IOManager",
    "IOManagerDefinition",
    "OutputContext",
    "fs_io_manager",
    "io_manager",
    "mem_io_manager",
    "lambda_solid",
    "PresetDefinition",
    "RunConfigValidationError",
    "build_solid_context",
    "AssetKey",
    "AssetMaterialization",
    "DefinitionError",
    "DynamicOutput",
    "DynamicOutputDefinition",
    "Failure",
    "Field",
    "InputDefinition",
    "ModeDefinition",
    "Noneable",
    "Nothing",
    "Output",
    "OutputDefinition",
    "Partition",
    "PartitionScheduleDefinition",
    "PartitionSetDefinition",
    "PipelineDefinition",
    "PipelineFailureSensorContext",
    "RepositoryDefinition",
    "ResourceDefinition",
    "RetryPolicy",
    "RetryRequested",
    "RunRequest",
    "ScheduleDefinition",
    "ScheduleExecutionContext",
    "SensorDefinition",
    "SensorExecutionContext",
    "SkipReason",
    "SolidDefinition",
    "SolidExecutionContext",
    "daily_schedule",
    "date_partition_range",
    "hourly_schedule",
    "monthly_schedule",
    "pipeline",
    "pipeline_failure_sensor",
    "repository",
    "resource",
    "schedule",
    "sensor",
    "solid",
    "weekly_schedule",
]
