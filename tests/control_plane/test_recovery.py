"""`lodestar up` killed with -9 mid-run: the restarted control plane recovers the run."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from api.lodestar_process import start_control_plane, wait_for_run
from helpers.code_server import child_pids, kill_survivors, pid_alive
from helpers.waiting import wait_until

REPO = Path(__file__).resolve().parent / "repos" / "runs_repo.py"
LAUNCH = """mutation($config: JSON) { launchRun(pipeline: "two_sleeps", runConfig: $config) {
    __typename ... on LaunchRunSuccess { run { runId } } } }"""
RUN = """query($id: String!) { run(runId: $id) { ... on Run {
    runId status parentRunId stepStats { stepKey status } } } }"""
RUNS = """{ runs { ... on RunConnection { nodes { runId status parentRunId
    tags { key value } stepStats { stepKey status } } } } }"""


def test_interrupted_run_is_re_executed_from_failure_after_a_kill(tmp_path):
    home = tmp_path / "home"
    config = {
        "solids": {"first": {"config": {"seconds": 0.0}}, "second": {"config": {"seconds": 3.0}}}
    }
    first = start_control_plane(home, repo=REPO)
    code_servers: set[int] = set()
    try:
        launched = first.data(LAUNCH, {"config": config})["launchRun"]
        run_id = launched["run"]["runId"]

        def second_in_progress():
            stats = first.data(RUN, {"id": run_id})["run"]["stepStats"]
            return any(s["stepKey"] == "second" and s["status"] == "IN_PROGRESS" for s in stats)

        wait_until(second_in_progress, what="step 'second' to start")
        code_servers = child_pids(first.process.pid)
        assert code_servers
        os.kill(first.process.pid, signal.SIGKILL)
        first.process.wait()
        # The code server it spawned does not outlive it.
        wait_until(lambda: not any(pid_alive(p) for p in code_servers), 15, "code server exit")
    finally:
        first.stop()
        kill_survivors(code_servers)

    second = start_control_plane(home, repo=REPO)
    try:
        runs = second.data(RUNS)["runs"]["nodes"]
        interrupted = next(r for r in runs if r["runId"] == run_id)
        recovery = next(r for r in runs if r["parentRunId"] == run_id)
        assert interrupted["status"] == "FAILURE"
        assert {"key": "lodestar/recovered_from", "value": run_id} in recovery["tags"]
        finished = wait_for_run(second, recovery["runId"], timeout=60)
        assert finished["status"] == "SUCCESS"
        ran = sorted(s["stepKey"] for s in finished["stepStats"] if s["status"] == "SUCCESS")
        # Steps that had succeeded are reused, not run again.
        assert ran == ["second"]
        assert len(second.data(RUNS)["runs"]["nodes"]) == 2
    finally:
        second.stop()
