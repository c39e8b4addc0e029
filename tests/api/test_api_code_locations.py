"""Code locations through a real `lodestar up`: broken and unreachable locations are
reported while the others serve; locations load in the background; an external code server
that comes back is picked up on its own; reload runs the edited code."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from helpers.waiting import wait_until

from api.lodestar_process import LODESTAR, start_control_plane, wait_for_run

REPOS = Path(__file__).resolve().parent / "repos"
LOCATIONS = """{ codeLocations { ... on CodeLocationConnection { nodes {
    name status error address serverId pipelines { name } } } } }"""
LAUNCH = """mutation($pipeline: String!, $location: String) {
    launchRun(pipeline: $pipeline, location: $location) {
        __typename ... on LaunchRunSuccess { run { runId } }
        ... on CodeLocationError { message location } } }"""
RELOAD = """mutation($name: String!) { reloadCodeLocation(name: $name) {
    __typename ... on CodeLocation { status error serverId pipelines { name } } } }"""
EVENTS = """query($id: String!) { runEvents(runId: $id) {
    ... on RunEventConnection { events { eventType message } } } }"""

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
# Its import waits until the test creates GATE.
SLOW_REPO = """
import os, time
from user_code_server import pipeline, solid

while not os.path.exists({gate!r}):
    time.sleep(0.05)

@solid
def hello(context) -> str:
    return "hello"

@pipeline
def slow():
    hello()
"""
# `greet` says which version of the file ran it and in which code server; with a GATE it
# waits for that file first.
GREETING_REPO = """
import os, time
from user_code_server import pipeline, solid

@solid
def greet(context):
    gate = {gate!r}
    while gate and not os.path.exists(gate):
        time.sleep(0.05)
    context.log.info("greeting {version} from server %d" % os.getppid())

@pipeline
def greeting():
    greet()
"""


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


def locations(server) -> dict[str, dict]:
    return {n["name"]: n for n in server.data(LOCATIONS)["codeLocations"]["nodes"]}


def launch(server, pipeline: str, location: str | None = None) -> dict:
    return server.data(LAUNCH, {"pipeline": pipeline, "location": location})["launchRun"]


def run_messages(server, run_id: str) -> list[str]:
    return [e["message"] for e in server.data(EVENTS, {"id": run_id})["runEvents"]["events"]]


def greeting_of(server, location: str) -> str:
    """Runs `greeting` to success; its greeting line."""
    run_id = launch(server, "greeting", location)["run"]["runId"]
    assert wait_for_run(server, run_id)["status"] == "SUCCESS"
    return _greeting(run_messages(server, run_id))


def _greeting(messages: list[str]) -> str:
    return next(m for m in messages if m.startswith("greeting "))


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture
def workspace(tmp_path, reserved_port):
    """A workspace whose `later` location is a gRPC server on a port nothing listens on yet
    (held until the test releases it to start that server)."""
    port = reserved_port.port
    repo = tmp_path / "later_repo.py"
    repo.write_text(VERSION_ONE)
    path = tmp_path / "workspace.yaml"
    path.write_text(
        "load_from:\n"
        f"  - python_file: {{path: {REPOS / 'api_repo.py'}, location_name: good}}\n"
        f"  - python_file: {{path: {REPOS / 'broken_repo.py'}, location_name: broken}}\n"
        f"  - grpc_server: {{host: 127.0.0.1, port: {port}, location_name: later}}\n"
    )
    return path, reserved_port, repo


def test_broken_and_unreachable_locations_are_reported_and_others_keep_serving(tmp_path, workspace):
    path, reserved_port, repo = workspace
    port = reserved_port.port
    server = start_control_plane(tmp_path / "home", workspace=path)
    later = None
    try:
        nodes = locations(server)
        assert nodes["good"]["status"] == "LOADED"
        assert nodes["broken"]["status"] == "ERROR"
        first_line, traceback = nodes["broken"]["error"].split("\n", 1)
        assert first_line == (
            "repository failed to load: RuntimeError: this repository is broken on purpose"
        )
        assert traceback.startswith("Traceback (most recent call last)")
        assert nodes["later"]["status"] == "ERROR"
        assert f"127.0.0.1:{port}" in nodes["later"]["error"]

        listing = server.lodestar("pipeline", "list")
        assert "broken on purpose" in listing.stdout + listing.stderr
        assert f"127.0.0.1:{port}" in listing.stdout + listing.stderr
        assert "Traceback (most recent call last)" not in listing.stderr

        refused = launch(server, "first", "later")
        assert refused["__typename"] == "CodeLocationError"
        assert f"127.0.0.1:{port}" in refused["message"]

        launched = launch(server, "adder", "good")
        assert wait_for_run(server, launched["run"]["runId"])["status"] == "SUCCESS"

        # The code server comes up: the next launch uses it, with no reload.
        reserved_port.release()
        later = start_code_server(repo, port)
        launched = launch(server, "first", "later")
        assert launched["__typename"] == "LaunchRunSuccess", launched
        assert wait_for_run(server, launched["run"]["runId"])["status"] == "SUCCESS"
        assert [p["name"] for p in locations(server)["later"]["pipelines"]] == ["first"]

        # It restarts with changed code: reload reconnects and sees the new pipelines ...
        stop(later)
        repo.write_text(VERSION_TWO)
        later = start_code_server(repo, port)
        reloaded = server.data(RELOAD, {"name": "later"})["reloadCodeLocation"]
        assert sorted(p["name"] for p in reloaded["pipelines"]) == ["first", "second"]
        # ... and so does the control plane's own watch when nobody reloads.
        stop(later)
        repo.write_text(VERSION_ONE)
        later = start_code_server(repo, port)
        wait_until(
            lambda: [p["name"] for p in locations(server)["later"]["pipelines"]] == ["first"],
            what="the restarted server's pipelines",
        )
        assert server.process.poll() is None
    finally:
        if later is not None:
            stop(later)
        server.stop()


def test_api_serves_while_a_location_loads_and_refuses_launches_there_until_loaded(tmp_path):
    gate = tmp_path / "gate"
    repo = tmp_path / "slow_repo.py"
    repo.write_text(SLOW_REPO.format(gate=str(gate)))
    server = start_control_plane(tmp_path / "home", repo=repo, wait_for_locations=False)
    try:
        # The import cannot finish before the gate exists: everything here ran meanwhile.
        loading = locations(server)["slow_repo"]
        assert loading["status"] == "LOADING"
        assert "still loading" in loading["error"]
        for location in ("slow_repo", None):
            refused = launch(server, "slow", location)
            assert refused["__typename"] == "CodeLocationError", refused
            assert "still loading" in refused["message"]
        listed = server.lodestar("location", "list")
        assert listed.stdout.splitlines()[1].split()[:2] == ["slow_repo", "LOADING"]

        gate.touch()
        wait_until(
            lambda: locations(server)["slow_repo"]["status"] == "LOADED", what="the load to end"
        )
        launched = launch(server, "slow")
        assert wait_for_run(server, launched["run"]["runId"])["status"] == "SUCCESS"
    finally:
        server.stop()


def test_reload_restarts_the_code_server_with_the_edited_code(tmp_path):
    gate = tmp_path / "gate"
    repo = tmp_path / "greetings.py"
    repo.write_text(GREETING_REPO.format(gate=str(gate), version="one"))
    server = start_control_plane(tmp_path / "home", repo=repo)
    try:
        # A run in flight on the first server when the reload happens.
        in_flight = launch(server, "greeting", "greetings")["run"]["runId"]
        wait_until(
            lambda: "STEP_START" in [e["eventType"] for e in _events(server, in_flight)],
            what="the first run's step to start",
        )
        first_server = locations(server)["greetings"]["serverId"]

        repo.write_text(GREETING_REPO.format(gate="", version="two"))
        reloaded = server.data(RELOAD, {"name": "greetings"})["reloadCodeLocation"]
        assert reloaded["status"] == "LOADED", reloaded["error"]
        assert reloaded["serverId"] != first_server
        assert greeting_of(server, "greetings").startswith("greeting two")

        # The old server finishes its step in flight, then goes away.
        gate.touch()
        assert wait_for_run(server, in_flight)["status"] == "SUCCESS"
        old_greeting = _greeting(run_messages(server, in_flight))
        assert old_greeting.startswith("greeting one from server ")
        old_pid = int(old_greeting.rsplit(" ", 1)[1])
        wait_until(lambda: not alive(old_pid), what=f"the old code server {old_pid} to exit")

        repo.write_text(GREETING_REPO.format(gate="", version="three"))
        reloaded = server.lodestar("location", "reload", "greetings")
        assert reloaded.returncode == 0, reloaded.stderr
        assert reloaded.stdout.startswith("code location greetings: LOADED")
        assert greeting_of(server, "greetings").startswith("greeting three")
    finally:
        server.stop()


def _events(server, run_id: str) -> list[dict]:
    return server.data(EVENTS, {"id": run_id})["runEvents"]["events"]
