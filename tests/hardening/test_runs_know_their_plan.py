"""A run executes the plan stored with it at launch, whatever is loaded later; a launch for a
location the daemon leader does not serve is a typed error; re-execution selections and
locations are checked up front. All through real `lodestar` processes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from api.lodestar_process import LODESTAR, start_control_plane, wait_for_run
from helpers.waiting import wait_until

REPOS = Path(__file__).resolve().parent / "repos"
LAUNCH = """mutation($pipeline: String!) { launchRun(pipeline: $pipeline) { __typename
    ... on LaunchRunSuccess { run { runId } } ... on Error { message } } }"""
REEXECUTE = """mutation($id: String!, $steps: [String!], $location: String) {
    reexecuteRun(runId: $id, stepSelection: $steps, location: $location) { __typename
    ... on LaunchRunSuccess { run { runId } } ... on Error { message } } }"""


def start_daemon(home: Path, repo: Path) -> subprocess.Popen:
    log = open(home / "daemon.log", "w")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(
        [LODESTAR, "daemon", "run", "-f", str(repo)],
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={"LODESTAR_HOME": str(home), "PATH": str(Path(LODESTAR).parent) + ":/usr/bin:/bin"},
    )


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def test_a_queued_run_executes_its_stored_plan_after_the_code_changed(tmp_path):
    repo = tmp_path / "plans.py"
    shutil.copy(REPOS / "plans_v1.py", repo)
    home = tmp_path / "home"
    api = start_control_plane(home, "--no-daemon", repo=repo)
    daemon = None
    try:
        launched = api.data(LAUNCH, {"pipeline": "growing"})["launchRun"]
        run_id = launched["run"]["runId"]
        # The code changes before any daemon has started the run: a second solid appears.
        shutil.copy(REPOS / "plans_v2.py", repo)
        reload = 'mutation { reloadCodeLocation(name: "plans") { __typename } }'
        api.data(reload)
        daemon = start_daemon(home, repo)
        run = wait_for_run(api, run_id)
        assert run["status"] == "SUCCESS"
        assert sorted(s["stepKey"] for s in run["stepStats"]) == ["first"]
        # A run launched now gets the new plan.
        later = api.data(LAUNCH, {"pipeline": "growing"})["launchRun"]["run"]["runId"]
        steps = sorted(s["stepKey"] for s in wait_for_run(api, later)["stepStats"])
        assert steps == ["first", "second"]
    finally:
        if daemon is not None:
            stop(daemon)
        api.stop()


def test_a_launch_for_a_location_the_leader_does_not_serve_is_refused(tmp_path):
    home = tmp_path / "home"
    other = tmp_path / "elsewhere.py"
    shutil.copy(REPOS / "plans_v1.py", other)
    repo = tmp_path / "plans.py"
    shutil.copy(REPOS / "plans_v1.py", repo)
    api = start_control_plane(home, "--no-daemon", repo=repo)
    daemon = start_daemon(home, other)  # leads, serving location "elsewhere" only
    try:

        def refused():
            result = api.data(LAUNCH, {"pipeline": "growing"})["launchRun"]
            return result if result["__typename"] != "LaunchRunSuccess" else None

        result = wait_until(refused, 30, "the leader's heartbeat to name its locations")
        assert result["__typename"] == "CodeLocationError"
        assert "does not serve it" in result["message"] and "elsewhere" in result["message"]
    finally:
        stop(daemon)
        api.stop()


def test_reexecution_checks_its_selection_and_location(tmp_path):
    repo = tmp_path / "plans.py"
    shutil.copy(REPOS / "plans_v1.py", repo)
    api = start_control_plane(tmp_path / "home", repo=repo)
    try:
        run_id = api.data(LAUNCH, {"pipeline": "growing"})["launchRun"]["run"]["runId"]
        wait_for_run(api, run_id)

        def reexecute(**variables):
            return api.data(REEXECUTE, {"id": run_id, **variables})["reexecuteRun"]

        nothing = reexecute(steps=["missing[*]"])
        assert nothing["__typename"] == "InvalidStepSelectionError"
        assert "'missing[*]' names no step" in nothing["message"]
        empty = reexecute(steps=[])
        assert empty["__typename"] == "InvalidStepSelectionError"
        assert reexecute(location="nowhere")["__typename"] == "LocationNotFoundError"
        child = reexecute(steps=["first"], location="plans")
        assert child["__typename"] == "LaunchRunSuccess"
        cli = api.lodestar("run", "reexecute", run_id, "-l", "nowhere")
        assert cli.returncode != 0 and "nowhere" in cli.stderr and "Traceback" not in cli.stderr
    finally:
        api.stop()
