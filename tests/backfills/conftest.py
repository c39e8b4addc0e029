"""Control planes on a fresh instance (on each backend of `database_url`: SQLite, MySQL,
PostgreSQL) serving the partitioned test repository through a real code server."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from helpers.storage_config import storage_yaml

from control_plane.instance import Instance
from control_plane.service import ControlPlane
from control_plane.workspace import Workspace

REPO = os.path.join(os.path.dirname(__file__), "repos", "partitioned_repo.py")


@pytest.fixture
def marker(tmp_path, monkeypatch):
    path = tmp_path / "marker"
    monkeypatch.setenv("LODESTAR_TEST_MARKER", str(path))
    return path


@pytest.fixture
def make_plane(tmp_path, marker, database_url) -> Callable[..., ControlPlane]:
    """`make_plane(run_daemon=False, max_concurrent_runs=10)`: a control plane on the test's
    database (SQLite: the instance's own file)."""
    started: list[tuple[ControlPlane, Instance]] = []

    def make(run_daemon=False, max_concurrent_runs=10, home=None):
        home = home or tmp_path / f"home{len(started)}"
        home.mkdir(exist_ok=True)
        config = f"run_queue:\n  max_concurrent_runs: {max_concurrent_runs}\n"
        config += storage_yaml(database_url)
        (home / "lodestar.yaml").write_text(config)
        instance = Instance.from_env(str(home))
        plane = ControlPlane(instance, Workspace.from_python_file(REPO), run_daemon=run_daemon)
        plane.start()
        plane.locations.wait_until_loaded()
        started.append((plane, instance))
        return plane

    yield make
    for plane, instance in started:
        plane.stop()
        instance.dispose()
