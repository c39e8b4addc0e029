"""Root queries: thin calls into the control plane and its storage."""

from __future__ import annotations

import asyncio
from typing import Annotated

import strawberry
from strawberry.scalars import JSON

from control_plane import errors
from control_plane.graphql import arguments
from control_plane.graphql.assets import Asset, AssetConnection, asset_of
from control_plane.graphql.backfills import (
    Backfill,
    BackfillStatusType,
    backfill_connection,
)
from control_plane.graphql.context import Info
from control_plane.graphql.extensions import root_query
from control_plane.graphql.instance import Instance, instance_of
from control_plane.graphql.instigators import (
    ScheduleConnection,
    ScheduleResult,
    SchedulesResult,
    SensorConnection,
    SensorResult,
    SensorsResult,
    schedules_of,
    sensors_of,
)
from control_plane.graphql.partitions import (
    PartitionRunsResult,
    PartitionSet,
    PartitionSetConnection,
    StatusMatrixResult,
    partition_runs,
    status_matrix,
)
from control_plane.graphql.pipelines import CodeLocation, CodeLocationConnection, Pipeline
from control_plane.graphql.plans import ExecutionPlan
from control_plane.graphql.results import (
    AssetResult,
    AssetsResult,
    BackfillResult,
    BackfillsResult,
    CodeLocationsResult,
    ExecutionPlanResult,
    PartitionSetResult,
    PartitionSetsResult,
    PipelineResult,
    RunEventsResult,
    RunResult,
    RunsResult,
)
from control_plane.graphql.runs import (
    Run,
    RunEvent,
    RunEventConnection,
    RunsFilterInput,
    run_connection,
)
from control_plane.storage.base import Storage
from control_plane.storage.records import EventRecord, RunsFilter


@strawberry.type
class Query:
    @root_query("Every code location of the workspace, loaded or not.")
    async def code_locations(self, info: Info) -> CodeLocationsResult:
        infos = await asyncio.to_thread(info.context.control_plane.code_locations)
        return CodeLocationConnection(nodes=[CodeLocation.from_info(i) for i in infos])

    @root_query("A pipeline; `location` is needed only when several locations define it.")
    async def pipeline(self, info: Info, name: str, location: str | None = None) -> PipelineResult:
        found_in, snapshot = await asyncio.to_thread(
            info.context.control_plane.pipeline, name, location
        )
        return Pipeline.from_snapshot(snapshot, found_in)

    @root_query("The plan a run with this config would follow, or every config error.")
    async def execution_plan(
        self,
        info: Info,
        pipeline: str,
        location: str | None = None,
        run_config: JSON | None = None,
        mode: str | None = None,
        solid_selection: list[str] | None = None,
    ) -> ExecutionPlanResult:
        plan = await asyncio.to_thread(
            info.context.control_plane.execution_plan,
            pipeline,
            run_config=arguments.run_config(run_config),
            location=location,
            solid_selection=solid_selection,
            mode=mode,
        )
        return ExecutionPlan.from_snapshot(plan)

    @root_query("Runs matching `filter`, newest first; pass a page's `cursor` for the next.")
    async def runs(
        self,
        info: Info,
        filter: RunsFilterInput | None = None,
        limit: int = 50,
        cursor: str | None = None,
    ) -> RunsResult:
        limit = arguments.page_limit(limit, arguments.MAX_RUNS_PAGE)
        filters = filter.to_filter() if filter else RunsFilter()
        return await asyncio.to_thread(run_connection, info.context.storage, filters, limit, cursor)

    @root_query("One run.")
    async def run(self, info: Info, run_id: str) -> RunResult:
        record = await asyncio.to_thread(info.context.storage.get_run, run_id)
        if record is None:
            raise errors.RunNotFoundError(run_id)
        return Run.from_record(record)

    @root_query("A run's events after `afterCursor`, in log order.")
    async def run_events(
        self, info: Info, run_id: str, after_cursor: str | None = None, limit: int = 1000
    ) -> RunEventsResult:
        after = arguments.event_cursor(after_cursor)
        limit = arguments.page_limit(limit, arguments.MAX_EVENTS_PAGE)
        records = await asyncio.to_thread(
            _events_page, info.context.storage, run_id, after, limit + 1
        )
        page = records[:limit]
        return RunEventConnection(
            events=[RunEvent.from_record(r) for r in page],
            cursor=str(page[-1].storage_id) if page else after_cursor,
            has_more=len(records) > limit,
        )

    @root_query("Every partition set of the loaded code locations.")
    async def partition_sets(self, info: Info) -> PartitionSetsResult:
        found = await asyncio.to_thread(info.context.control_plane.partitions.partition_sets)
        return PartitionSetConnection(
            nodes=[PartitionSet.from_snapshot(location, ps) for location, ps in found]
        )

    @root_query("One partition set: its partitions, status matrix and each partition's runs.")
    async def partition_set(self, info: Info, name: str) -> PartitionSetResult:
        location, snapshot = await asyncio.to_thread(
            info.context.control_plane.partitions.partition_set, name
        )
        return PartitionSet.from_snapshot(location, snapshot)

    @root_query("The latest status of each solid for each partition of `partitionSet`.")
    async def status_matrix(self, info: Info, partition_set: str) -> StatusMatrixResult:
        return await asyncio.to_thread(status_matrix, info.context.control_plane, partition_set)

    @root_query("The runs of one partition, newest first (runs are never overwritten).")
    async def partition_runs(
        self,
        info: Info,
        partition_set: str,
        partition: str,
        limit: int = 50,
        cursor: str | None = None,
    ) -> PartitionRunsResult:
        limit = arguments.page_limit(limit, arguments.MAX_RUNS_PAGE)
        return await asyncio.to_thread(
            partition_runs, info.context.control_plane, partition_set, partition, limit, cursor
        )

    @root_query("Backfills in any of `status` (all by default), newest first.")
    async def backfills(
        self,
        info: Info,
        status: list[BackfillStatusType] | None = None,
        limit: int = 50,
        cursor: str | None = None,
    ) -> BackfillsResult:
        limit = arguments.page_limit(limit, arguments.MAX_BACKFILLS_PAGE)
        return await asyncio.to_thread(
            backfill_connection, info.context.storage, status, limit, cursor
        )

    @root_query("Every schedule: loaded ones, and stored ones whose definition is gone.")
    async def schedules(self, info: Info) -> SchedulesResult:
        found = await asyncio.to_thread(schedules_of, info.context.control_plane)
        return ScheduleConnection(nodes=found)

    @root_query("One schedule, with its tick history.")
    async def schedule(self, info: Info, name: str) -> ScheduleResult:
        [found] = await asyncio.to_thread(schedules_of, info.context.control_plane, [name])
        return found

    @root_query("Every sensor: loaded ones, and stored ones whose definition is gone.")
    async def sensors(self, info: Info) -> SensorsResult:
        found = await asyncio.to_thread(sensors_of, info.context.control_plane)
        return SensorConnection(nodes=found)

    @root_query("One sensor, with its tick history.")
    async def sensor(self, info: Info, name: str) -> SensorResult:
        [found] = await asyncio.to_thread(sensors_of, info.context.control_plane, [name])
        return found

    @root_query("One backfill, with its progress.")
    async def backfill(
        self, info: Info, backfill_id: Annotated[str, strawberry.argument(name="id")]
    ) -> BackfillResult:
        record = await asyncio.to_thread(info.context.control_plane.backfill, backfill_id)
        return Backfill.from_record(record)

    @root_query(
        "Every asset defined by a loaded code location or materialized, in key order; "
        "`prefix` filters on the slash-separated key (`schema/` for one schema)."
    )
    async def assets(self, info: Info, prefix: str | None = None) -> AssetsResult:
        found = await asyncio.to_thread(info.context.control_plane.assets.assets, prefix)
        return AssetConnection(nodes=[Asset.from_catalog(a) for a in found])

    @strawberry.field(description="The instance: daemon leader, heartbeats, queue settings.")
    async def instance(self, info: Info) -> Instance:
        return await asyncio.to_thread(instance_of, info.context.control_plane)

    @root_query("One asset by its slash-separated key (`schema/table`).")
    async def asset(self, info: Info, key: str) -> AssetResult:
        return await asyncio.to_thread(asset_of, info.context.control_plane, key)


def _events_page(storage: Storage, run_id: str, after: int, limit: int) -> list[EventRecord]:
    if storage.get_run(run_id) is None:
        raise errors.RunNotFoundError(run_id)
    return storage.get_events(run_id, after_cursor=after, limit=limit)
