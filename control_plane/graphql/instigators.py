"""Schedules and sensors: their definitions, state, next tick, tick history and previews."""

from __future__ import annotations

import asyncio
from typing import Annotated

import strawberry
from strawberry.scalars import JSON

from control_plane.graphql.basic_types import Tag
from control_plane.graphql.context import Info
from control_plane.graphql.errors import (
    CodeLocationError,
    InstigatorNotFoundError,
    PythonError,
    ReadOnlyError,
)
from control_plane.graphql.extensions import nested_field
from control_plane.instigators import ScheduleInfo, SensorInfo
from control_plane.storage.instigator_records import (
    InstigatorKind,
    InstigatorStatus,
    TickStatus,
)
from control_plane.storage.instigator_records import Tick as TickRecord
from user_code_server.protocol import TickRunRequest

# strawberry.enum registers the enum class in place and returns it: the alias is a type.
InstigatorStatusType = InstigatorStatus
strawberry.enum(InstigatorStatus, name="InstigatorStatus", description="RUNNING or STOPPED.")
TickStatusType = TickStatus
strawberry.enum(
    TickStatus,
    name="TickStatus",
    description="SUCCESS: runs were requested and queued; SKIPPED: none (see skipReason); "
    "FAILURE: the user's function raised or its code location could not answer (see error).",
)


@strawberry.type(description="One evaluation of a schedule (at a due time) or a sensor.")
class Tick:
    tick_id: int
    timestamp: float = strawberry.field(description="The due time, or the evaluation time.")
    status: TickStatusType
    run_ids: list[str]
    skip_reason: str | None
    error: str | None = strawberry.field(description="With the user's traceback.")
    cursor: str | None

    @staticmethod
    def from_record(tick: TickRecord) -> Tick:
        return Tick(
            tick_id=tick.tick_id,
            timestamp=tick.tick_time,
            status=tick.status,
            run_ids=tick.run_ids,
            skip_reason=tick.skip_reason,
            error=tick.error,
            cursor=tick.cursor,
        )


@strawberry.type(description="A run a schedule or sensor would request (a preview).")
class RequestedRun:
    run_key: str | None
    run_config: JSON
    tags: list[Tag]

    @staticmethod
    def from_request(request: TickRunRequest) -> RequestedRun:
        return RequestedRun(
            run_key=request.run_key or None,
            run_config=JSON(request.run_config or {}),
            tags=[Tag(key=k, value=v) for k, v in request.tags.items()],
        )


@strawberry.type(description="What one evaluation would do, storing nothing.")
class TickPreview:
    timestamp: float | None = strawberry.field(description="A schedule's due time.")
    runs: list[RequestedRun]
    skip_reason: str | None
    error: str | None
    cursor: str | None = strawberry.field(description="A sensor's new cursor, if it set one.")


async def _ticks(info: Info, kind: InstigatorKind, name: str, limit: int) -> list[Tick]:
    records = await asyncio.to_thread(
        info.context.control_plane.instigators.ticks, kind, name, limit
    )
    return [Tick.from_record(record) for record in records]


@strawberry.type(description="A cron schedule. Stopped until started.")
class Schedule:
    name: str
    location: str | None
    status: InstigatorStatusType
    definition_missing: bool = strawberry.field(
        description="Its definition is gone from the loaded code: it is never evaluated."
    )
    pipeline_name: str | None
    cron_schedule: str | None
    execution_timezone: str | None
    partition_set: str | None
    description: str | None
    next_tick_timestamp: float | None = strawberry.field(description="While RUNNING.")
    last_tick: Tick | None = strawberry.field(description="Its newest tick.")

    @strawberry.field(description="Newest first.")
    async def ticks(self, info: Info, limit: int = 20) -> list[Tick]:
        return await _ticks(info, InstigatorKind.SCHEDULE, self.name, limit)

    @nested_field("The next `ticks` due times, each with what it would request.")
    async def preview(self, info: Info, ticks: int = 3) -> PreviewResult:
        previews = await asyncio.to_thread(
            info.context.control_plane.instigators.preview_schedule, self.name, ticks
        )
        return TickPreviews(
            nodes=[
                TickPreview(
                    timestamp=due,
                    runs=[RequestedRun.from_request(r) for r in reply.run_requests],
                    skip_reason=reply.skip_reason or None,
                    error=_error(reply.error),
                    cursor=None,
                )
                for due, reply in previews
            ]
        )

    @staticmethod
    def from_info(schedule: ScheduleInfo, last_tick: TickRecord | None) -> Schedule:
        snapshot = schedule.snapshot
        return Schedule(
            name=schedule.name,
            location=schedule.location_name,
            status=schedule.status,
            definition_missing=snapshot is None,
            pipeline_name=snapshot.pipeline_name if snapshot else None,
            cron_schedule=snapshot.cron_schedule if snapshot else None,
            execution_timezone=snapshot.execution_timezone if snapshot else None,
            partition_set=(snapshot.partition_set or None) if snapshot else None,
            description=(snapshot.description or None) if snapshot else None,
            next_tick_timestamp=schedule.next_tick_time,
            last_tick=Tick.from_record(last_tick) if last_tick is not None else None,
        )


@strawberry.type(description="A sensor: evaluated every minimumIntervalSeconds while RUNNING.")
class Sensor:
    name: str
    location: str | None
    status: InstigatorStatusType
    definition_missing: bool
    pipeline_name: str | None
    minimum_interval_seconds: float | None
    is_pipeline_failure_sensor: bool
    description: str | None
    cursor: str | None
    last_tick_timestamp: float | None
    last_tick: Tick | None = strawberry.field(description="Its newest tick.")

    @strawberry.field(description="Newest first.")
    async def ticks(self, info: Info, limit: int = 20) -> list[Tick]:
        return await _ticks(info, InstigatorKind.SENSOR, self.name, limit)

    @nested_field("One evaluation from `cursor` (default: its own), storing nothing.")
    async def preview(self, info: Info, cursor: str | None = None) -> PreviewResult:
        reply = await asyncio.to_thread(
            info.context.control_plane.instigators.preview_sensor, self.name, cursor
        )
        preview = TickPreview(
            timestamp=None,
            runs=[RequestedRun.from_request(r) for r in reply.run_requests],
            skip_reason=reply.skip_reason or None,
            error=_error(reply.error),
            cursor=reply.cursor if reply.cursor_updated else None,
        )
        return TickPreviews(nodes=[preview])

    @staticmethod
    def from_info(sensor: SensorInfo, last_tick: TickRecord | None) -> Sensor:
        snapshot = sensor.snapshot
        return Sensor(
            name=sensor.name,
            location=sensor.location_name,
            status=sensor.status,
            definition_missing=snapshot is None,
            pipeline_name=(snapshot.pipeline_name or None) if snapshot else None,
            minimum_interval_seconds=snapshot.minimum_interval_seconds if snapshot else None,
            is_pipeline_failure_sensor=bool(snapshot and snapshot.is_pipeline_failure_sensor),
            description=(snapshot.description or None) if snapshot else None,
            cursor=sensor.cursor,
            last_tick_timestamp=sensor.last_tick_time,
            last_tick=Tick.from_record(last_tick) if last_tick is not None else None,
        )


@strawberry.type
class TickPreviews:
    nodes: list[TickPreview]


@strawberry.type
class ScheduleConnection:
    nodes: list[Schedule]


@strawberry.type
class SensorConnection:
    nodes: list[Sensor]


def _error(error) -> str | None:
    return f"{error.message}\n{error.stack}".rstrip() if error is not None else None


PreviewResult = Annotated[
    TickPreviews | InstigatorNotFoundError | CodeLocationError | PythonError,
    strawberry.union("PreviewResult"),
]
ScheduleResult = Annotated[
    Schedule | InstigatorNotFoundError | PythonError, strawberry.union("ScheduleResult")
]
SensorResult = Annotated[
    Sensor | InstigatorNotFoundError | PythonError, strawberry.union("SensorResult")
]
SchedulesResult = Annotated[ScheduleConnection | PythonError, strawberry.union("SchedulesResult")]
SensorsResult = Annotated[SensorConnection | PythonError, strawberry.union("SensorsResult")]
SetScheduleResult = Annotated[
    Schedule | InstigatorNotFoundError | ReadOnlyError | PythonError,
    strawberry.union("SetScheduleStatusResult"),
]
SetSensorResult = Annotated[
    Sensor | InstigatorNotFoundError | ReadOnlyError | PythonError,
    strawberry.union("SetSensorStatusResult"),
]


def schedules_of(control_plane, names: list[str] | None = None) -> list[Schedule]:
    """The schedules (all, or those named), each with its newest tick: two statements
    however many there are (blocking: call in a thread)."""
    found = (
        control_plane.instigators.schedules()
        if names is None
        else [control_plane.instigators.schedule(name) for name in names]
    )
    latest = control_plane.storage.get_latest_ticks(InstigatorKind.SCHEDULE)
    return [Schedule.from_info(s, latest.get(s.name)) for s in found]


def sensors_of(control_plane, names: list[str] | None = None) -> list[Sensor]:
    """The sensors (all, or those named), each with its newest tick (blocking)."""
    found = (
        control_plane.instigators.sensors()
        if names is None
        else [control_plane.instigators.sensor(name) for name in names]
    )
    latest = control_plane.storage.get_latest_ticks(InstigatorKind.SENSOR)
    return [Sensor.from_info(s, latest.get(s.name)) for s in found]
