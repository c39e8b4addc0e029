"""Root mutations; each is refused with ReadOnlyError when the server runs read-only."""

from __future__ import annotations

import asyncio
from typing import Annotated

import strawberry
from strawberry.scalars import JSON

from control_plane import errors
from control_plane.graphql import arguments
from control_plane.graphql.assets import wipe_asset
from control_plane.graphql.backfills import Backfill
from control_plane.graphql.basic_types import TagInput
from control_plane.graphql.context import Info
from control_plane.graphql.errors import BadArgument
from control_plane.graphql.extensions import root_mutation
from control_plane.graphql.instigators import (
    Schedule,
    Sensor,
    SetScheduleResult,
    SetSensorResult,
    schedules_of,
    sensors_of,
)
from control_plane.graphql.pipelines import CodeLocation
from control_plane.graphql.results import (
    CancelBackfillResult,
    CancelBackfillSuccess,
    LaunchBackfillResult,
    LaunchBackfillSuccess,
    LaunchRunResult,
    LaunchRunSuccess,
    ReexecuteRunResult,
    ReloadCodeLocationResult,
    TerminateRunResult,
    TerminateRunSuccess,
    WipeAssetResult,
)
from control_plane.graphql.runs import Run
from control_plane.storage.instigator_records import InstigatorKind


@strawberry.type
class Mutation:
    @root_mutation(
        "Validates the run config against the plan and queues a run; `preset` gives the run "
        "config, mode and selection of one of the pipeline's presets."
    )
    async def launch_run(
        self,
        info: Info,
        pipeline: str,
        location: str | None = None,
        run_config: JSON | None = None,
        tags: list[TagInput] | None = None,
        mode: str | None = None,
        solid_selection: list[str] | None = None,
        preset: str | None = None,
    ) -> LaunchRunResult:
        run = await asyncio.to_thread(
            info.context.control_plane.launch_run,
            pipeline,
            run_config=arguments.run_config(run_config),
            location=location,
            tags=TagInput.to_dict(tags),
            mode=mode,
            solid_selection=solid_selection,
            preset=preset,
        )
        return LaunchRunSuccess(run=Run.from_record(run))

    @root_mutation("Asks a queued or running run to stop.")
    async def terminate_run(self, info: Info, run_id: str) -> TerminateRunResult:
        run = await asyncio.to_thread(info.context.control_plane.terminate_run, run_id)
        return TerminateRunSuccess(run=Run.from_record(run))

    @root_mutation(
        "A new run of the same pipeline, config and plan, child of `runId`: every step, only "
        "the failed and skipped ones (`fromFailure`), or the steps of `stepSelection`; on "
        "`location` rather than the parent's code location when given."
    )
    async def reexecute_run(
        self,
        info: Info,
        run_id: str,
        from_failure: bool = False,
        step_selection: list[str] | None = None,
        location: str | None = None,
    ) -> ReexecuteRunResult:
        run = await asyncio.to_thread(
            info.context.control_plane.reexecute_run,
            run_id,
            from_failure=from_failure,
            step_selection=step_selection,
            location=location,
        )
        return LaunchRunSuccess(run=Run.from_record(run))

    @root_mutation("Starts a schedule: from now on each due time launches its run once.")
    async def start_schedule(self, info: Info, name: str) -> SetScheduleResult:
        return await _set_schedule(info, name, running=True)

    @root_mutation("Stops a schedule.")
    async def stop_schedule(self, info: Info, name: str) -> SetScheduleResult:
        return await _set_schedule(info, name, running=False)

    @root_mutation("Starts a sensor (evaluated at once, then every minimum interval).")
    async def start_sensor(self, info: Info, name: str) -> SetSensorResult:
        return await _set_sensor(info, name, running=True)

    @root_mutation("Stops a sensor (its cursor is kept for when it starts again).")
    async def stop_sensor(self, info: Info, name: str) -> SetSensorResult:
        return await _set_sensor(info, name, running=False)

    @root_mutation(
        "Loads the location's code again: a code server Lodestar started is replaced by a new "
        "one (the old one is asked to stop once the new one serves: its steps in flight may "
        "finish); an external one is reached on a fresh connection. Returns the outcome."
    )
    async def reload_code_location(self, info: Info, name: str) -> ReloadCodeLocationResult:
        location = await asyncio.to_thread(info.context.control_plane.reload_location, name)
        return CodeLocation.from_info(location)

    @root_mutation(
        "Records a backfill over the chosen partitions (`all`, a list, or a range from "
        "`fromPartition` to `toPartition`, both included); the daemon submits one run each."
    )
    async def launch_backfill(
        self,
        info: Info,
        partition_set: str,
        partitions: list[str] | None = None,
        from_partition: str | None = None,
        to_partition: str | None = None,
        all_partitions: Annotated[bool, strawberry.argument(name="all")] = False,
        from_failure: bool = False,
        tags: list[TagInput] | None = None,
    ) -> LaunchBackfillResult:
        arguments.partition_selection(partitions, from_partition, to_partition, all_partitions)
        try:
            backfill = await asyncio.to_thread(
                info.context.control_plane.launch_backfill,
                partition_set,
                partitions=partitions,
                from_partition=from_partition,
                to_partition=to_partition,
                from_failure=from_failure,
                tags=TagInput.to_dict(tags),
            )
        except errors.InvalidStepSelectionError:  # the range's ends are in the wrong order
            raise BadArgument(
                "toPartition",
                f"{to_partition!r} comes before fromPartition {from_partition!r} "
                f"in {partition_set!r}",
            ) from None
        return LaunchBackfillSuccess(backfill=Backfill.from_record(backfill))

    @root_mutation(
        "Stops a backfill's submission and cancels its queued runs; `terminate` also "
        "terminates its runs in progress."
    )
    async def cancel_backfill(
        self, info: Info, backfill_id: str, terminate: bool = False
    ) -> CancelBackfillResult:
        backfill = await asyncio.to_thread(
            info.context.control_plane.cancel_backfill, backfill_id, terminate=terminate
        )
        return CancelBackfillSuccess(backfill=Backfill.from_record(backfill))

    @root_mutation(
        "Removes an asset's materializations from the catalog (the event log keeps its "
        "events); its definition and other assets are untouched."
    )
    async def wipe_asset(self, info: Info, key: str) -> WipeAssetResult:
        return await asyncio.to_thread(wipe_asset, info.context.control_plane, key)


async def _set_schedule(info: Info, name: str, running: bool) -> Schedule:
    control_plane = info.context.control_plane
    await asyncio.to_thread(
        control_plane.set_instigator_running, InstigatorKind.SCHEDULE, name, running
    )
    [found] = await asyncio.to_thread(schedules_of, control_plane, [name])
    return found


async def _set_sensor(info: Info, name: str, running: bool) -> Sensor:
    control_plane = info.context.control_plane
    await asyncio.to_thread(
        control_plane.set_instigator_running, InstigatorKind.SENSOR, name, running
    )
    [found] = await asyncio.to_thread(sensors_of, control_plane, [name])
    return found
