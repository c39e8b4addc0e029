"""A control plane in this process (no daemon) over the instigated repository, with a clock
the tests move, so daemons can be stepped through due times without waiting for them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers.storage_config import storage_yaml

from control_plane.instance import Instance
from control_plane.instigators import Instigators
from control_plane.service import ControlPlane
from control_plane.workspace import Workspace

REPO = Path(__file__).resolve().parent / "repos" / "instigated.py"


class Clock:
    def __init__(self, now: float):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def sensor_dir(tmp_path, monkeypatch):
    folder = tmp_path / "incoming"
    folder.mkdir()
    monkeypatch.setenv("LODESTAR_TEST_SENSOR_DIR", str(folder))
    monkeypatch.setenv("LODESTAR_TEST_ALERTS", str(tmp_path / "alerts.txt"))
    return folder


@pytest.fixture
def plane(tmp_path, database_url, sensor_dir):
    home = tmp_path / "home"
    home.mkdir()
    (home / "lodestar.yaml").write_text(storage_yaml(database_url))
    instance = Instance.from_env(str(home))
    control_plane = ControlPlane(instance, Workspace.from_python_file(str(REPO)), run_daemon=False)
    control_plane.start()
    control_plane.locations.wait_until_loaded()
    assert os.environ["LODESTAR_TEST_SENSOR_DIR"]
    yield control_plane
    control_plane.stop()
    instance.dispose()


@pytest.fixture
def instigators(plane):
    """`Instigators` of the plane, on a clock the test moves (`instigators.clock.now`)."""
    clock = Clock(0.0)
    found = Instigators(plane.storage, plane.locations, now=clock)
    found.clock = clock
    return found
