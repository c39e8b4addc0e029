"""Parallelism as settings: a code server's workers (workspace `workers:`) and a run's step
concurrency (`run_coordinator.max_concurrent_steps` in lodestar.yaml)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from api.lodestar_process import run_cli, start_control_plane

SLEEPERS = Path(__file__).resolve().parent / "repos" / "sleepers_repo.py"


def _config(tmp_path: Path, count: int, seconds: float) -> str:
    path = tmp_path / f"sleep_{count}.yaml"
    config = {"solids": {"fan_out": {"config": {"count": count}}}}
    config["solids"]["sleep"] = {"config": {"seconds": seconds}}
    path.write_text(json.dumps(config))
    return str(path)


def _run(server, config: str) -> dict:
    done = server.lodestar("run", "launch", "sleepers", "-c", config, "--wait", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout)


def test_twenty_sleeping_steps_on_twenty_workers_take_about_one_second(tmp_path):
    workspace = tmp_path / "workspace.yaml"
    workspace.write_text(f"load_from:\n  - python_file: {{path: {SLEEPERS}, workers: 20}}\n")
    server = start_control_plane(tmp_path / "home", workspace=workspace)
    try:
        _run(server, _config(tmp_path, 2, 0.0))  # the workers are warm
        run = _run(server, _config(tmp_path, 20, 1.0))
        sleeps = [s for s in run["stepStats"] if s["stepKey"].startswith("sleep[")]
        assert len(sleeps) == 20 and all(s["status"] == "SUCCESS" for s in sleeps)
        # 20 x 1 s one at a time would be 20 s; on 2 workers 10 s.
        assert run["endTime"] - run["startTime"] < 5, run
    finally:
        server.stop()


def test_max_concurrent_steps_in_lodestar_yaml_bounds_a_runs_steps(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "lodestar.yaml").write_text("run_coordinator:\n  max_concurrent_steps: 1\n")
    info = run_cli("instance", "info", "--json", env={"LODESTAR_HOME": str(home)})
    assert json.loads(info.stdout)["max_concurrent_steps"] == 1
    server = start_control_plane(home, repo=SLEEPERS)
    try:
        run = _run(server, _config(tmp_path, 3, 0.2))
        spans = sorted((s["startTime"], s["endTime"]) for s in run["stepStats"])
        assert len(spans) == 4
        assert all(end <= start for (_, end), (start, _) in itertools.pairwise(spans))
    finally:
        server.stop()


def test_bad_parallelism_settings_are_clear_errors(tmp_path):
    workspace = tmp_path / "workspace.yaml"
    workspace.write_text(f"load_from:\n  - python_file: {{path: {SLEEPERS}, workers: 0}}\n")
    done = run_cli("up", "-w", str(workspace), "--port", "0", env={"LODESTAR_HOME": str(tmp_path)})
    assert done.returncode == 1
    assert done.stderr == (
        f"error: {workspace}: load_from[0].python_file.workers: "
        "expected a whole number >= 1, not 0\n"
    )
    (tmp_path / "lodestar.yaml").write_text("run_coordinator: {max_concurrent_steps: none}\n")
    info = run_cli("instance", "info", env={"LODESTAR_HOME": str(tmp_path)})
    assert info.returncode == 1
    assert "run_coordinator.max_concurrent_steps" in info.stderr
    assert "Traceback" not in info.stderr


def test_code_server_start_documents_its_default_workers():
    done = run_cli("code-server", "start", "--help")
    assert "default: max(8, 2 x CPUs)" in " ".join(done.stdout.split())
