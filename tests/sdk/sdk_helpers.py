"""Helpers to run steps and whole pipelines in-process, without a server."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from user_code_server.io_manager import FilesystemIOManager
from user_code_server.plan_builder import build_execution_plan
from user_code_server.protocol import (
    EventType,
    ExecuteStepsRequest,
    InputHandles,
    OutputHandle,
    SourceKind,
    StepEvent,
    StepExecution,
    StepKey,
    StepSnapshot,
)
from user_code_server.sdk import PipelineDefinition, RepositoryDefinition
from user_code_server.step_runner import run_step

RUN_ID = "run1"


def repo_of(*pipelines: PipelineDefinition) -> RepositoryDefinition:
    return RepositoryDefinition("test_repo", list(pipelines))


def types_of(events: list[StepEvent]) -> list[EventType]:
    return [e.event_type for e in events]


@dataclass
class StepRunner:
    """Runs single steps of one pipeline with a given request context."""

    repo: RepositoryDefinition
    pipeline: str
    io_dir: str
    run_config: dict = field(default_factory=dict)
    tags: dict = field(default_factory=dict)
    mode: str = ""

    def run(
        self, step_key: str, inputs: dict[str, Any] | None = None, attempt: int = 1
    ) -> list[StepEvent]:
        """`inputs` maps input names to an OutputHandle, a list of them (collect), or
        an InputHandles."""
        handles = []
        for name, value in (inputs or {}).items():
            if isinstance(value, InputHandles):
                handles.append(value)
            elif isinstance(value, list):
                handles.append(InputHandles(name, value, is_collect=True))
            else:
                handles.append(InputHandles(name, [value]))
        request = ExecuteStepsRequest(RUN_ID, self.pipeline, self.mode, self.run_config, self.tags)
        events: list[StepEvent] = []
        step = StepExecution(step_key, attempt, handles)
        run_step(self.repo, FilesystemIOManager(self.io_dir), request, step, events.append)
        return events


@dataclass
class PipelineResult:
    events: dict[str, list[StepEvent]]
    io_dir: str

    def outcome(self, step_key: str) -> EventType:
        return self.events[step_key][-1].event_type

    def value(self, step_key: str, output: str = "result") -> Any:
        return FilesystemIOManager(self.io_dir).load(OutputHandle(RUN_ID, step_key, output))


def execute_pipeline(
    repo: RepositoryDefinition,
    pipeline: str,
    io_dir: str,
    run_config: dict | None = None,
    solid_selection: list[str] | None = None,
) -> PipelineResult:
    """Walks the plan in order, expanding mapped steps from emitted mapping keys, and runs
    every step once (a minimal stand-in for the control plane's coordinator)."""
    reply = build_execution_plan(repo, pipeline, run_config or {}, solid_selection, None)
    assert reply.plan is not None, reply
    templates = {s.solid: s for s in reply.plan.steps}
    request = ExecuteStepsRequest(RUN_ID, pipeline, "", run_config or {})
    io = FilesystemIOManager(io_dir)
    events: dict[str, list[StepEvent]] = {}
    emitted: dict[tuple[str, str], list[str]] = {}  # (step key, output) -> mapping keys

    def succeeded(key: StepKey) -> bool:
        return events[str(key)][-1].event_type == EventType.STEP_SUCCESS

    def instances(step: StepSnapshot, prefix: tuple[str, ...]):
        if len(prefix) == step.depth:
            yield prefix
            return
        ref = step.mapped_over[len(prefix)]
        source = StepKey(ref.solid, prefix[: templates[ref.solid].depth])
        if succeeded(source):
            for key in emitted.get((str(source), ref.output), []):
                yield from instances(step, (*prefix, key))

    def handles(source, keys: tuple[str, ...]) -> list[OutputHandle] | None:
        depth = templates[source.solid].depth
        if source.kind != SourceKind.COLLECT:
            upstream = StepKey(source.solid, keys[:depth])
            if not succeeded(upstream):
                return None
            mapping_key = keys[depth] if source.kind == SourceKind.MAPPED else ""
            return [OutputHandle(RUN_ID, str(upstream), source.output, mapping_key)]
        if depth == len(keys):
            upstream = StepKey(source.solid, keys)
            found = emitted.get((str(upstream), source.output), [])
            return [OutputHandle(RUN_ID, str(upstream), source.output, k) for k in found]
        dimension = templates[source.solid].mapped_over[len(keys)]
        dimension_key = StepKey(dimension.solid, keys[: templates[dimension.solid].depth])
        mapping_keys = emitted.get((str(dimension_key), dimension.output), [])
        upstreams = [StepKey(source.solid, (*keys, k)) for k in mapping_keys]
        return [OutputHandle(RUN_ID, str(u), source.output) for u in upstreams if succeeded(u)]

    def step_inputs(step: StepSnapshot, keys: tuple[str, ...]) -> list[InputHandles] | None:
        inputs = []
        for step_input in step.inputs:
            found: list[OutputHandle] = []
            for source in step_input.sources:
                got = handles(source, keys)
                if got is None:  # an upstream step did not succeed
                    return None
                found.extend(got)
            is_collect = any(s.kind == SourceKind.COLLECT for s in step_input.sources)
            inputs.append(InputHandles(step_input.name, found, is_collect))
        return inputs

    for step in reply.plan.steps:
        for keys in list(instances(step, ())):
            key = str(StepKey(step.solid, keys))
            inputs = step_inputs(step, keys)
            if inputs is None:
                events[key] = [StepEvent(key, EventType.STEP_SKIPPED, 0.0)]
                continue
            step_events: list[StepEvent] = []
            run_step(repo, io, request, StepExecution(key, 1, inputs), step_events.append)
            events[key] = step_events
            for e in step_events:
                if e.event_type == EventType.DYNAMIC_OUTPUT:
                    emitted.setdefault((key, e.output_name), []).append(e.mapping_key)
    return PipelineResult(events, io_dir)
