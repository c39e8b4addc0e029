"""Fixtures of the SDK tests."""

from __future__ import annotations

from typing import Any

import pytest
from sdk_helpers import StepRunner, repo_of

from user_code_server.sdk import PipelineDefinition


@pytest.fixture
def step_runner(tmp_path):
    def make(pipeline: PipelineDefinition, **kwargs: Any) -> StepRunner:
        return StepRunner(repo_of(pipeline), pipeline.name, str(tmp_path), **kwargs)

    return make
