"""Real kills mid-backfill: `kill -9` of `lodestar daemon run`, and of the whole `lodestar up`
(daemon, coordinators and the code server it started), then a restart on the same instance.

Both end with every partition submitted exactly once (one run per partition that is not a
recovery re-execution) and exactly one successful run per partition: runs the kill left in
flight are recovered as re-executions from failure naming them as parent.
"""

from __future__ import annotations

from pathlib import Path

from helpers.code_server import child_pids, kill_survivors, pid_alive
from helpers.waiting import wait_until

from api.backfill_processes import (
    RECOVERED_FROM_TAG,
    REPO,
    backfill,
    launched,
    partition_runs,
    start_daemon,
    wait_for_backfill,
    write_instance_config,
)
from api.lodestar_process import start_control_plane
from control_plane.instance import Instance
from control_plane.storage.records import IN_FLIGHT_STATUSES, RunsFilter

PARTITIONS = ["a", "b", "c", "d", "e", "f", "g", "h"]
# Two partitions per chunk, 0.25 s to build each partition's config: about 2 s to submit
# the 8 partitions, while runs of 0.3 s steps start as soon as their chunk is stored.
CHUNK_SIZE = 2
CONFIG_SECONDS = "0.25"
STEP_SECONDS = "0.3"


def descendants(pid: int) -> set[int]:
    found, frontier = set(), {pid}
    while frontier:
        children = set().union(*(child_pids(p) for p in frontier)) - found
        found |= children
        frontier = children
    return found


def kill_mid_submission(server, backfill_id: str, pid: int, kill) -> dict:
    """SIGKILLs `pid` once some partitions are submitted (not all) and a run is running;
    the processes it had started do not outlive it. Returns the progress seen before."""

    def under_way():
        started = descendants(pid)  # before the query, so that the kill follows it at once
        progress = backfill(server, backfill_id)["progress"]
        if 0 < progress["submitted"] < len(PARTITIONS) and progress["inProgress"] > 0:
            return progress, started
        return None

    progress, started = wait_until(under_way, 60, "submission under way", interval=0.02)
    kill()
    try:
        assert started, "the killed process had started no code server"
        wait_until(lambda: not any(pid_alive(p) for p in started), 20, "its children to exit")
    finally:
        kill_survivors(started)
    return progress


def stored_after_kill(home: Path, backfill_id: str) -> tuple[int, set[str]]:
    """The backfill's cursor and the runs left in flight, read from storage directly."""
    instance = Instance.from_env(str(home))
    try:
        in_flight = instance.storage.get_runs(RunsFilter(statuses=sorted(IN_FLIGHT_STATUSES)))
        return instance.storage.get_backfill(backfill_id).cursor, {r.run_id for r in in_flight}
    finally:
        instance.dispose()


def assert_each_partition_submitted_once_and_succeeded_once(
    server, backfill_id: str, interrupted: set[str]
) -> None:
    recoveries: list[str] = []
    for partition in PARTITIONS:
        runs = [
            run
            for run in partition_runs(server, "letters", partition)
            if run["tags"]["lodestar/backfill"] == backfill_id
        ]
        submitted = [run for run in runs if RECOVERED_FROM_TAG not in run["tags"]]
        assert len(submitted) == 1, (partition, runs)
        assert [run["status"] for run in runs].count("SUCCESS") == 1, (partition, runs)
        for run in runs:
            if RECOVERED_FROM_TAG in run["tags"]:
                assert run["parentRunId"] == run["tags"][RECOVERED_FROM_TAG]
                recoveries.append(run["parentRunId"])
    # Each run the kill interrupted is recovered, once; no other run is.
    assert sorted(recoveries) == sorted(interrupted)


def test_daemon_killed_mid_backfill_submits_every_partition_exactly_once(tmp_path, monkeypatch):
    monkeypatch.setenv("LODESTAR_TEST_CONFIG_SECONDS", CONFIG_SECONDS)
    monkeypatch.setenv("LODESTAR_TEST_STEP_SECONDS", STEP_SECONDS)
    home = tmp_path / "home"
    write_instance_config(home, chunk_size=CHUNK_SIZE, max_concurrent_runs=3)
    api = start_control_plane(home, "--no-daemon", repo=REPO)
    daemons = []
    try:
        daemons.append(start_daemon(home))
        backfill_id = launched(api, "letters", PARTITIONS)["backfillId"]
        at_kill = kill_mid_submission(api, backfill_id, daemons[0].pid, daemons[0].kill)
        cursor, interrupted = stored_after_kill(home, backfill_id)
        assert 0 < cursor < len(PARTITIONS), at_kill
        assert interrupted, at_kill

        daemons.append(start_daemon(home))
        done = wait_for_backfill(api, backfill_id, timeout=120)
        assert done["status"] == "COMPLETED"
        assert done["progress"]["succeeded"] == len(PARTITIONS)
        assert_each_partition_submitted_once_and_succeeded_once(api, backfill_id, interrupted)
    finally:
        for daemon in daemons:
            daemon.stop()
        api.stop()


def test_whole_control_plane_killed_mid_backfill_ends_with_one_success_per_partition(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("LODESTAR_TEST_CONFIG_SECONDS", CONFIG_SECONDS)
    monkeypatch.setenv("LODESTAR_TEST_STEP_SECONDS", STEP_SECONDS)
    home = tmp_path / "home"
    write_instance_config(home, chunk_size=CHUNK_SIZE, max_concurrent_runs=2)
    first = start_control_plane(home, repo=REPO)
    try:
        backfill_id = launched(first, "letters", PARTITIONS)["backfillId"]
        at_kill = kill_mid_submission(first, backfill_id, first.process.pid, first.process.kill)
    finally:
        first.stop()
    cursor, interrupted = stored_after_kill(home, backfill_id)
    assert 0 < cursor < len(PARTITIONS), at_kill
    assert interrupted, at_kill

    second = start_control_plane(home, repo=REPO)
    try:
        done = wait_for_backfill(second, backfill_id, timeout=120)
        assert done["status"] == "COMPLETED"
        assert done["progress"]["succeeded"] == len(PARTITIONS)
        assert_each_partition_submitted_once_and_succeeded_once(second, backfill_id, interrupted)
    finally:
        second.stop()
