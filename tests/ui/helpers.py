"""Shortcuts the browser tests use: launching runs over GraphQL, a token-protected server."""

from __future__ import annotations

from pathlib import Path

from api.lodestar_process import ControlPlaneProcess, start_control_plane

REPOS = Path(__file__).resolve().parent / "repos"
# Schedules and sensors, shared with the daemon tests.
INSTIGATED_REPO = REPOS.parent.parent / "instigators" / "repos" / "instigated.py"
# The `greeting` pipeline with presets, shared with the SDK end-to-end tests.
PRESETS_REPO = REPOS.parent.parent / "sdk_end_to_end" / "repos" / "presets_repo.py"

LAUNCH = """mutation($p: String!, $c: JSON) { launchRun(pipeline: $p, runConfig: $c) {
    __typename ... on LaunchRunSuccess { run { runId } } ... on Error { message } } }"""


def launch(server: ControlPlaneProcess, pipeline: str, run_config: dict | None = None) -> str:
    result = server.data(LAUNCH, {"p": pipeline, "c": run_config})["launchRun"]
    assert result["__typename"] == "LaunchRunSuccess", result
    return result["run"]["runId"]


def start_with_token(home: Path, token: str) -> ControlPlaneProcess:
    """`lodestar up` with `server.auth_token` (its locations may still be loading)."""
    home.mkdir(parents=True)
    (home / "lodestar.yaml").write_text(f"server:\n  auth_token: {token}\n")
    return start_control_plane(home, wait_for_locations=False)
