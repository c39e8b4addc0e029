"""Real `lodestar` processes for the API and CLI tests: a control plane and CLI calls."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpers.waiting import wait_until

REPO_FILE = Path(__file__).resolve().parent / "repos" / "api_repo.py"
# The console script of the interpreter running the tests, else the one on PATH.
LODESTAR = shutil.which("lodestar", path=str(Path(sys.executable).parent)) or "lodestar"
READY_TIMEOUT_S = 90
SERVING_LINE = re.compile(r"lodestar up serving on (?P<url>http://\S+)")


@dataclass
class HttpReply:
    status: int
    body: Any


def post(url: str, body: bytes, timeout: float = 30) -> HttpReply:
    """POSTs raw bytes as JSON; any HTTP status is returned, not raised."""
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return HttpReply(response.status, _decode(response.read()))
    except urllib.error.HTTPError as error:
        return HttpReply(error.code, _decode(error.read()))


def _decode(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return raw.decode(errors="replace")


@dataclass
class ControlPlaneProcess:
    """A `lodestar up` process serving GraphQL on 127.0.0.1, on the port it picked."""

    process: subprocess.Popen
    url: str
    home: Path
    log_path: Path

    def graphql(self, query: str, variables: dict | None = None) -> dict:
        """The full response (data and errors) of a query that must answer HTTP 200."""
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        reply = post(self.url, body)
        assert reply.status == 200, reply
        return reply.body

    def data(self, query: str, variables: dict | None = None) -> dict:
        response = self.graphql(query, variables)
        assert "errors" not in response, response["errors"]
        return response["data"]

    def lodestar(self, *args: str, env: dict | None = None, timeout: float = 120):
        """Runs the real `lodestar` CLI against this control plane."""
        return run_cli(*args, env={"LODESTAR_URL": self.url, **(env or {})}, timeout=timeout)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self, timeout: float = 20) -> int:
        """SIGTERM, then SIGKILL after `timeout`; returns the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
        return self.process.wait()


def start_control_plane(
    home: Path,
    *args: str,
    repo: Path = REPO_FILE,
    workspace: Path | None = None,
    wait_for_locations: bool = True,
) -> ControlPlaneProcess:
    """Starts `lodestar up -f REPO` (or `-w WORKSPACE`) with `--port 0`, reads the port it got
    from its serving line and waits until (unless told not to) no code location is LOADING."""
    home.mkdir(parents=True, exist_ok=True)
    log_path = home / "up.log"
    target = ["-w", str(workspace)] if workspace else ["-f", str(repo)]
    command = [LODESTAR, "up", *target, "--host", "127.0.0.1", "--port", "0", *args]
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "LODESTAR_HOME": str(home)},
        )
    server = ControlPlaneProcess(process, "", home, log_path)
    try:
        server.url = wait_until(lambda: _serving_url(server), READY_TIMEOUT_S, "lodestar up")
        if wait_for_locations:
            wait_until(lambda: _loaded(server), READY_TIMEOUT_S, "code locations to load")
    except BaseException as error:
        server.stop()
        error.add_note(f"lodestar up's log:\n{server.log()}")
        raise
    return server


def _serving_url(server: ControlPlaneProcess) -> str | None:
    """The /graphql URL of the serving line, once printed; fails if the process exited."""
    match = SERVING_LINE.search(server.log())
    if match:
        return f"{match['url']}/graphql"
    if server.process.poll() is not None:
        raise AssertionError(f"lodestar up exited ({server.process.returncode})")
    return None


def _loaded(server: ControlPlaneProcess) -> bool:
    query = "{ codeLocations { ... on CodeLocationConnection { nodes { status } } } }"
    reply = post(server.url, json.dumps({"query": query}).encode())
    if reply.status == 401:  # an API token this probe does not send: nothing to see
        return True
    return all(node["status"] != "LOADING" for node in reply.body["data"]["codeLocations"]["nodes"])


def run_cli(*args: str, env: dict | None = None, timeout: float = 120):
    """Runs `lodestar ARGS`, capturing text output; never raises on a non-zero exit."""
    return subprocess.run(
        [LODESTAR, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )


def wait_for_run(server: ControlPlaneProcess, run_id: str, timeout: float = 60) -> dict:
    """Polls `run` until the run has ended; returns its status and step stats."""
    query = """query($id: String!) { run(runId: $id) { __typename ... on Run {
        runId status parentRunId rootRunId stepStats { stepKey status } } } }"""

    def ended() -> dict | None:
        run = server.data(query, {"id": run_id})["run"]
        return run if run["status"] in ("SUCCESS", "FAILURE", "CANCELED") else None

    return wait_until(ended, timeout, f"run {run_id} to end", interval=0.1)
