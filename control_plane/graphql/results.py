"""The result unions of the root fields: the data, or the typed errors it can meet."""

from __future__ import annotations

from typing import Annotated

import strawberry

from control_plane.graphql.assets import Asset, AssetConnection, WipeAssetSuccess
from control_plane.graphql.backfills import Backfill, BackfillConnection
from control_plane.graphql.errors import (
    AssetNotFoundError,
    BackfillNotFoundError,
    CodeLocationError,
    InvalidArgumentError,
    InvalidRunStateError,
    InvalidStepSelectionError,
    LocationNotFoundError,
    PartitionNotFoundError,
    PartitionSetNotFoundError,
    PipelineNotFoundError,
    PlanError,
    PythonError,
    ReadOnlyError,
    RunConfigValidationError,
    RunNotFoundError,
)
from control_plane.graphql.partitions import PartitionSet, PartitionSetConnection
from control_plane.graphql.pipelines import CodeLocation, CodeLocationConnection, Pipeline
from control_plane.graphql.plans import ExecutionPlan
from control_plane.graphql.runs import Run, RunConnection, RunEventConnection


@strawberry.type(description="The run that was launched (or re-executed).")
class LaunchRunSuccess:
    run: Run


@strawberry.type(description="The run, now CANCELING (or already finished).")
class TerminateRunSuccess:
    run: Run


@strawberry.type(description="The backfill that was launched; the daemon submits its runs.")
class LaunchBackfillSuccess:
    backfill: Backfill


@strawberry.type(description="The backfill, no longer submitting; its queued runs are canceled.")
class CancelBackfillSuccess:
    backfill: Backfill


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
PartitionSetsResult = Annotated[
    PartitionSetConnection | PythonError, strawberry.union("PartitionSetsResult")
]
PartitionSetResult = Annotated[
    PartitionSet | PartitionSetNotFoundError | PythonError, strawberry.union("PartitionSetResult")
]
BackfillsResult = Annotated[
    BackfillConnection | InvalidArgumentError | PythonError, strawberry.union("BackfillsResult")
]
BackfillResult = Annotated[
    Backfill | BackfillNotFoundError | PythonError, strawberry.union("BackfillResult")
]
LaunchBackfillResult = Annotated[
    LaunchBackfillSuccess
    | PartitionSetNotFoundError
    | PartitionNotFoundError
    | CodeLocationError
    | InvalidArgumentError
    | ReadOnlyError
    | PythonError,
    strawberry.union("LaunchBackfillResult"),
]
CancelBackfillResult = Annotated[
    CancelBackfillSuccess | BackfillNotFoundError | ReadOnlyError | PythonError,
    strawberry.union("CancelBackfillResult"),
]
AssetsResult = Annotated[AssetConnection | PythonError, strawberry.union("AssetsResult")]
AssetResult = Annotated[
    Asset | AssetNotFoundError | InvalidArgumentError | PythonError,
    strawberry.union("AssetResult"),
]
WipeAssetResult = Annotated[
    WipeAssetSuccess | AssetNotFoundError | InvalidArgumentError | ReadOnlyError | PythonError,
    strawberry.union("WipeAssetResult"),
]
