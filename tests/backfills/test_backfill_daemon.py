"""The backfill daemon, stepped with next(): exactly-once submission across crashes and
racing daemons, cancel, from-failure, progress and the status matrix."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from helpers.waiting import wait_until

from control_plane.backfills.daemon import BackfillDaemon
from control_plane.errors import PartitionNotFoundError, PartitionSetNotFoundError
from control_plane.storage.records import BackfillStatus, RunsFilter, RunStatus, StepStatus

ALL = [f"p{i}" for i in range(10)]


def partitions_of_runs(plane, backfill_id=None):
    runs = plane.storage.get_runs()
    return Counter(
        r.partition_key
        for r in runs
        if backfill_id is None or r.tags.get("lodestar/backfill") == backfill_id
    )


def run_until(generator, point):
    for reached in generator:
        if reached == point:
            return
    raise AssertionError(f"never reached {point}")


@pytest.mark.parametrize("crash_point", ["before_submit", "after_submit"])
def test_a_daemon_crashing_mid_backfill_submits_every_partition_once(make_plane, crash_point):
    plane = make_plane()
    backfill = plane.launch_backfill("numbers")
    daemon = BackfillDaemon(plane.storage, plane.locations, chunk_size=3)
    iteration = daemon.iterate()
    run_until(iteration, "after_submit")
    run_until(iteration, crash_point)
    iteration.close()  # the daemon dies here
    restarted = BackfillDaemon(plane.storage, plane.locations, chunk_size=3)
    list(restarted.iterate())
    assert partitions_of_runs(plane) == Counter(ALL)
    stored = plane.backfill(backfill.backfill_id)
    assert (stored.status, stored.cursor) == (BackfillStatus.COMPLETED, 10)
    run = plane.partitions.runs("numbers", "p0")[0]
    assert run.tags["lodestar/backfill"] == backfill.backfill_id
    assert run.tags["lodestar/partition_set"] == "numbers" and run.tags["team"] == "data"


def test_two_daemons_racing_never_submit_a_partition_twice(make_plane):
    plane = make_plane()
    plane.launch_backfill("numbers")
    first = BackfillDaemon(plane.storage, plane.locations, chunk_size=2).iterate()
    second = BackfillDaemon(plane.storage, plane.locations, chunk_size=2).iterate()
    # Both read the same cursor, then both try to submit the same chunk.
    run_until(first, "before_submit")
    run_until(second, "before_submit")
    list(first)
    list(second)
    assert partitions_of_runs(plane) == Counter(ALL)


def test_cancel_stops_submission_and_cancels_queued_runs(make_plane):
    plane = make_plane()
    backfill = plane.launch_backfill("numbers", partitions=["p1", "p2", "p3", "p4"])
    iteration = BackfillDaemon(plane.storage, plane.locations, chunk_size=2).iterate()
    run_until(iteration, "after_submit")
    plane.cancel_backfill(backfill.backfill_id)
    list(iteration)
    runs = plane.storage.get_runs()
    assert sorted(r.partition_key for r in runs) == ["p1", "p2"]
    assert {r.status for r in runs} == {RunStatus.CANCELED}
    assert plane.backfill(backfill.backfill_id).status == BackfillStatus.CANCELED
    progress = plane.backfill_progress(backfill.backfill_id)
    assert (progress.requested, progress.submitted, progress.canceled) == (4, 2, 2)


def test_selection_errors_name_what_is_wrong(make_plane):
    plane = make_plane()
    with pytest.raises(PartitionNotFoundError, match="'p99'"):
        plane.launch_backfill("numbers", partitions=["p1", "p99"])
    with pytest.raises(PartitionSetNotFoundError, match="nope"):
        plane.launch_backfill("nope")
    backfill = plane.launch_backfill("numbers", from_partition="p7", to_partition="p9")
    assert backfill.partition_names == ["p7", "p8", "p9"]
    assert plane.storage.get_runs() == []


def test_backfill_runs_then_from_failure_reexecutes_only_failed_partitions(make_plane, marker):
    plane = make_plane(run_daemon=True, max_concurrent_runs=3)
    backfill = plane.launch_backfill("numbers", partitions=["p2", "p3", "p4"])
    wait_for_backfill(plane, backfill.backfill_id)
    progress = plane.backfill_progress(backfill.backfill_id)
    assert (progress.succeeded, progress.failed) == (2, 1)

    matrix = plane.partitions.status_matrix("numbers")
    assert matrix.solids == ["extract", "transform", "load"]
    assert matrix.status("p3", "transform") == StepStatus.FAILURE
    assert matrix.status("p3", "load") == StepStatus.SKIPPED
    assert matrix.status("p2", "load") == StepStatus.SUCCESS
    assert matrix.status("p0", "extract") == StepStatus.MISSING

    marker.write_text("")
    retry = plane.launch_backfill("numbers", partitions=["p2", "p3", "p4"], from_failure=True)
    wait_for_backfill(plane, retry.backfill_id)
    progress = plane.backfill_progress(retry.backfill_id)
    assert (progress.skipped, progress.succeeded) == (2, 1)
    history = plane.partitions.runs("numbers", "p3")
    assert [r.status for r in history] == [RunStatus.SUCCESS, RunStatus.FAILURE]
    assert history[0].parent_run_id == history[1].run_id
    matrix = plane.partitions.status_matrix("numbers")
    # extract was reused from the failed run: its latest status is still that run's SUCCESS.
    assert [matrix.status("p3", s) for s in matrix.solids] == [StepStatus.SUCCESS] * 3


def test_the_run_queue_honours_max_concurrent_runs(make_plane, monkeypatch):
    monkeypatch.setenv("LODESTAR_TEST_STEP_SECONDS", "0.3")
    plane = make_plane(run_daemon=True, max_concurrent_runs=2)
    backfill = plane.launch_backfill("numbers", partitions=["p0", "p1", "p2", "p4", "p5", "p6"])
    wait_for_backfill(plane, backfill.backfill_id)
    runs = plane.storage.get_runs(RunsFilter(tags={"lodestar/backfill": backfill.backfill_id}))
    edges = sorted([(r.start_time, 1) for r in runs] + [(r.end_time, -1) for r in runs])
    running, most = 0, 0
    for _, change in edges:
        running += change
        most = max(most, running)
    assert most == 2


def wait_for_backfill(plane, backfill_id, timeout=120):
    def finished():
        backfill = plane.backfill(backfill_id)
        progress = plane.backfill_progress(backfill_id)
        if backfill.status != BackfillStatus.REQUESTED and progress.done == progress.requested:
            return progress
        return None

    return wait_until(finished, timeout, f"backfill {backfill_id} to finish")


def test_two_daemon_threads_submit_each_partition_once(make_plane):
    plane = make_plane()
    backfills = [plane.launch_backfill("numbers") for _ in range(5)]
    errors = []

    def drain():
        try:
            list(BackfillDaemon(plane.storage, plane.locations, chunk_size=1).iterate())
        except Exception as error:  # surfaced below
            errors.append(error)

    threads = [threading.Thread(target=drain) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    for backfill in backfills:
        assert partitions_of_runs(plane, backfill.backfill_id) == Counter(ALL)
        assert plane.backfill(backfill.backfill_id).status == BackfillStatus.COMPLETED
