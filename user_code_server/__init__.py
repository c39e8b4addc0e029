"""The user code server, and the SDK users import from it (`from user_code_server import solid`).

The SDK's names load on first use (PEP 562), so that importing the wire package
(`user_code_server.protocol`), as the control plane does, loads none of the SDK.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from user_code_server.execution_result import PipelineExecutionResult, SolidExecutionResult
    from user_code_server.in_process import execute_pipeline, execute_solid
    from user_code_server.sdk import (
        AssetKey,
        AssetMaterialization,
        DefinitionError,
        DynamicOutput,
        DynamicOutputDefinition,
        Failure,
        Field,
        HookContext,
        HookDefinition,
        InputContext,
        InputDefinition,
        IOManager,
        IOManagerDefinition,
        ModeDefinition,
        Noneable,
        Nothing,
        Output,
        OutputContext,
        OutputDefinition,
        Partition,
        PartitionSetDefinition,
        PipelineDefinition,
        PipelineFailureSensorContext,
        PresetDefinition,
        RetryPolicy,
        RetryRequested,
        RunConfigValidationError,
        RunRequest,
        ScheduleDefinition,
        ScheduleExecutionContext,
        SensorDefinition,
        SensorExecutionContext,
        SkipReason,
        SolidDefinition,
        SolidExecutionContext,
        build_solid_context,
        daily_schedule,
        date_partition_range,
        failure_hook,
        fs_io_manager,
        hourly_schedule,
        io_manager,
        lambda_solid,
        mem_io_manager,
        monthly_schedule,
        pipeline,
        pipeline_failure_sensor,
        repository,
        resource,
        schedule,
        sensor,
        solid,
        success_hook,
        weekly_schedule,
    )

_MODULE_OF = {
    "execute_pipeline": "user_code_server.in_process",
    "execute_solid": "user_code_server.in_process",
    "PipelineExecutionResult": "user_code_server.execution_result",
    "SolidExecutionResult": "user_code_server.execution_result",
}

__all__ = [
    "success_hook",
    "failure_hook",
    "HookDefinition",
    "HookContext",
    "mem_io_manager",
    "io_manager",
    "fs_io_manager",
    "OutputContext",
    "IOManagerDefinition",
    "IOManager",
    "InputContext",
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
    "PartitionSetDefinition",
    "PipelineDefinition",
    "PipelineExecutionResult",
    "PipelineFailureSensorContext",
    "PresetDefinition",
    "RetryPolicy",
    "RetryRequested",
    "RunConfigValidationError",
    "RunRequest",
    "ScheduleDefinition",
    "ScheduleExecutionContext",
    "SensorDefinition",
    "SensorExecutionContext",
    "SkipReason",
    "SolidDefinition",
    "SolidExecutionContext",
    "SolidExecutionResult",
    "build_solid_context",
    "daily_schedule",
    "date_partition_range",
    "execute_pipeline",
    "execute_solid",
    "hourly_schedule",
    "lambda_solid",
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


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'user_code_server' has no attribute '{name}'")
    value = getattr(importlib.import_module(_MODULE_OF.get(name, "user_code_server.sdk")), name)
    globals()[name] = value
    return value
