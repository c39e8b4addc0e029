"""Two `lodestar up` processes on one database server: the leader is killed with -9 mid-run,
the standby takes the lease and recovers the run, and every step succeeds exactly once."""

from __future__ import annotations

import os
import signal
from collections import Counter
from pathlib import Path

from api.lodestar_process import start_control_plane, wait_for_run
from helpers.code_server import child_pids, kill_survivors
from helpers.storage_config import storage_yaml
from helpers.waiting import wait_until

REPO = Path(__file__).resolve().parent / "repos" / "runs_repo.py"
LAUNCH = """mutation($config: JSON) { launchRun(pipeline: "two_sleeps", runConfig: $config) {
    __typename ... on LaunchRunSuccess { run { runId } } } }"""
RUN = """query($id: String!) { run(runId: $id) { ... on Run { stepStats { stepKey status } } } }"""
RUNS = """{ runs { ... on RunConnection { nodes { runId status parentRunId
    stepStats { stepKey status } } } } }"""
CONFIG = {"solids": {"first": {"config": {"seconds": 0.0}}, "second": {"config": {"seconds": 3.0}}}}


def test_a_standby_takes_over_a_killed_leaders_run(tmp_path, server_database_url):
    # Both read and write step outputs in one place, as replicas on a shared volume do.
    config = storage_yaml(server_database_url) + f"io_manager:\n  base_dir: {tmp_path / 'io'}\n"
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "lodestar.yaml").write_text(config)
    leader = start_control_plane(tmp_path / "a", repo=REPO)
    standby = None
    code_servers: set[int] = set()
    try:
        standby = start_control_plane(tmp_path / "b", repo=REPO)
        run_id = standby.data(LAUNCH, {"config": CONFIG})["launchRun"]["run"]["runId"]

        def second_in_progress():
            stats = standby.data(RUN, {"id": run_id})["run"]["stepStats"]
            return any(s["stepKey"] == "second" and s["status"] == "IN_PROGRESS" for s in stats)

        wait_until(second_in_progress, what="step 'second' to start on the leader")
        code_servers = child_pids(leader.process.pid)
        os.kill(leader.process.pid, signal.SIGKILL)
        leader.process.wait()

        def recovery_run():
            runs = standby.data(RUNS)["runs"]["nodes"]
            return next((r for r in runs if r["parentRunId"] == run_id), None)

        recovery = wait_until(recovery_run, 60, "the standby to recover the run")
        assert wait_for_run(standby, recovery["runId"], timeout=60)["status"] == "SUCCESS"
        runs = standby.data(RUNS)["runs"]["nodes"]
        assert {r["runId"]: r["status"] for r in runs} == {
            run_id: "FAILURE",
            recovery["runId"]: "SUCCESS",
        }
        succeeded = Counter(
            s["stepKey"] for r in runs for s in r["stepStats"] if s["status"] == "SUCCESS"
        )
        assert succeeded == {"first": 1, "after_sleep": 1, "second": 1}
    finally:
        leader.stop()
        kill_survivors(code_servers)
        if standby is not None:
            standby.stop()
