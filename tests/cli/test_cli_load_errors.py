"""A repository that fails to load: the user's error once, with the user's frames only."""

from __future__ import annotations

import json
from pathlib import Path

from api.lodestar_process import run_cli, start_control_plane

BROKEN = Path(__file__).resolve().parent / "repos" / "broken_repo.py"
USER_FRAMES = [
    f'  File "{BROKEN}", line 10, in <module>',
    f'  File "{BROKEN}", line 7, in load_settings',
]


def _assert_users_traceback_once(text: str) -> None:
    for frame in USER_FRAMES:
        assert text.count(frame) == 1, text
    assert text.count("Traceback (most recent call last):") == 1, text
    assert "loader.py" not in text and "<frozen importlib" not in text, text


def test_execute_prints_the_load_error_once_with_the_users_frames(tmp_path):
    done = run_cli(
        "execute", "-f", str(BROKEN), "never_loaded", env={"LODESTAR_HOME": str(tmp_path)}
    )
    assert done.returncode == 1
    _assert_users_traceback_once(done.stderr)
    assert done.stderr.rstrip().endswith(
        "error: code location 'broken_repo': repository failed to load: KeyError: 'warehouse_url'"
    )
    assert len(done.stderr.splitlines()) < 15


def test_up_shows_the_load_error_in_its_log_location_status_and_pipeline_list(tmp_path):
    server = start_control_plane(tmp_path, repo=BROKEN)
    try:
        _assert_users_traceback_once(server.log())
        listed = server.lodestar("location", "list", "--json")
        (location,) = json.loads(listed.stdout)
        assert location["status"] == "ERROR"
        _assert_users_traceback_once(location["error"])
        table = server.lodestar("location", "list")
        assert "repository failed to load: KeyError: 'warehouse_url'" in table.stdout
        pipelines = server.lodestar("pipeline", "list")
        assert pipelines.stderr == (
            "warning: code location broken_repo is not loaded: KeyError: 'warehouse_url'\n"
        )
        waited = server.lodestar("location", "wait")
        assert waited.returncode == 1
        assert waited.stdout == (
            "code location broken_repo: ERROR: repository failed to load: "
            "KeyError: 'warehouse_url'\n"
        )
    finally:
        server.stop()
