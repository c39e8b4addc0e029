"""Partition sets: their partitions (paged), the status matrix and each partition's runs."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Annotated

import strawberry

from control_plane.graphql import arguments
from control_plane.graphql.context import Info
from control_plane.graphql.errors import (
    BadArgument,
    CodeLocationError,
    InvalidArgumentError,
    PartitionNotFoundError,
    PartitionSetNotFoundError,
    PythonError,
)
from control_plane.graphql.extensions import nested_field
from control_plane.graphql.runs import RunConnection, RunStatusType, run_connection
from control_plane.partitions import StatusMatrix as MatrixData
from control_plane.storage.records import (
    PARTITION_SET_TAG,
    PARTITION_TAG,
    RunsFilter,
    RunStatus,
    StepStatus,
)
from user_code_server.protocol import PartitionSetSnapshot

if TYPE_CHECKING:
    from control_plane.service import ControlPlane

# strawberry.enum registers the enum class in place and returns it: the alias is a type.
PartitionStepStatus = StepStatus
strawberry.enum(
    StepStatus,
    name="PartitionStepStatus",
    description="A solid's latest status for a partition, across its runs; MISSING where no "
    "run has run the solid. A mapped solid shows the first of FAILURE, IN_PROGRESS, "
    "UP_FOR_RETRY, SKIPPED, SUCCESS that any of its steps has.",
)


@strawberry.type(description="A page of a partition set's partition names, in the set's order.")
class PartitionConnection:
    names: list[str]
    cursor: str | None = strawberry.field(
        description="The page's last name: pass it as `cursor` for the next page."
    )
    has_more: bool
    count: int = strawberry.field(description="How many partitions the set has.")


@strawberry.type(description="One partition's statuses, one per solid in the matrix's order.")
class PartitionStatusRow:
    partition: str
    statuses: list[PartitionStepStatus]
    run_id: str | None = strawberry.field(description="The partition's newest run (null: none).")
    run_status: RunStatusType | None


# One letter per status in the compact encoding of a matrix (`cells`, `runStatuses`).
CELL_CODES = {
    StepStatus.SUCCESS: "S",
    StepStatus.FAILURE: "F",
    StepStatus.SKIPPED: "K",
    StepStatus.IN_PROGRESS: "I",
    StepStatus.UP_FOR_RETRY: "R",
    StepStatus.MISSING: "M",
}
RUN_CODES = {
    RunStatus.QUEUED: "Q",
    RunStatus.STARTING: "T",
    RunStatus.STARTED: "I",
    RunStatus.SUCCESS: "S",
    RunStatus.FAILURE: "F",
    RunStatus.CANCELING: "G",
    RunStatus.CANCELED: "C",
}
NO_RUN = "-"


@strawberry.type(
    description="solid x partition -> latest step status, one row per partition in the set's "
    "order and one status per solid in `solids` order. `rows` spells it out; `partitions`, "
    "`cells`, `runIds` and `runStatuses` carry the same compactly, for large sets."
)
class StatusMatrix:
    partition_set: str
    solids: list[str]
    matrix: strawberry.Private[MatrixData]

    @strawberry.field
    def rows(self) -> list[PartitionStatusRow]:
        missing = StepStatus.MISSING
        no_run = (None, None)
        rows = []
        for partition in self.matrix.partitions:
            statuses = self.matrix.statuses.get(partition, {})
            run_id, run_status = self.matrix.latest_runs.get(partition, no_run)
            rows.append(
                PartitionStatusRow(
                    partition=partition,
                    statuses=[statuses.get(solid, missing) for solid in self.solids],
                    run_id=run_id,
                    run_status=run_status,
                )
            )
        return rows

    @strawberry.field(description="The partitions, in the set's order.")
    def partitions(self) -> list[str]:
        return self.matrix.partitions

    @strawberry.field(
        description="Every cell, row by row (partition by partition, each row one letter per "
        "solid): S SUCCESS, F FAILURE, K SKIPPED, I IN_PROGRESS, R UP_FOR_RETRY, M MISSING."
    )
    def cells(self) -> str:
        statuses = self.matrix.statuses
        missing = StepStatus.MISSING
        no_run = CELL_CODES[missing] * len(self.solids)
        return "".join(
            "".join(CELL_CODES[row.get(solid, missing)] for solid in self.solids)
            if (row := statuses.get(partition))
            else no_run
            for partition in self.matrix.partitions
        )

    @strawberry.field(description="Each partition's newest run (null: none).")
    def run_ids(self) -> list[str | None]:
        latest = self.matrix.latest_runs
        return [latest[p][0] if p in latest else None for p in self.matrix.partitions]

    @strawberry.field(
        description="Each partition's newest run's status, one letter each: Q QUEUED, "
        "T STARTING, I STARTED, S SUCCESS, F FAILURE, G CANCELING, C CANCELED, - no run."
    )
    def run_statuses(self) -> str:
        latest = self.matrix.latest_runs
        return "".join(
            RUN_CODES[latest[p][1]] if p in latest else NO_RUN for p in self.matrix.partitions
        )


PartitionsResult = Annotated[
    PartitionConnection | InvalidArgumentError | CodeLocationError | PythonError,
    strawberry.union("PartitionsResult"),
]
StatusMatrixResult = Annotated[
    StatusMatrix | PartitionSetNotFoundError | CodeLocationError | PythonError,
    strawberry.union("StatusMatrixResult"),
]
PartitionRunsResult = Annotated[
    RunConnection
    | PartitionSetNotFoundError
    | PartitionNotFoundError
    | CodeLocationError
    | InvalidArgumentError
    | PythonError,
    strawberry.union("PartitionRunsResult"),
]


@strawberry.type(description="A pipeline run once per partition, with config and tags for each.")
class PartitionSet:
    name: str
    location: str
    pipeline_name: str
    mode: str
    solid_selection: list[str] | None
    description: str

    @nested_field("The set's partition names, in order; pass a page's `cursor` for the next.")
    async def partitions(
        self, info: Info, limit: int = 1000, cursor: str | None = None
    ) -> PartitionsResult:
        limit = arguments.page_limit(limit, arguments.MAX_PARTITIONS_PAGE)
        return await asyncio.to_thread(
            partition_page, info.context.control_plane, self.name, limit, cursor
        )

    @nested_field("The latest status of each solid for each partition.")
    async def status_matrix(self, info: Info) -> StatusMatrixResult:
        return await asyncio.to_thread(status_matrix, info.context.control_plane, self.name)

    @nested_field("The runs of one partition, newest first (runs are never overwritten).")
    async def partition_runs(
        self, info: Info, partition: str, limit: int = 50, cursor: str | None = None
    ) -> PartitionRunsResult:
        limit = arguments.page_limit(limit, arguments.MAX_RUNS_PAGE)
        return await asyncio.to_thread(
            partition_runs, info.context.control_plane, self.name, partition, limit, cursor
        )

    @staticmethod
    def from_snapshot(location: str, snapshot: PartitionSetSnapshot) -> PartitionSet:
        return PartitionSet(
            name=snapshot.name,
            location=location,
            pipeline_name=snapshot.pipeline_name,
            mode=snapshot.mode,
            solid_selection=list(snapshot.solid_selection) or None,
            description=snapshot.description,
        )


@strawberry.type
class PartitionSetConnection:
    nodes: list[PartitionSet]


# Blocking work behind the resolvers (run in threads); the root fields share it.


def partition_page(
    control_plane: ControlPlane, name: str, limit: int, cursor: str | None
) -> PartitionConnection:
    names = control_plane.partitions.names(name)
    start = 0
    if cursor is not None:
        try:
            start = names.index(cursor) + 1
        except ValueError:
            raise BadArgument("cursor", f"{name!r} has no partition {cursor!r}") from None
    page = names[start : start + limit]
    return PartitionConnection(
        names=page,
        cursor=page[-1] if page else cursor,
        has_more=start + limit < len(names),
        count=len(names),
    )


def status_matrix(control_plane: ControlPlane, name: str) -> StatusMatrix:
    matrix = control_plane.partitions.status_matrix(name)
    return StatusMatrix(partition_set=name, solids=matrix.solids, matrix=matrix)


def partition_runs(
    control_plane: ControlPlane, name: str, partition: str, limit: int, cursor: str | None
) -> RunConnection:
    control_plane.partitions.select(name, [partition])  # raises for an unknown partition
    filters = RunsFilter(tags={PARTITION_SET_TAG: name, PARTITION_TAG: partition})
    return run_connection(control_plane.storage, filters, limit, cursor)
