"""Two control planes on one database: one leads the daemon, the other serves the API;
when the leader stops, the other takes over and runs what was queued."""

from __future__ import annotations

import os

from helpers.storage_config import storage_yaml
from helpers.waiting import wait_until

from control_plane.daemon_lease import DaemonLease
from control_plane.instance import Instance
from control_plane.service import ControlPlane
from control_plane.storage.records import RunStatus
from control_plane.workspace import Workspace

REPO = os.path.join(os.path.dirname(__file__), "repos", "runs_repo.py")
CONFIG = {"solids": {"sleepy": {"config": {"seconds": 0.0}}}}


def start_plane(home, storage_url):
    home.mkdir(exist_ok=True)
    (home / "lodestar.yaml").write_text(storage_yaml(storage_url))
    instance = Instance.from_env(str(home))
    plane = ControlPlane(instance, Workspace.from_python_file(REPO), lease_ttl_s=1.5)
    plane.start()
    plane.locations.wait_until_loaded()
    return plane, instance


def test_one_leader_and_a_standby_that_takes_over(tmp_path, server_database_url):
    first, first_instance = start_plane(tmp_path / "a", server_database_url)
    second, second_instance = start_plane(tmp_path / "b", server_database_url)
    try:
        assert first.is_daemon_leader and not second.is_daemon_leader
        # Launched through the standby's API, run by the leader.
        run = second.launch_run("slow", CONFIG)
        assert second.wait_for_run(run.run_id, timeout=30).status == RunStatus.SUCCESS
        assert not second.is_daemon_leader

        first.stop()
        queued = second.launch_run("slow", CONFIG)
        wait_until(lambda: second.is_daemon_leader, 10, "the standby to lead")
        assert second.wait_for_run(queued.run_id, timeout=30).status == RunStatus.SUCCESS
    finally:
        first.stop()  # stopping twice is harmless
        second.stop()
        first_instance.dispose()
        second_instance.dispose()


def test_a_holder_that_died_on_this_host_is_replaced_at_once(tmp_path):
    instance = Instance.from_env(str(tmp_path / "home"))
    try:
        elsewhere = DaemonLease(instance.storage, ttl_s=3600, holder="other-host:1:y")
        assert elsewhere.hold()
        assert not DaemonLease(instance.storage).hold()  # not expired, not ours to judge
        elsewhere.release()
        dead = DaemonLease(instance.storage, ttl_s=3600, holder=f"{os.uname().nodename}:999999:x")
        assert dead.hold()
        assert DaemonLease(instance.storage).hold()  # pid 999999 is gone on this host
    finally:
        instance.dispose()
