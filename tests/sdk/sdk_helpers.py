"""Helpers to run single steps in-process, without a server."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from user_code_server.output_store import FilesystemOutputStore
from user_code_server.protocol import (
    EventType,
    ExecuteStepsRequest,
    InputHandles,
    StepEvent,
    StepExecution,
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
        run_step(self.repo, FilesystemOutputStore(self.io_dir), request, step, events.append)
        return events
