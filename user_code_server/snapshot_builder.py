"""Repository definitions to the serializable snapshots the control plane sees."""

from __future__ import annotations

from user_code_server.protocol.snapshots import (
    InputSnapshot,
    ModeSnapshot,
    OutputSnapshot,
    PartitionSetSnapshot,
    PipelineSnapshot,
    PresetSnapshot,
    RepositorySnapshot,
    ResourceSnapshot,
    RetryPolicySnapshot,
    ScheduleSnapshot,
    SensorSnapshot,
    SolidSnapshot,
)
from user_code_server.sdk.composition import SolidInvocation
from user_code_server.sdk.config import schema_document
from user_code_server.sdk.pipeline import PipelineDefinition
from user_code_server.sdk.repository import RepositoryDefinition
from user_code_server.sdk.resources import ModeDefinition
from user_code_server.sdk.retries import RetryPolicy
from user_code_server.sdk.schedules import ScheduleDefinition
from user_code_server.sdk.sensors import SensorDefinition
from user_code_server.sdk.solid import OutputDefinition


def build_repository_snapshot(repo: RepositoryDefinition) -> RepositorySnapshot:
    """The snapshot of every pipeline, partition set, schedule and sensor of `repo`."""
    return RepositorySnapshot(
        name=repo.name,
        pipelines=[pipeline_snapshot(p) for p in repo.pipelines],
        partition_sets=[
            PartitionSetSnapshot(
                name=s.name,
                pipeline_name=s.pipeline_name,
                mode=getattr(s, "mode", None) or "default",
                solid_selection=list(getattr(s, "solid_selection", None) or []),
                description=getattr(s, "description", None) or "",
            )
            for s in repo.partition_sets
        ],
        schedules=[schedule_snapshot(s) for s in repo.schedules],
        sensors=[sensor_snapshot(s) for s in repo.sensors],
    )


def schedule_snapshot(schedule: ScheduleDefinition) -> ScheduleSnapshot:
    """The snapshot of one schedule (a partitioned one names its partition set)."""
    return ScheduleSnapshot(
        name=schedule.name,
        pipeline_name=schedule.pipeline_name,
        cron_schedule=schedule.cron_schedule,
        execution_timezone=schedule.execution_timezone,
        mode=schedule.mode,
        solid_selection=list(schedule.solid_selection or []),
        description=schedule.description or "",
        partition_set=schedule.partition_set.name if schedule.partition_set else "",
    )


def sensor_snapshot(sensor: SensorDefinition) -> SensorSnapshot:
    """The snapshot of one sensor."""
    return SensorSnapshot(
        name=sensor.name,
        pipeline_name=sensor.pipeline_name,
        minimum_interval_seconds=sensor.minimum_interval_seconds,
        mode=sensor.mode,
        solid_selection=list(sensor.solid_selection or []),
        description=sensor.description or "",
        is_pipeline_failure_sensor=sensor.is_pipeline_failure_sensor,
    )


def pipeline_snapshot(pipeline: PipelineDefinition) -> PipelineSnapshot:
    """The snapshot of one pipeline: its solid invocations, modes, tags and presets."""
    return PipelineSnapshot(
        name=pipeline.name,
        description=pipeline.description or "",
        solids=[_solid_snapshot(i) for i in pipeline.invocations],
        modes=[_mode_snapshot(m) for m in pipeline.mode_defs],
        tags=dict(pipeline.tags),
        presets=[
            PresetSnapshot(
                name=p.name,
                run_config=p.run_config,
                mode=p.mode,
                solid_selection=list(p.solid_selection or []),
                tags=dict(p.tags),
            )
            for p in pipeline.preset_defs
        ],
    )


def retry_policy_snapshot(policy: RetryPolicy | None) -> RetryPolicySnapshot:
    """The wire form of a retry policy (no policy: no retries)."""
    if policy is None:
        return RetryPolicySnapshot()
    return RetryPolicySnapshot(policy.max_retries, float(policy.delay or 0))


def output_snapshot(output: OutputDefinition) -> OutputSnapshot:
    """The snapshot of one output definition."""
    return OutputSnapshot(
        name=output.name,
        type_name=output.dagster_type.name,
        description=output.description or "",
        is_dynamic=output.is_dynamic,
        asset_key=list(output.asset_key.path) if output.asset_key else [],
        is_required=output.is_required,
    )


def _solid_snapshot(invocation: SolidInvocation) -> SolidSnapshot:
    definition = invocation.definition
    inputs = []
    for input_def in definition.input_defs:
        binding = invocation.inputs.get(input_def.name)
        inputs.append(
            InputSnapshot(
                name=input_def.name,
                type_name=input_def.dagster_type.name,
                description=input_def.description or "",
                has_default=input_def.has_default,
                sources=list(binding.sources) if binding else [],
            )
        )
    return SolidSnapshot(
        name=invocation.name,
        definition_name=definition.name,
        description=definition.description or "",
        inputs=inputs,
        outputs=[output_snapshot(o) for o in definition.output_defs],
        config_schema=schema_document(definition.config_field),
        required_resource_keys=list(definition.required_resource_keys),
        tags=dict(definition.tags),
        retry_policy=retry_policy_snapshot(definition.retry_policy),
        mapped_over=list(invocation.mapped_over),
    )


def _mode_snapshot(mode: ModeDefinition) -> ModeSnapshot:
    return ModeSnapshot(
        name=mode.name,
        description=mode.description or "",
        resources=[
            ResourceSnapshot(
                name=key,
                description=definition.description or "",
                config_schema=schema_document(definition.config_field),
            )
            for key, definition in mode.resource_defs.items()
        ],
    )
