"""Broken and unreachable code locations: `lodestar up` keeps serving and names the cause;
a code server started later (with changed code) is picked up by reloadCodeLocation."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from api.lodestar_process import LODESTAR, free_port, start_control_plane, wait_for_run

REPOS = Path(__file__).resolve().parent / "repos"
LOCATIONS = """{ codeLocations { ... on CodeLocationConnection { nodes {
    name status error address pipelines { name } } } } }"""
LAUNCH = """mutation($pipeline: String!, $location: String) {
    launchRun(pipeline: $pipeline, location: $location) {
        __typename ... on LaunchRunSuccess { run { runId } }
        ... on CodeLocationError { message location } } }"""
RELOAD = """mutation($name: String!) { reloadCodeLocation(name: $name) {
    __typename ... on CodeLocation { status error pipelines { name } } } }"""

VERSION_ONE = """
from user_code_server import pipeline, solid

@solid
def hello(context) -> str:
    return "hello"

@pipeline
def first():
    hello()
"""
VERSION_TWO = (
    VERSION_ONE
    + """
@pipeline
def second():
    hello()
"""
)


@pytest.fixture
def workspace(tmp_path):
    port = free_port()
    repo = tmp_path / "later_repo.py"
    repo.write_text(VERSION_ONE)
    path = tmp_path / "workspace.yaml"
    path.write_text(
        "load_from:\n"
        f"  - python_file: {{path: {REPOS / 'api_repo.py'}, location_name: good}}\n"
        f"  - python_file: {{path: {REPOS / 'broken_repo.py'}, location_name: broken}}\n"
        f"  - grpc_server: {{host: 127.0.0.1, port: {port}, location_name: later}}\n"
    )
    return path, port, repo


def start_code_server(repo: Path, port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [LODESTAR, "code-server", "start", "-f", str(repo), "--port", str(port)],
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    assert "ready" in process.stdout.readline()
    return process


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=20)


def test_broken_and_unreachable_locations_are_reported_and_others_keep_serving(tmp_path, workspace):
    path, port, repo = workspace
    server = start_control_plane(tmp_path / "home", workspace=path)
    later = None
    try:
        nodes = {n["name"]: n for n in server.data(LOCATIONS)["codeLocations"]["nodes"]}
        assert nodes["good"]["status"] == "LOADED"
        assert nodes["broken"]["status"] == "ERROR"
        assert "this repository is broken on purpose" in nodes["broken"]["error"]
        assert nodes["later"]["status"] == "ERROR"
        assert f"127.0.0.1:{port}" in nodes["later"]["error"]

        listing = server.lodestar("pipeline", "list")
        assert "broken on purpose" in listing.stdout + listing.stderr
        assert f"127.0.0.1:{port}" in listing.stdout + listing.stderr
        assert "Traceback (most recent call last)" not in listing.stderr

        refused = server.data(LAUNCH, {"pipeline": "first", "location": "later"})["launchRun"]
        assert refused["__typename"] == "CodeLocationError"
        assert f"127.0.0.1:{port}" in refused["message"]

        launched = server.data(LAUNCH, {"pipeline": "adder", "location": "good"})["launchRun"]
        assert wait_for_run(server, launched["run"]["runId"])["status"] == "SUCCESS"

        later = start_code_server(repo, port)
        reloaded = server.data(RELOAD, {"name": "later"})["reloadCodeLocation"]
        assert reloaded["status"] == "LOADED", reloaded["error"]
        assert [p["name"] for p in reloaded["pipelines"]] == ["first"]
        launched = server.data(LAUNCH, {"pipeline": "first", "location": "later"})["launchRun"]
        assert wait_for_run(server, launched["run"]["runId"])["status"] == "SUCCESS"

        # The code server restarts with changed code; the control plane keeps running.
        stop(later)
        repo.write_text(VERSION_TWO)
        later = start_code_server(repo, port)
        time.sleep(0.2)
        reloaded = server.data(RELOAD, {"name": "later"})["reloadCodeLocation"]
        assert sorted(p["name"] for p in reloaded["pipelines"]) == ["first", "second"]
        assert server.process.poll() is None
    finally:
        if later is not None:
            stop(later)
        server.stop()
