"""`lodestar location list/reload` against a real control plane and real code servers."""

from __future__ import annotations

import json
from pathlib import Path

from api.lodestar_process import start_control_plane
from helpers.waiting import wait_until

REPOS = Path(__file__).resolve().parent.parent / "api" / "repos"
GATED_REPO = """
import os, time
from user_code_server import pipeline, solid

while not os.path.exists({gate!r}):
    time.sleep(0.05)

@solid
def hello(context) -> str:
    return "hello"

@pipeline
def hello_pipeline():
    hello()
"""


def test_location_list_shows_status_address_pipelines_and_error(tmp_path):
    gate = tmp_path / "gate"
    gated = tmp_path / "gated_repo.py"
    gated.write_text(GATED_REPO.format(gate=str(gate)))
    workspace = tmp_path / "workspace.yaml"
    workspace.write_text(
        "load_from:\n"
        f"  - python_file: {{path: {REPOS / 'api_repo.py'}, location_name: good}}\n"
        f"  - python_file: {{path: {REPOS / 'broken_repo.py'}, location_name: broken}}\n"
        f"  - python_file: {{path: {gated}, location_name: gated}}\n"
    )
    server = start_control_plane(tmp_path / "home", workspace=workspace, wait_for_locations=False)
    try:

        def listed():
            result = server.lodestar("location", "list", "--json")
            assert result.returncode == 0, result.stderr
            return {loc["name"]: loc for loc in json.loads(result.stdout)}

        locations = wait_until(
            lambda: (
                (found := listed())["broken"]["status"] == "ERROR"
                and found["good"]["status"] == "LOADED"
                and found
            ),
            what="good and broken to load",
        )
        assert locations["gated"]["status"] == "LOADING"
        assert "adder" in locations["good"]["pipelines"]
        assert locations["good"]["address"].startswith("127.0.0.1:")
        assert locations["broken"]["error"].startswith("repository failed to load: RuntimeError")
        assert "Traceback (most recent call last)" in locations["broken"]["error"]

        text = server.lodestar("location", "list")
        assert text.returncode == 0, text.stderr
        header, *lines = text.stdout.splitlines()
        assert header.split() == ["LOCATION", "STATUS", "ADDRESS", "PIPELINES", "ERROR"]
        rows = {line.split()[0]: line for line in lines}
        good = rows["good"].split()
        assert good[1] == "LOADED" and good[3] == str(len(locations["good"]["pipelines"]))
        assert rows["broken"].split()[1] == "ERROR"
        assert rows["broken"].endswith(
            "repository failed to load: RuntimeError: this repository is broken on purpose"
        )
        assert rows["gated"].split()[1] == "LOADING" and "still loading" in rows["gated"]
        assert len(lines) == 3  # one line each: no traceback in the table

        gate.touch()
        wait_until(lambda: listed()["gated"]["status"] == "LOADED", what="gated to load")
    finally:
        server.stop()


def test_location_reload_prints_the_new_status_and_fails_with_the_load_error(tmp_path):
    repo = tmp_path / "edited.py"
    repo.write_text(GATED_REPO.format(gate=str(tmp_path)))
    server = start_control_plane(tmp_path / "home", repo=repo)
    try:
        reloaded = server.lodestar("location", "reload", "edited")
        assert reloaded.returncode == 0, reloaded.stderr
        assert reloaded.stdout.startswith("code location edited: LOADED (127.0.0.1:")
        assert "1 pipeline)" in reloaded.stdout

        repo.write_text("raise ValueError('a typo in the edit')\n")
        failed = server.lodestar("location", "reload", "edited")
        assert failed.returncode == 1
        assert failed.stdout.startswith("code location edited: ERROR")
        assert failed.stderr.startswith(
            "repository failed to load: ValueError: a typo in the edit\n"
            "Traceback (most recent call last)"
        )
        as_json = json.loads(server.lodestar("location", "reload", "edited", "--json").stdout)
        assert as_json["status"] == "ERROR" and as_json["pipelines"] == []

        repo.write_text(GATED_REPO.format(gate=str(tmp_path)))
        fixed = server.lodestar("location", "reload", "edited", "--json")
        assert fixed.returncode == 0, fixed.stderr
        assert json.loads(fixed.stdout)["pipelines"] == ["hello_pipeline"]

        unknown = server.lodestar("location", "reload", "nowhere")
        assert unknown.returncode == 1
        assert unknown.stderr.strip() == ("error: code location 'nowhere' is not in the workspace")
    finally:
        server.stop()
