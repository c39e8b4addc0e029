"""A leader paused past its lease (SIGSTOP) is fenced out: another control plane on the same
database takes over and recovers its run, and when the paused one wakes up it writes nothing
more to that run and stops leading. Two real `lodestar up` processes on MariaDB."""

from __future__ import annotations

import os
import re
import signal
from pathlib import Path

from api.lodestar_process import start_control_plane, wait_for_run
from helpers.waiting import wait_until

from control_plane.daemon_lease import LEASE_NAME
from control_plane.instance import Instance

REPO = Path(__file__).resolve().parent / "repos" / "gated.py"
LAUNCH = """mutation($config: JSON) { launchRun(pipeline: "gated", runConfig: $config) {
    __typename ... on LaunchRunSuccess { run { runId } } ... on Error { message } } }"""
FENCED = re.compile(r"no longer leads|daemon lease: term \d+ of \S+ ended")
RUNS = """{ runs { ... on RunConnection { nodes { runId status parentRunId } } } }"""


def test_a_paused_leader_cannot_overwrite_its_successor(tmp_path, mysql_database_url):
    url = mysql_database_url.render_as_string(hide_password=False)
    config = f"storage:\n  mysql:\n    url: {url}\ndaemon_lease:\n  ttl_seconds: 2\n"
    homes = [tmp_path / "a", tmp_path / "b"]
    for home in homes:
        home.mkdir()
        (home / "lodestar.yaml").write_text(config)
    instance = Instance.from_env(str(homes[0]))
    gate = tmp_path / "gate"
    run_config = {"solids": {"wait_for_gate": {"config": {"gate": str(gate), "log_chars": 1}}}}
    first = start_control_plane(homes[0], repo=REPO)
    second = None
    try:

        def holder_pid() -> int | None:
            lease = instance.storage.get_lease(LEASE_NAME)
            return int(lease[0].split(":")[1]) if lease and lease[1] else None

        wait_until(lambda: holder_pid() == first.process.pid, 30, "the first to lead")
        second = start_control_plane(homes[1], repo=REPO)
        run_id = first.data(LAUNCH, {"config": run_config})["launchRun"]["run"]["runId"]
        wait_until(lambda: "waiting at the gate" in events_of(instance, run_id), 60, "the step")

        os.kill(first.process.pid, signal.SIGSTOP)
        try:
            wait_until(lambda: holder_pid() == second.process.pid, 30, "the second to lead")
            recovery = wait_until(lambda: child_of(second, run_id), 30, "the recovery run")
            gate.touch()  # the paused leader's step and the recovery's both finish now
            assert wait_for_run(second, recovery["runId"])["status"] == "SUCCESS"
        finally:
            os.kill(first.process.pid, signal.SIGCONT)
        # Fenced by a refused write, or by its lease keeper first seeing the term ended.
        wait_until(lambda: FENCED.search(first.log()), 30, "the woken leader to be fenced")

        run = instance.storage.get_run(run_id)
        assert run.status == "FAILURE"
        messages = events_of(instance, run_id)
        assert messages[-1].startswith("run interrupted"), messages  # nothing written after
        assert holder_pid() == second.process.pid
    finally:
        if first.process.poll() is None:
            os.kill(first.process.pid, signal.SIGCONT)
        first.stop()
        if second is not None:
            second.stop()
        instance.dispose()


def events_of(instance: Instance, run_id: str) -> list[str]:
    return [record.event.message for record in instance.storage.get_events(run_id)]


def child_of(server, run_id: str) -> dict | None:
    runs = server.data(RUNS)["runs"]["nodes"]
    return next((run for run in runs if run["parentRunId"] == run_id), None)
