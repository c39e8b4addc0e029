"""Leadership is a term of the daemon lease: a control plane that loses the lease stops
running the daemon, and one that wins it back runs it again with fresh workers."""

from __future__ import annotations

import os

from helpers.storage_config import storage_yaml
from helpers.waiting import wait_until

from control_plane.daemon_lease import LEASE_NAME
from control_plane.instance import Instance
from control_plane.service import ControlPlane
from control_plane.storage.records import RunStatus
from control_plane.workspace import Workspace

REPO = os.path.join(os.path.dirname(__file__), "repos", "runs_repo.py")
CONFIG = {"solids": {"sleepy": {"config": {"seconds": 0.0}}}}
THIEF = "other-host:1:thief"


def test_a_leader_that_loses_the_lease_and_wins_it_back_runs_runs_again(tmp_path, database_url):
    home = tmp_path / "home"
    home.mkdir()
    (home / "lodestar.yaml").write_text(storage_yaml(database_url))
    instance = Instance.from_env(str(home))
    plane = ControlPlane(instance, Workspace.from_python_file(REPO), lease_ttl_s=1.5)
    storage = instance.storage
    try:
        plane.start()
        plane.locations.wait_until_loaded()
        wait_until(lambda: plane.is_daemon_leader, 10, "the first term")
        first = plane.launch_run("slow", CONFIG)
        assert plane.wait_for_run(first.run_id, 30).status == RunStatus.SUCCESS

        # Another process takes the lease (as from a holder it judged dead).
        assert storage.acquire_lease(LEASE_NAME, THIEF, 3600, replaceable=[plane.process_id])
        wait_until(lambda: not plane.is_daemon_leader, 10, "the term to end")
        queued = plane.launch_run("slow", CONFIG)
        assert storage.get_run(queued.run_id).status == RunStatus.QUEUED

        storage.release_lease(LEASE_NAME, THIEF)
        wait_until(lambda: plane.is_daemon_leader, 10, "a new term")
        assert storage.get_lease(LEASE_NAME)[0] == plane.process_id
        assert plane.wait_for_run(queued.run_id, 30).status == RunStatus.SUCCESS
    finally:
        plane.stop()
        instance.dispose()
