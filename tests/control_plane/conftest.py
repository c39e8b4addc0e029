"""A control plane in this process on a fresh SQLite instance, with real code servers."""

from __future__ import annotations

import os

import pytest

from control_plane.instance import Instance
from control_plane.service import ControlPlane
from control_plane.workspace import Workspace

REPOS = os.path.join(os.path.dirname(__file__), "repos")


@pytest.fixture
def plane(tmp_path):
    instance = Instance.from_env(str(tmp_path / "home"))
    control_plane = ControlPlane(
        instance, Workspace.from_python_file(os.path.join(REPOS, "runs_repo.py"))
    )
    control_plane.start()
    yield control_plane
    control_plane.stop()
    instance.dispose()
