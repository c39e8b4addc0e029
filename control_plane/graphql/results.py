"""The result unions of the root fields: the data, or the typed errors it can meet."""

from __future__ import annotations

from typing import Annotated

import strawberry

from control_plane.graphql.errors import (
    CodeLocationError,
    InvalidArgumentError,
    InvalidRunStateError,
    InvalidStepSelectionError,
    LocationNotFoundError,
    PipelineNotFoundError,
    PlanError,
    PythonError,
    ReadOnlyError,
    RunConfigValidationError,
    RunNotFoundError,
)
from control_plane.graphql.pipelines import CodeLocation, CodeLocationConnection, Pipeline
from control_plane.graphql.plans import ExecutionPlan
from control_plane.graphql.runs import Run, RunConnection, RunEventConnection


@strawberry.type(description="The run that was launched (or re-executed).")
class LaunchRunSuccess:
    run: Run


@strawberry.type(description="The run, now CANCELING (or already finished).")
class TerminateRunSuccess:
    run: Run


CodeLocationsResult = Annotated[
    CodeLocationConnection | PythonError, strawberry.union("CodeLocationsResult")
]
PipelineResult = Annotated[
    Pipeline | PipelineNotFoundError | LocationNotFoundError | CodeLocationError | PythonError,
    strawberry.union("PipelineResult"),
]
ExecutionPlanResult = Annotated[
    ExecutionPlan
    | RunConfigValidationError
    | PipelineNotFoundError
    | LocationNotFoundError
    | CodeLocationError
    | PlanError
    | InvalidArgumentError
    | PythonError,
    strawberry.union("ExecutionPlanResult"),
]
RunsResult = Annotated[
    RunConnection | InvalidArgumentError | PythonError, strawberry.union("RunsResult")
]
RunResult = Annotated[Run | RunNotFoundError | PythonError, strawberry.union("RunResult")]
RunEventsResult = Annotated[
    RunEventConnection | RunNotFoundError | InvalidArgumentError | PythonError,
    strawberry.union("RunEventsResult"),
]
LaunchRunResult = Annotated[
    LaunchRunSuccess
    | RunConfigValidationError
    | PipelineNotFoundError
    | LocationNotFoundError
    | CodeLocationError
    | PlanError
    | InvalidArgumentError
    | ReadOnlyError
    | PythonError,
    strawberry.union("LaunchRunResult"),
]
TerminateRunResult = Annotated[
    TerminateRunSuccess | RunNotFoundError | InvalidRunStateError | ReadOnlyError | PythonError,
    strawberry.union("TerminateRunResult"),
]
ReexecuteRunResult = Annotated[
    LaunchRunSuccess
    | RunNotFoundError
    | InvalidRunStateError
    | InvalidStepSelectionError
    | RunConfigValidationError
    | PipelineNotFoundError
    | LocationNotFoundError
    | CodeLocationError
    | ReadOnlyError
    | PythonError,
    strawberry.union("ReexecuteRunResult"),
]
ReloadCodeLocationResult = Annotated[
    CodeLocation | LocationNotFoundError | ReadOnlyError | PythonError,
    strawberry.union("ReloadCodeLocationResult"),
]
