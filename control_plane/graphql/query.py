"""Root queries: thin calls into the control plane and its storage."""

from __future__ import annotations

import asyncio

import strawberry
from strawberry.scalars import JSON

from control_plane import errors
from control_plane.graphql import arguments
from control_plane.graphql.context import Info
from control_plane.graphql.errors import BadArgument
from control_plane.graphql.extensions import root_query
from control_plane.graphql.pipelines import CodeLocation, CodeLocationConnection, Pipeline
from control_plane.graphql.plans import ExecutionPlan
from control_plane.graphql.results import (
    CodeLocationsResult,
    ExecutionPlanResult,
    PipelineResult,
    RunEventsResult,
    RunResult,
    RunsResult,
)
from control_plane.graphql.runs import (
    Run,
    RunConnection,
    RunEvent,
    RunEventConnection,
    RunsFilterInput,
)
from control_plane.storage.base import Storage
from control_plane.storage.records import EventRecord, PipelineRun, RunsFilter


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
        records = await asyncio.to_thread(
            _runs_page, info.context.storage, filters, limit + 1, cursor
        )
        page = records[:limit]
        return RunConnection(
            nodes=[Run.from_record(r) for r in page],
            cursor=page[-1].run_id if page else None,
            has_more=len(records) > limit,
            filters=filters,
        )

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


def _runs_page(
    storage: Storage, filters: RunsFilter, limit: int, cursor: str | None
) -> list[PipelineRun]:
    if cursor is not None and storage.get_run(cursor) is None:
        raise BadArgument("cursor", f"no run {cursor!r} to continue after")
    return storage.get_runs(filters, limit, cursor)


def _events_page(storage: Storage, run_id: str, after: int, limit: int) -> list[EventRecord]:
    if storage.get_run(run_id) is None:
        raise errors.RunNotFoundError(run_id)
    return storage.get_events(run_id, after_cursor=after, limit=limit)
