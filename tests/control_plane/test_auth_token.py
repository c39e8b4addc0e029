"""`code_servers.auth_token` in lodestar.yaml reaches a code server that requires a token."""

from __future__ import annotations

import os

from control_plane.instance import Instance
from control_plane.service import ControlPlane
from control_plane.storage.records import RunStatus
from control_plane.workspace import GrpcServerOrigin, Workspace

REPO = os.path.join(os.path.dirname(__file__), "repos", "runs_repo.py")


def plane_for(home, port, token):
    home.mkdir()
    (home / "lodestar.yaml").write_text(f"code_servers:\n  auth_token: {token}\n")
    instance = Instance.from_env(str(home))
    workspace = Workspace((GrpcServerOrigin("secured", "127.0.0.1", port),))
    plane = ControlPlane(instance, workspace)
    plane.start()
    plane.locations.wait_until_loaded()
    return plane, instance


def test_the_instance_token_opens_a_secured_code_server(tmp_path, code_server):
    server = code_server(REPO, auth_token="s3cret")
    plane, instance = plane_for(tmp_path / "right", server.port, "s3cret")
    try:
        assert plane.code_locations()[0].status == "LOADED"
        run = plane.wait_for_run(plane.launch_run("fail_then_fix", _config(tmp_path)).run_id)
        assert run.status == RunStatus.FAILURE  # it ran: the marker file is missing
    finally:
        plane.stop()
        instance.dispose()

    plane, instance = plane_for(tmp_path / "wrong", server.port, "guess")
    try:
        (location,) = plane.code_locations()
        assert location.status == "ERROR" and "UNAUTHENTICATED" in location.error
        assert "auth token" in location.error
    finally:
        plane.stop()
        instance.dispose()


def _config(tmp_path):
    return {"solids": {"maybe_fail": {"config": {"marker": str(tmp_path / "none")}}}}
