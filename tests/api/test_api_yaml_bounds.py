"""YAML whose aliases expand past a bound (a "billion laughs") is refused in well under a
second, with an error naming the file, by every command that reads YAML: run config files
of the CLI, and lodestar.yaml and workspace.yaml of the control plane."""

from __future__ import annotations

import time

import pytest

from api.lodestar_process import REPO_FILE, run_cli

QUICKLY_S = 1.0  # the CLI's own start-up included


def billion_laughs() -> str:
    """Nine levels of nine aliases: 342 bytes that expand to 9^9 strings."""
    lines = ["a: &a [" + ", ".join(["lol"] * 9) + "]"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def timed_cli(*args: str, env: dict | None = None):
    started = time.monotonic()
    finished = run_cli(*args, env=env, timeout=60)
    return finished, time.monotonic() - started


@pytest.fixture
def laughs(tmp_path):
    path = tmp_path / "laughs.yaml"
    path.write_text(billion_laughs())
    return path


def assert_refused(finished, seconds: float, path) -> None:
    assert finished.returncode == 1, finished
    assert f"{path}: cannot load YAML: aliases expand the document past 100000 nodes" in (
        finished.stderr
    )
    assert "Traceback" not in finished.stderr
    assert seconds < QUICKLY_S + 1.5  # a CLI process starts in about a second here


@pytest.mark.parametrize(
    "command",
    [["run", "launch", "adder"], ["pipeline", "plan", "adder"]],
)
def test_the_cli_refuses_an_expanding_run_config(lodestar_up, laughs, command):
    finished, seconds = timed_cli(
        *command, "-c", str(laughs), env={"LODESTAR_URL": lodestar_up.url}
    )

    assert_refused(finished, seconds, laughs)


def test_execute_refuses_an_expanding_run_config(laughs):
    finished, seconds = timed_cli("execute", "adder", "-f", str(REPO_FILE), "-c", str(laughs))

    assert_refused(finished, seconds, laughs)


def test_a_run_config_nested_too_deeply_is_refused(lodestar_up, tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("solids: " + "[" * 5000 + "]" * 5000 + "\n")

    finished, _ = timed_cli(
        "pipeline", "plan", "adder", "-c", str(path), env={"LODESTAR_URL": lodestar_up.url}
    )

    assert finished.returncode == 1
    assert f"{path}: cannot load YAML: nested deeper than 100 levels" in finished.stderr
    assert "Traceback" not in finished.stderr


def test_the_control_plane_refuses_an_expanding_lodestar_yaml(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "lodestar.yaml").write_text(billion_laughs())

    finished, seconds = timed_cli("instance", "info", env={"LODESTAR_HOME": str(home)})

    assert finished.returncode == 1
    assert str(home / "lodestar.yaml") in finished.stderr
    assert "aliases expand the document past 100000 nodes" in finished.stderr
    assert seconds < QUICKLY_S + 1.5


def test_lodestar_up_refuses_an_expanding_workspace_yaml(tmp_path):
    workspace = tmp_path / "workspace.yaml"
    workspace.write_text(billion_laughs())

    finished, seconds = timed_cli(
        "up", "-w", str(workspace), "--port", "0", env={"LODESTAR_HOME": str(tmp_path / "home")}
    )

    assert finished.returncode != 0
    assert f"{workspace}: not valid YAML: aliases expand the document past 100000 nodes" in (
        finished.stderr
    )
    assert seconds < QUICKLY_S + 1.5
