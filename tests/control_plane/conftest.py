"""A control plane in this process on a fresh instance (SQLite, and MySQL and PostgreSQL
when their `LODESTAR_TEST_*_URL` is set), with real code servers."""

from __future__ import annotations

import os

import pytest
from helpers.storage_config import storage_yaml

from control_plane.instance import Instance
from control_plane.service import ControlPlane
from control_plane.workspace import Workspace

REPOS = os.path.join(os.path.dirname(__file__), "repos")


@pytest.fixture
def plane(tmp_path, database_url):
    home = tmp_path / "home"
    home.mkdir()
    (home / "lodestar.yaml").write_text(storage_yaml(database_url))
    instance = Instance.from_env(str(home))
    control_plane = ControlPlane(
        instance, Workspace.from_python_file(os.path.join(REPOS, "runs_repo.py"))
    )
    control_plane.start()
    control_plane.locations.wait_until_loaded()
    yield control_plane
    control_plane.stop()
    instance.dispose()
