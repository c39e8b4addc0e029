"""Backfills and their progress."""

from __future__ import annotations

import asyncio
import time

import strawberry
from strawberry.dataloader import DataLoader

from control_plane.backfills.daemon import DAEMON_TYPE as BACKFILL_DAEMON_TYPE
from control_plane.backfills.progress import (
    BackfillState,
    PartitionProgress,
    backfill_state,
    partition_progress,
    progress_from_counts,
)
from control_plane.graphql.basic_types import Tag
from control_plane.graphql.context import Info
from control_plane.graphql.errors import BadArgument
from control_plane.storage.base import Storage
from control_plane.storage.records import Backfill as BackfillRecord
from control_plane.storage.records import BackfillStatus, RunStatus

# strawberry.enum registers the enum class in place and returns it: the alias is a type.
BackfillStatusType = BackfillStatus
strawberry.enum(
    BackfillStatus,
    name="BackfillStatus",
    description="REQUESTED: partitions are being submitted; COMPLETED: every partition has "
    "its run; CANCELED; FAILED: submission stopped on an error (see `error`).",
)
BackfillStateType = BackfillState
strawberry.enum(BackfillState, name="BackfillState", description=BackfillState.__doc__)
PartitionProgressType = PartitionProgress
strawberry.enum(
    PartitionProgress,
    name="BackfillPartitionStatus",
    description="Where one partition of a backfill stands: its newest run's status, "
    "NOT_SUBMITTED yet, or SKIPPED (from failure: its latest run had succeeded).",
)


@strawberry.type(description="One selected partition of a backfill.")
class BackfillPartition:
    partition: str
    status: PartitionProgressType
    run_id: str | None = strawberry.field(description="Its newest run of the backfill.")


class BackfillLoaders:
    """The run counts of every backfill of a response, in one statement."""

    def __init__(self, storage: Storage):
        async def run_counts(backfill_ids: list[str]) -> list[dict[RunStatus, int]]:
            counts = await asyncio.to_thread(storage.backfills_run_counts, backfill_ids)
            return [counts[backfill_id] for backfill_id in backfill_ids]

        self.run_counts = DataLoader(load_fn=run_counts)


@strawberry.type(description="Counts over the newest run of each partition of a backfill.")
class BackfillProgress:
    requested: int = strawberry.field(description="Partitions selected.")
    submitted: int = strawberry.field(description="Partitions the daemon has gone through.")
    skipped: int = strawberry.field(
        description="From failure: partitions left alone because their latest run succeeded."
    )
    queued: int
    in_progress: int
    succeeded: int
    failed: int
    canceled: int
    done: int = strawberry.field(description="skipped + succeeded + failed + canceled.")
    state: BackfillStateType = strawberry.field(
        description="SUBMITTING, then SUBMITTED (runs still queued or running), then FINISHED; "
        "or CANCELED, or FAILED."
    )
    finished: bool = strawberry.field(
        description="Submission has ended and none of the backfill's runs is queued or running."
    )


@strawberry.type(description="A request to run a partition set's pipeline once per partition.")
class Backfill:
    backfill_id: str
    partition_set: str
    location: str
    status: BackfillStatusType
    partition_names: list[str] = strawberry.field(description="The selected partitions, in order.")
    from_failure: bool = strawberry.field(
        description="Re-executes from failure the partitions whose latest run failed, and "
        "skips those whose latest run succeeded."
    )
    tags: list[Tag] = strawberry.field(description="Added to every run of the backfill.")
    error: str | None = strawberry.field(description="Why submission failed.")
    created_at: float
    updated_at: float
    record: strawberry.Private[BackfillRecord]
    loaders: strawberry.Private[BackfillLoaders | None] = None

    @strawberry.field(
        description="Where the backfill's partitions stand (one storage query for all the "
        "backfills of a response)."
    )
    async def progress(self, info: Info) -> BackfillProgress:
        if self.loaders is None:
            self.loaders = BackfillLoaders(info.context.storage)
        counts = await self.loaders.run_counts.load(self.backfill_id)
        return progress_of(self.record, counts)

    @strawberry.field(description="Each selected partition's status, in order (one query).")
    async def partition_statuses(self, info: Info) -> list[BackfillPartition]:
        found = await asyncio.to_thread(partition_progress, info.context.storage, self.record)
        return [
            BackfillPartition(partition=partition, status=status, run_id=run_id)
            for partition, status, run_id in found
        ]

    @strawberry.field(
        description="Seconds since a backfill daemon last reported in (null: never), so a "
        "client can tell a slow backfill from one that no daemon is submitting."
    )
    async def daemon_heartbeat_age(self, info: Info) -> float | None:
        heartbeats = await asyncio.to_thread(info.context.storage.get_daemon_heartbeats)
        latest = [h.timestamp for h in heartbeats if h.daemon_type == BACKFILL_DAEMON_TYPE]
        return time.time() - max(latest) if latest else None

    @staticmethod
    def from_record(backfill: BackfillRecord, loaders: BackfillLoaders | None = None) -> Backfill:
        return Backfill(
            backfill_id=backfill.backfill_id,
            partition_set=backfill.partition_set,
            location=backfill.location_name,
            status=backfill.status,
            partition_names=backfill.partition_names,
            from_failure=backfill.from_failure,
            tags=Tag.from_dict(backfill.tags),
            error=backfill.error,
            created_at=backfill.created_at,
            updated_at=backfill.updated_at,
            record=backfill,
            loaders=loaders,
        )


@strawberry.type(description="A page of backfills, newest first.")
class BackfillConnection:
    nodes: list[Backfill]
    cursor: str | None = strawberry.field(description="Pass as `cursor` for the next page.")
    has_more: bool


def progress_of(backfill: BackfillRecord, run_counts: dict[RunStatus, int]) -> BackfillProgress:
    progress = progress_from_counts(backfill, run_counts)
    return BackfillProgress(
        requested=progress.requested,
        submitted=progress.submitted,
        skipped=progress.skipped,
        queued=progress.queued,
        in_progress=progress.in_progress,
        succeeded=progress.succeeded,
        failed=progress.failed,
        canceled=progress.canceled,
        done=progress.done,
        state=backfill_state(backfill, progress),
        finished=backfill.status != BackfillStatus.REQUESTED and progress.runs_ended,
    )


def backfill_connection(
    storage: Storage, statuses: list[BackfillStatus] | None, limit: int, cursor: str | None
) -> BackfillConnection:
    """A page of backfills after the backfill `cursor` (blocking: call in a thread)."""
    if cursor is not None and storage.get_backfill(cursor) is None:
        raise BadArgument("cursor", f"no backfill {cursor!r} to continue after")
    records = storage.get_backfills(statuses, limit + 1, cursor)
    page = records[:limit]
    loaders = BackfillLoaders(storage)
    return BackfillConnection(
        nodes=[Backfill.from_record(b, loaders) for b in page],
        cursor=page[-1].backfill_id if page else None,
        has_more=len(records) > limit,
    )
