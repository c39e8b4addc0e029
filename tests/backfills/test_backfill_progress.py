"""A backfill's progress never counts below zero, and its state tells submission from runs."""

from __future__ import annotations

from control_plane.backfills.progress import BackfillState, backfill_state, progress_from_counts
from control_plane.storage.records import Backfill, BackfillStatus, RunStatus


def backfill(status: BackfillStatus, cursor: int) -> Backfill:
    names = [f"p{n}" for n in range(10)]
    return Backfill("b1", "set", "repo", names, status=status, cursor=cursor)


def test_runs_counted_past_the_cursor_read_earlier_never_make_skipped_negative():
    # The cursor was read, then the daemon submitted the next chunk before the counts.
    progress = progress_from_counts(backfill(BackfillStatus.REQUESTED, 2), {RunStatus.QUEUED: 4})
    assert progress.skipped == 0 and progress.done == 0


def test_the_state_says_submitted_until_every_run_has_ended():
    done = backfill(BackfillStatus.COMPLETED, 10)
    queued = progress_from_counts(done, {RunStatus.QUEUED: 4, RunStatus.SUCCESS: 6})
    assert backfill_state(done, queued) == BackfillState.SUBMITTED
    ended = progress_from_counts(done, {RunStatus.FAILURE: 4, RunStatus.SUCCESS: 6})
    assert backfill_state(done, ended) == BackfillState.FINISHED
    submitting = backfill(BackfillStatus.REQUESTED, 5)
    assert backfill_state(submitting, ended) == BackfillState.SUBMITTING
    canceled = backfill(BackfillStatus.CANCELED, 5)
    assert backfill_state(canceled, queued) == BackfillState.CANCELED
