"""Real `lodestar` processes for the API and CLI tests: a control plane and CLI calls."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_FILE = Path(__file__).resolve().parent / "repos" / "api_repo.py"
# The console script of the interpreter running the tests, else the one on PATH.
LODESTAR = shutil.which("lodestar", path=str(Path(sys.executable).parent)) or "lodestar"
READY_TIMEOUT_S = 90


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
    """A `lodestar up` process serving GraphQL on a free port of 127.0.0.1."""

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
    """Starts `lodestar up -f REPO` (or `-w WORKSPACE`) on a free port and waits until
    /graphql answers and (unless told not to) no code location is still LOADING."""
    home.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log_path = home / "up.log"
    target = ["-w", str(workspace)] if workspace else ["-f", str(repo)]
    command = [LODESTAR, "up", *target, "--host", "127.0.0.1", "--port", str(port), *args]
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "LODESTAR_HOME": str(home)},
        )
    server = ControlPlaneProcess(process, f"http://127.0.0.1:{port}/graphql", home, log_path)
    try:
        _wait_until_serving(server)
        if wait_for_locations:
            _wait_until_loaded(server)
    except BaseException:
        server.stop()
        raise
    return server


def _wait_until_serving(server: ControlPlaneProcess) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    body = json.dumps({"query": "{ __typename }"}).encode()
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"lodestar up exited ({server.process.returncode}):\n{server.log()}")
        try:
            # 401: serving, with an API token this probe does not send.
            if post(server.url, body, timeout=2).status in (200, 401):
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"lodestar up did not serve within {READY_TIMEOUT_S}s:\n{server.log()}")


def _wait_until_loaded(server: ControlPlaneProcess) -> None:
    query = "{ codeLocations { ... on CodeLocationConnection { nodes { status } } } }"
    body = json.dumps({"query": query}).encode()
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        reply = post(server.url, body)
        if reply.status == 401:  # an API token this probe does not send: nothing to see
            return
        nodes = reply.body["data"]["codeLocations"]["nodes"]
        if all(node["status"] != "LOADING" for node in nodes):
            return
        time.sleep(0.1)
    raise TimeoutError(f"code locations still loading after {READY_TIMEOUT_S}s:\n{server.log()}")


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
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        run = server.data(query, {"id": run_id})["run"]
        if run["status"] in ("SUCCESS", "FAILURE", "CANCELED"):
            return run
        time.sleep(0.1)
    raise TimeoutError(f"run {run_id} still {run['status']} after {timeout}s")
