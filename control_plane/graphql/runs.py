"""Runs, their step statuses and their event log."""

from __future__ import annotations

import asyncio

import strawberry
from strawberry.scalars import JSON

from control_plane.graphql.basic_types import Tag, TagInput
from control_plane.graphql.context import Info
from control_plane.graphql.errors import BadArgument
from control_plane.graphql.step_stats import RunLoaders, StepStats
from control_plane.storage.base import Storage
from control_plane.storage.records import (
    BACKFILL_TAG,
    PARTITION_SET_TAG,
    PARTITION_TAG,
    EventRecord,
    PipelineRun,
    RunsFilter,
    RunStatus,
)
from user_code_server.protocol import ErrorInfo, ErrorKind, EventType

# strawberry.enum registers the enum class in place and returns it: the alias is a type.
RunStatusType = RunStatus
EventTypeType = EventType
ErrorKindType = ErrorKind
strawberry.enum(RunStatus, name="RunStatus")
strawberry.enum(EventType, name="EventType")
strawberry.enum(ErrorKind, name="ErrorKind")


@strawberry.type(description="One run of a pipeline. Re-execution makes a new run.")
class Run:
    run_id: str
    pipeline_name: str
    location: str
    status: RunStatusType
    run_config: JSON
    mode: str
    tags: list[Tag]
    solid_selection: list[str] | None
    step_selection: list[str] | None
    parent_run_id: str | None
    root_run_id: str | None
    created_at: float = strawberry.field(description="Seconds since the epoch, as all times.")
    updated_at: float
    start_time: float | None
    end_time: float | None
    loaders: strawberry.Private[RunLoaders | None] = None

    def _loaders(self, info: Info) -> RunLoaders:
        if self.loaders is None:
            self.loaders = RunLoaders(info.context.storage)
        return self.loaders

    @strawberry.field(
        description="Each step that has started, skipped or finished, in order of its first "
        "event (from the run_steps index: one statement for all the runs of a response)."
    )
    async def step_stats(self, info: Info) -> list[StepStats]:
        return await self._loaders(info).step_stats.load(self.run_id)

    @strawberry.field(
        description="The run's step failures and retries, in log order, with their errors."
    )
    async def step_failures(self, info: Info) -> list[RunEvent]:
        records = await self._loaders(info).step_failures.load(self.run_id)
        return [RunEvent.from_record(r) for r in records]

    @staticmethod
    def from_record(run: PipelineRun, loaders: RunLoaders | None = None) -> Run:
        return Run(
            run_id=run.run_id,
            pipeline_name=run.pipeline_name,
            location=run.location_name,
            status=run.status,
            run_config=JSON(run.run_config),
            mode=run.mode,
            tags=Tag.from_dict(run.tags),
            solid_selection=run.solid_selection,
            step_selection=run.step_selection,
            parent_run_id=run.parent_run_id,
            root_run_id=run.root_run_id,
            created_at=run.created_at,
            updated_at=run.updated_at,
            start_time=run.start_time,
            end_time=run.end_time,
            loaders=loaders,
        )


@strawberry.input(name="RunsFilter", description="Runs matching every given criterion.")
class RunsFilterInput:
    run_ids: list[str] | None = None
    pipeline_name: str | None = None
    statuses: list[RunStatusType] | None = None
    tags: list[TagInput] | None = None
    partition_set: str | None = strawberry.field(
        default=None, description="Runs of this partition set (tag `lodestar/partition_set`)."
    )
    partition: str | None = strawberry.field(
        default=None, description="Runs of this partition (tag `lodestar/partition`)."
    )
    backfill_id: str | None = strawberry.field(
        default=None, description="Runs of this backfill (tag `lodestar/backfill`)."
    )
    parent_run_id: str | None = strawberry.field(
        default=None, description="The re-executions of this run (its child runs)."
    )

    def to_filter(self) -> RunsFilter:
        tags = TagInput.to_dict(self.tags)
        for key, value in (
            (PARTITION_SET_TAG, self.partition_set),
            (PARTITION_TAG, self.partition),
            (BACKFILL_TAG, self.backfill_id),
        ):
            if value is not None:
                tags[key] = value
        return RunsFilter(
            run_ids=self.run_ids,
            pipeline_name=self.pipeline_name,
            statuses=self.statuses,
            tags=tags or None,
            parent_run_id=self.parent_run_id,
        )


@strawberry.type(description="A page of runs, newest first.")
class RunConnection:
    nodes: list[Run]
    cursor: str | None = strawberry.field(description="Pass as `cursor` for the next page.")
    has_more: bool
    filters: strawberry.Private[RunsFilter]

    @strawberry.field(description="How many runs match the filter, over all pages.")
    async def count(self, info: Info) -> int:
        return await asyncio.to_thread(info.context.storage.count_runs, self.filters)


def run_connection(
    storage: Storage, filters: RunsFilter, limit: int, cursor: str | None
) -> RunConnection:
    """A page of runs matching `filters` after the run `cursor` (blocking: call in a thread)."""
    if cursor is not None and storage.get_run(cursor) is None:
        raise BadArgument("cursor", f"no run {cursor!r} to continue after")
    records = storage.get_runs(filters, limit + 1, cursor)
    page = records[:limit]
    loaders = RunLoaders(storage)
    return RunConnection(
        nodes=[Run.from_record(r, loaders) for r in page],
        cursor=page[-1].run_id if page else None,
        has_more=len(records) > limit,
        filters=filters,
    )


@strawberry.type(description="An error carried by an event, as it crossed the wire.")
class EventError:
    kind: ErrorKindType
    class_name: str
    message: str
    stack: str
    cause: str

    @staticmethod
    def from_info(error: ErrorInfo | None) -> EventError | None:
        if error is None:
            return None
        return EventError(
            kind=error.kind,
            class_name=error.cls_name,
            message=error.message,
            stack=error.stack,
            cause=error.cause,
        )


@strawberry.type(description="One entry of a run's append-only event log.")
class RunEvent:
    cursor: str
    run_id: str
    step_key: str | None
    event_type: EventTypeType
    timestamp: float
    message: str
    level: str
    output_name: str | None
    mapping_key: str | None
    attempt: int
    error: EventError | None
    data: JSON | None

    @staticmethod
    def from_record(record: EventRecord) -> RunEvent:
        event = record.event
        return RunEvent(
            cursor=str(record.storage_id),
            run_id=record.run_id,
            step_key=event.step_key or None,
            event_type=event.event_type,
            timestamp=event.timestamp,
            message=event.message,
            level=event.level,
            output_name=event.output_name or None,
            mapping_key=event.mapping_key or None,
            attempt=event.attempt,
            error=EventError.from_info(event.error),
            data=event.data,
        )


@strawberry.type(description="A page of a run's events; follow a run by passing `cursor` back.")
class RunEventConnection:
    events: list[RunEvent]
    cursor: str | None = strawberry.field(
        description="The last event's cursor (or the one given when there is none)."
    )
    has_more: bool
