"""`lodestar execute` interrupted: Ctrl-C or SIGTERM cancels its run; killed outright, the
next `lodestar up` marks the run FAILURE and does not re-execute it."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest
from api.lodestar_process import LODESTAR, start_control_plane
from helpers.waiting import wait_until

from control_plane.instance import Instance

REPOS = Path(__file__).resolve().parent / "repos"


def start_execute(home: Path, tmp_path: Path) -> tuple[subprocess.Popen, Path]:
    config = tmp_path / "slow.yaml"
    config.write_text("solids: {nap: {config: {seconds: 60}}}\n")
    out = tmp_path / "execute.out"
    with open(out, "w") as sink:
        process = subprocess.Popen(
            [LODESTAR, "execute", "-f", str(REPOS / "napping.py"), "napping", "-c", str(config)],
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
            env={**os.environ, "LODESTAR_HOME": str(home)},
            start_new_session=True,  # a signal for it alone, as a terminal's Ctrl-C would be
        )
    wait_until(lambda: "napping" in out.read_text(), 60, "the nap to start")
    return process, out


def only_run(home: Path):
    instance = Instance.from_env(str(home))
    try:
        return instance.storage.get_runs()
    finally:
        instance.dispose()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_cancels_the_run(tmp_path, sig):
    home = tmp_path / "home"
    process, out = start_execute(home, tmp_path)
    try:
        process.send_signal(sig)
        assert process.wait(30) != 0
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    [run] = only_run(home)
    assert run.status == "CANCELED", out.read_text()
    assert "CANCELED" in out.read_text()


def test_a_killed_execute_run_is_failed_by_the_next_daemon_and_not_re_executed(tmp_path):
    home = tmp_path / "home"
    process, _ = start_execute(home, tmp_path)
    os.killpg(process.pid, signal.SIGKILL)  # the process and the code server it started
    process.wait()
    [run] = only_run(home)
    assert run.status == "STARTED"

    up = start_control_plane(home, repo=REPOS / "napping.py")
    try:
        wait_until(lambda: only_run(home)[0].status == "FAILURE", 30, "recovery to end the run")
        [failed] = only_run(home)
        assert failed.run_id == run.run_id
        instance = Instance.from_env(str(home))
        try:
            messages = [r.event.message for r in instance.storage.get_events(run.run_id)]
        finally:
            instance.dispose()
        assert any("ended without ending it" in m for m in messages), messages
    finally:
        up.stop()
