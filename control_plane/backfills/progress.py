"""A backfill's progress, counted over the newest run of each of its partitions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from control_plane.storage import Storage
from control_plane.storage.records import Backfill, RunStatus


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


def backfill_progress(storage: Storage, backfill: Backfill) -> BackfillProgress:
    counts = Counter(storage.backfill_run_counts(backfill.backfill_id))
    return BackfillProgress(
        requested=len(backfill.partition_names),
        submitted=backfill.cursor,
        skipped=backfill.cursor - counts.total(),
        queued=counts[RunStatus.QUEUED],
        in_progress=counts[RunStatus.STARTING]
        + counts[RunStatus.STARTED]
        + counts[RunStatus.CANCELING],
        succeeded=counts[RunStatus.SUCCESS],
        failed=counts[RunStatus.FAILURE],
        canceled=counts[RunStatus.CANCELED],
    )
