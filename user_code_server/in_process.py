"""Runs a pipeline or one solid in the caller's process, for tests: no server, no storage.

The plan comes from the same plan builder as a code server's, the control plane's plan
walker expands mapped steps, and each step runs through the code server's step runner.
The built-in IO managers keep outputs in memory; every value also stays there for the result.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

from user_code_server.execution_result import PipelineExecutionResult
from user_code_server.output_store import InMemoryOutputStore
from user_code_server.plan_builder import plan_pipeline
from user_code_server.protocol.execution import EventType, ExecuteStepsRequest, StepEvent
from user_code_server.protocol.known_state import KnownState
from user_code_server.protocol.plan import ExecutionPlan
from user_code_server.protocol.plan_walk import ActiveExecution
from user_code_server.sdk.checks import string_tags
from user_code_server.sdk.composition import SolidInvocation
from user_code_server.sdk.errors import DefinitionError, RunConfigValidationError
from user_code_server.sdk.pipeline import PipelineDefinition
from user_code_server.sdk.resources import ModeDefinition
from user_code_server.sdk.solid import SolidDefinition
from user_code_server.step_runner import PreparedRun, run_pipeline_step


def execute_pipeline(
    pipeline: PipelineDefinition,
    run_config: dict[str, Any] | None = None,
    mode: str | None = None,
    preset: str | None = None,
    solid_selection: list[str] | None = None,
    tags: dict[str, Any] | None = None,
) -> PipelineExecutionResult:
    """Runs `pipeline` here, one step at a time, and returns its events and output values.
    Invalid run config raises RunConfigValidationError before any step runs."""
    if not isinstance(pipeline, PipelineDefinition):
        raise DefinitionError(f"execute_pipeline takes a @pipeline, got {pipeline!r}")
    if preset is not None:
        if run_config is not None or mode is not None:
            raise DefinitionError(
                f"pipeline '{pipeline.name}': give either a preset or run_config/mode, not both"
            )
        preset_def = pipeline.get_preset(preset)
        run_config, mode = preset_def.run_config, preset_def.mode
        solid_selection = solid_selection or preset_def.solid_selection
        tags = {**preset_def.tags, **(tags or {})}
    return _execute(pipeline, run_config, mode, solid_selection, tags, {})


def execute_solid(
    solid: SolidDefinition,
    input_values: dict[str, Any] | None = None,
    run_config: dict[str, Any] | None = None,
    mode_def: ModeDefinition | None = None,
) -> PipelineExecutionResult:
    """Runs one solid here, its inputs given by value, in a pipeline of that solid alone."""
    if not isinstance(solid, SolidDefinition):
        raise DefinitionError(f"execute_solid takes a @solid, got {solid!r}")
    values = dict(input_values or {})
    unknown = sorted(set(values) - set(solid.input_dict))
    if unknown:
        raise DefinitionError(f"solid '{solid.name}' has no inputs {unknown}")
    invocation = SolidInvocation(solid.name, solid, {})
    pipeline = PipelineDefinition(
        f"ephemeral_{solid.name}_solid_pipeline", [invocation], [mode_def] if mode_def else None
    )
    given = {(solid.name, name): value for name, value in values.items()}
    return _execute(pipeline, run_config, None, None, None, given)


def _execute(
    pipeline: PipelineDefinition,
    run_config: dict[str, Any] | None,
    mode: str | None,
    solid_selection: list[str] | None,
    tags: dict[str, Any] | None,
    input_values: dict[tuple[str, str], Any],
) -> PipelineExecutionResult:
    reply = plan_pipeline(pipeline, run_config, solid_selection, mode, set(input_values))
    if reply.config_errors:
        raise RunConfigValidationError(f"pipeline '{pipeline.name}'", reply.config_errors)
    if reply.error is not None:
        raise DefinitionError(reply.error.message)
    assert reply.plan is not None  # a reply without errors carries the plan
    request = ExecuteStepsRequest(
        run_id=uuid.uuid4().hex,
        pipeline=pipeline.name,
        mode=reply.plan.mode,
        run_config=run_config or {},
        run_tags={**pipeline.tags, **string_tags(tags)},
    )
    run = PreparedRun(pipeline, request, input_values=input_values, in_process=True)
    outputs = InMemoryOutputStore()
    events, success = _walk(reply.plan, run, request, outputs)
    return PipelineExecutionResult(pipeline.name, request.run_id, success, events, outputs)


def _walk(
    plan: ExecutionPlan,
    run: PreparedRun,
    request: ExecuteStepsRequest,
    outputs: InMemoryOutputStore,
) -> tuple[list[StepEvent], bool]:
    """Runs the plan's steps one at a time as the walker releases them (retries included)."""
    active = ActiveExecution(plan, request.run_id, KnownState(), max_concurrent=1)
    events: list[StepEvent] = []
    while True:
        dispatch = active.dispatch()
        for key, reason in dispatch.skipped:
            events.append(StepEvent(key, EventType.STEP_SKIPPED, time.time(), f"skipped: {reason}"))
        if active.is_complete():
            return events, not active.has_failures()
        for step in dispatch.steps:
            step_events: list[StepEvent] = []
            run_pipeline_step(run, outputs, request, step, step_events.append)
            events.extend(step_events)
            for event in step_events:
                active.handle(event)
        retry_due = active.next_retry_due()
        if not dispatch.steps and retry_due is not None:
            time.sleep(max(0.0, retry_due - time.time()))
