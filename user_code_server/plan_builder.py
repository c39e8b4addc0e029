"""Execution plans: a pipeline, a run config, a selection and a mode to step templates."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from user_code_server.protocol.plan import (
    ErrorInfo,
    ErrorKind,
    ExecutionPlan,
    ExecutionPlanReply,
    StepInput,
    StepOutput,
    StepSnapshot,
)
from user_code_server.sdk.composition import SolidInvocation
from user_code_server.sdk.io_managers import io_manager_def, mem_io_manager_refusal
from user_code_server.sdk.pipeline import PipelineDefinition
from user_code_server.sdk.repository import RepositoryDefinition
from user_code_server.sdk.run_config import resolve_run_config
from user_code_server.sdk.selection import SelectionError, select_solids
from user_code_server.snapshot_builder import retry_policy_snapshot


def build_execution_plan(
    repo: RepositoryDefinition,
    pipeline_name: str,
    run_config: dict[str, Any] | None,
    solid_selection: list[str] | None,
    mode: str | None,
) -> ExecutionPlanReply:
    """The plan (steps in topological order), or every config error, or a typed error."""
    if not repo.has_pipeline(pipeline_name):
        available = ", ".join(p.name for p in repo.pipelines) or "none"
        message = f"pipeline '{pipeline_name}' not found in repository '{repo.name}' "
        return _error(ErrorKind.PIPELINE_NOT_FOUND, message + f"(pipelines: {available})")
    reply = plan_pipeline(repo.get_pipeline(pipeline_name), run_config, solid_selection, mode)
    if reply.plan is not None:
        refusal = _in_memory_output(repo.get_pipeline(pipeline_name), reply.plan)
        if refusal:
            error = ErrorInfo(ErrorKind.UNKNOWN, "IOManagerError", refusal)
            return ExecutionPlanReply(error=error)
    return reply


def _in_memory_output(pipeline: PipelineDefinition, plan: ExecutionPlan) -> str | None:
    """Why the plan cannot run in a code server when a step's output uses mem_io_manager."""
    mode = pipeline.get_mode(plan.mode)
    assert mode is not None  # planned in this mode
    for step in plan.steps:
        for output in pipeline.invocation_dict[step.solid].definition.output_defs:
            definition = io_manager_def(mode, output.io_manager_key)
            if definition is not None and definition.builtin == "mem":
                return mem_io_manager_refusal(step.solid, output.name, output.io_manager_key)
    return None


def plan_pipeline(
    pipeline: PipelineDefinition,
    run_config: dict[str, Any] | None,
    solid_selection: list[str] | None,
    mode: str | None,
    given_inputs: Collection[tuple[str, str]] = (),
) -> ExecutionPlanReply:
    """The plan of `pipeline`, or every config error, or a typed error. `given_inputs`: the
    inputs (solid, input) whose values the caller gives."""
    mode_def = pipeline.get_mode(mode)
    if mode_def is None:
        modes = ", ".join(m.name for m in pipeline.mode_defs)
        message = f"pipeline '{pipeline.name}' has no mode '{mode}' (modes: {modes})"
        return _error(ErrorKind.MODE_NOT_FOUND, message)
    try:
        selected = select_solids(pipeline, solid_selection) if solid_selection else None
        steps = [
            _step(i, selected)
            for i in pipeline.invocations
            if selected is None or i.name in selected
        ]
    except SelectionError as error:
        return _error(ErrorKind.INVALID_SOLID_SELECTION, str(error))
    _, config_errors = resolve_run_config(pipeline, mode_def, run_config, selected, given_inputs)
    if config_errors:
        return ExecutionPlanReply(config_errors=config_errors)
    return ExecutionPlanReply(plan=ExecutionPlan(pipeline.name, mode_def.name, steps))


def _step(invocation: SolidInvocation, selected: set[str] | None) -> StepSnapshot:
    definition = invocation.definition
    for ref in invocation.mapped_over:
        if selected is not None and ref.solid not in selected:
            raise SelectionError(
                f"solid '{invocation.name}' is mapped over output '{ref.output}' of solid "
                f"'{ref.solid}', which is not selected"
            )
    inputs = []
    for input_def in definition.input_defs:
        name = input_def.name
        binding = invocation.inputs.get(name)
        if binding is None:
            continue
        sources = [s for s in binding.sources if selected is None or s.solid in selected]
        if len(sources) < len(binding.sources) and not input_def.is_nothing:
            if input_def.has_default or input_def.dagster_type.loadable:
                continue  # from its default or from run config (checked there)
            missing = ", ".join(sorted({s.solid for s in binding.sources} - set(sources)))
            raise SelectionError(
                f"input '{name}' of selected solid '{invocation.name}' comes from solids not "
                f"selected ({missing}), has no default value, and its type "
                f"{input_def.dagster_type.name} cannot come from run config"
            )
        if sources:
            inputs.append(StepInput(name, sources))
    outputs = [
        StepOutput(
            name=o.name,
            is_dynamic=o.is_dynamic,
            is_required=o.is_required,
            asset_key=list(o.asset_key.path) if o.asset_key else [],
        )
        for o in definition.output_defs
    ]
    return StepSnapshot(
        solid=invocation.name,
        mapped_over=list(invocation.mapped_over),
        inputs=inputs,
        outputs=outputs,
        retry_policy=retry_policy_snapshot(definition.retry_policy),
        tags=dict(definition.tags),
    )


def _error(kind: ErrorKind, message: str) -> ExecutionPlanReply:
    cls_name = {
        ErrorKind.PIPELINE_NOT_FOUND: "PipelineNotFoundError",
        ErrorKind.MODE_NOT_FOUND: "ModeNotFoundError",
        ErrorKind.INVALID_SOLID_SELECTION: "InvalidSolidSelectionError",
    }[kind]
    return ExecutionPlanReply(error=ErrorInfo(kind=kind, cls_name=cls_name, message=message))
