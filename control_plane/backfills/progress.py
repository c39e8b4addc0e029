"""A backfill's progress, counted over the newest run of each of its partitions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from control_plane.storage import Storage
from control_plane.storage.records import Backfill, BackfillStatus, RunStatus


class PartitionProgress(StrEnum):
    """Where one partition of a backfill stands."""

    NOT_SUBMITTED = "NOT_SUBMITTED"
    SKIPPED = "SKIPPED"  # from failure: its latest run had succeeded
    QUEUED = "QUEUED"
    IN_PROGRESS = "IN_PROGRESS"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    CANCELED = "CANCELED"


_PROGRESS_OF_RUN = {
    RunStatus.QUEUED: PartitionProgress.QUEUED,
    RunStatus.STARTING: PartitionProgress.IN_PROGRESS,
    RunStatus.STARTED: PartitionProgress.IN_PROGRESS,
    RunStatus.CANCELING: PartitionProgress.IN_PROGRESS,
    RunStatus.SUCCESS: PartitionProgress.SUCCEEDED,
    RunStatus.FAILURE: PartitionProgress.FAILED,
    RunStatus.CANCELED: PartitionProgress.CANCELED,
}


class BackfillState(StrEnum):
    """Where a backfill stands as a whole: its submission and the runs it submitted."""

    SUBMITTING = "SUBMITTING"  # partitions are still being submitted
    SUBMITTED = "SUBMITTED"  # every partition is submitted; some of its runs have not ended
    FINISHED = "FINISHED"  # every partition is submitted and every run has ended
    CANCELED = "CANCELED"
    FAILED = "FAILED"  # submission stopped on an error


@dataclass(frozen=True)
class BackfillProgress:
    requested: int  # partitions selected
    submitted: int  # partitions the daemon has gone through
    skipped: int  # submitted without a run (from-failure: its latest run had succeeded)
    queued: int
    in_progress: int
    succeeded: int
    failed: int
    canceled: int

    @property
    def done(self) -> int:
        return self.skipped + self.succeeded + self.failed + self.canceled

    @property
    def runs_ended(self) -> bool:
        return self.queued + self.in_progress == 0


def backfill_state(backfill: Backfill, progress: BackfillProgress) -> BackfillState:
    if backfill.status == BackfillStatus.CANCELED:
        return BackfillState.CANCELED
    if backfill.status == BackfillStatus.FAILED:
        return BackfillState.FAILED
    if backfill.status == BackfillStatus.REQUESTED:
        return BackfillState.SUBMITTING
    return BackfillState.FINISHED if progress.runs_ended else BackfillState.SUBMITTED


def backfill_progress(storage: Storage, backfill: Backfill) -> BackfillProgress:
    return progress_from_counts(backfill, storage.backfill_run_counts(backfill.backfill_id))


def progress_from_counts(
    backfill: Backfill, run_counts: Mapping[RunStatus, int]
) -> BackfillProgress:
    """The progress, given how many partitions have their newest run in each status."""
    counts = Counter(run_counts)
    return BackfillProgress(
        requested=len(backfill.partition_names),
        submitted=backfill.cursor,
        # Never below zero: the daemon may already have submitted runs of the next chunk
        # that the cursor read with the counts does not cover yet.
        skipped=max(0, backfill.cursor - counts.total()),
        queued=counts[RunStatus.QUEUED],
        in_progress=counts[RunStatus.STARTING]
        + counts[RunStatus.STARTED]
        + counts[RunStatus.CANCELING],
        succeeded=counts[RunStatus.SUCCESS],
        failed=counts[RunStatus.FAILURE],
        canceled=counts[RunStatus.CANCELED],
    )


def partition_progress(
    storage: Storage, backfill: Backfill
) -> list[tuple[str, PartitionProgress, str | None]]:
    """(partition, where it stands, its newest run of the backfill) for each selected
    partition, in order (one statement)."""
    runs = storage.latest_partition_run_statuses(backfill.partition_set, backfill.backfill_id)
    found: list[tuple[str, PartitionProgress, str | None]] = []
    for index, partition in enumerate(backfill.partition_names):
        run = runs.get(partition)
        if run is not None:
            found.append((partition, _PROGRESS_OF_RUN[run[1]], run[0]))
        elif index < backfill.cursor:
            found.append((partition, PartitionProgress.SKIPPED, None))
        else:
            found.append((partition, PartitionProgress.NOT_SUBMITTED, None))
    return found
