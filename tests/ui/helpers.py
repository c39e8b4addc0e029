"""Shortcuts the browser tests use: launching runs over GraphQL, a token-protected server."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from pathlib import Path

from api.lodestar_process import (
    LODESTAR,
    READY_TIMEOUT_S,
    REPO_FILE,
    ControlPlaneProcess,
    free_port,
)

REPOS = Path(__file__).resolve().parent / "repos"

LAUNCH = """mutation($p: String!, $c: JSON) { launchRun(pipeline: $p, runConfig: $c) {
    __typename ... on LaunchRunSuccess { run { runId } } ... on Error { message } } }"""


def launch(server: ControlPlaneProcess, pipeline: str, run_config: dict | None = None) -> str:
    result = server.data(LAUNCH, {"p": pipeline, "c": run_config})["launchRun"]
    assert result["__typename"] == "LaunchRunSuccess", result
    return result["run"]["runId"]


def start_with_token(home: Path, token: str) -> ControlPlaneProcess:
    """`lodestar up` with `server.auth_token`, ready once it serves the UI's page (which,
    unlike /graphql, needs no token)."""
    home.mkdir(parents=True)
    (home / "lodestar.yaml").write_text(f"server:\n  auth_token: {token}\n")
    port = free_port()
    log_path = home / "up.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [LODESTAR, "up", "-f", str(REPO_FILE), "--host", "127.0.0.1", "--port", str(port)],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "LODESTAR_HOME": str(home)},
        )
    server = ControlPlaneProcess(process, f"http://127.0.0.1:{port}/graphql", home, log_path)
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                if response.status == 200:
                    return server
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"lodestar up exited:\n{server.log()}") from None
        time.sleep(0.1)
    server.stop()
    raise TimeoutError(f"lodestar up did not serve within {READY_TIMEOUT_S}s:\n{server.log()}")
