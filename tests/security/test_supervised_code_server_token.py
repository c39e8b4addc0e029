"""A code server the control plane starts (as `lodestar up` does for `python_file`
locations) gets a fresh random token and the instance's IO directory; its steps can find
nothing that opens it."""

from __future__ import annotations

import json
import stat

import pytest
from helpers.code_server import REPOS_DIR

from control_plane.instance import Instance
from control_plane.service import ControlPlane
from control_plane.storage.records import RunStatus
from control_plane.workspace import Workspace
from user_code_server.protocol import CodeServerUnavailableError, UserCodeClient

CONFIGURED_TOKEN = "configured-for-servers-someone-else-runs"


@pytest.fixture
def plane(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "lodestar.yaml").write_text(f"code_servers:\n  auth_token: {CONFIGURED_TOKEN}\n")
    instance = Instance.from_env(str(home))
    plane = ControlPlane(instance, Workspace.from_python_file(str(REPOS_DIR / "hostile.py")))
    plane.start()
    plane.locations.wait_until_loaded()
    yield plane
    plane.stop()
    instance.dispose()


def refused(address: str, token: str | None) -> bool:
    host, port = address.rsplit(":", 1)
    client = UserCodeClient(host, int(port), auth_token=token, timeout=5)
    try:
        client.ping()
    except CodeServerUnavailableError as error:
        assert "UNAUTHENTICATED" in str(error), error
        return True
    finally:
        client.close()
    return False


def test_a_step_cannot_find_the_token_of_its_supervised_server(plane, tmp_path):
    (location,) = plane.code_locations()
    assert location.status == "LOADED", location.error
    report = tmp_path / "seen.json"
    config = {"solids": {"snoop": {"config": {"report_file": str(report)}}}}
    run = plane.wait_for_run(plane.launch_run("snooping", config).run_id, timeout=60)
    assert run.status == RunStatus.SUCCESS
    seen = json.loads(report.read_text())
    # The server requires a token, though the instance configures none for it...
    assert refused(location.address, None)
    assert refused(location.address, CONFIGURED_TOKEN)
    # ...and no string a step can read from its environment or its ancestors' opens it.
    candidates = {
        word
        for text in seen.values()
        for line in text.replace('"', "\n").splitlines()
        for word in (line, *line.split("=", 1), *line.split())
        if word
    }
    assert len(candidates) > 20
    assert not [word for word in candidates if not refused(location.address, word)]


def test_step_outputs_go_to_the_instance_io_dir_privately(plane):
    run = plane.wait_for_run(
        plane.launch_run("daemons", {}, solid_selection=["fine"]).run_id, timeout=60
    )
    assert run.status == RunStatus.SUCCESS
    output = plane.instance.home / "storage" / run.run_id / "fine" / "result.pkl"
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert stat.S_IMODE(output.parent.stat().st_mode) == 0o700
