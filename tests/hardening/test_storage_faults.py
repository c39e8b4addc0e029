"""Storage faults never strand a run: with the database server killed mid-run, or the disk
full mid-run, the coordinator keeps the events it could not write and retries until storage
is back, and the run ends SUCCESS with every event; a log line too large for the backend is
cut with a marker. Through a real `lodestar up`, a private MariaDB server and a small
filesystem."""

from __future__ import annotations

import shutil
import signal
import subprocess
from pathlib import Path

import pytest
from api.lodestar_process import start_control_plane, wait_for_run
from helpers.waiting import wait_until

from control_plane.instance import Instance

REPO = Path(__file__).resolve().parent / "repos" / "gated.py"
LAUNCH = """mutation($config: JSON) { launchRun(pipeline: "gated", runConfig: $config) {
    __typename ... on LaunchRunSuccess { run { runId } } ... on Error { message } } }"""
RUN_STEPS = """query($id: String!) { run(runId: $id) { ... on Run {
    stepStats { stepKey status } } } }"""
RETRYING = "storage unavailable"


class PrivateMariaDB:
    """A mariadbd of the test's own, on a unix socket (no port to race for)."""

    def __init__(self, root: Path):
        self.datadir, self.socket = root / "data", root / "mysqld.sock"
        self.process: subprocess.Popen | None = None
        subprocess.run(
            ["mariadb-install-db", "--no-defaults", f"--datadir={self.datadir}",
             "--auth-root-authentication-method=normal", "--skip-test-db", "--user=root"],
            check=True, capture_output=True,
        )  # fmt: skip
        self.start()
        self.sql("CREATE DATABASE lodestar")

    @property
    def url(self) -> str:
        return f"mysql+pymysql://root@localhost/lodestar?unix_socket={self.socket}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["/usr/sbin/mariadbd", "--no-defaults", f"--datadir={self.datadir}",
             f"--socket={self.socket}", "--skip-networking", "--user=root", "--skip-log-bin",
             "--innodb-buffer-pool-size=32M"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_until(lambda: self.sql("SELECT 1").returncode == 0, 30, "mariadbd to serve")

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def sql(self, statement: str) -> subprocess.CompletedProcess:
        command = ["mariadb", f"--socket={self.socket}", "-uroot", "-e", statement]
        return subprocess.run(command, capture_output=True)


@pytest.fixture
def mariadb(tmp_path):
    server = PrivateMariaDB(tmp_path / "mariadb")
    yield server
    if server.process.poll() is None:
        server.kill()


def launch(api, gate: Path, log_chars: int = 1) -> str:
    config = {"solids": {"wait_for_gate": {"config": {"gate": str(gate), "log_chars": log_chars}}}}
    result = api.data(LAUNCH, {"config": config})["launchRun"]
    assert result["__typename"] == "LaunchRunSuccess", result
    return result["run"]["runId"]


def wait_at_gate(api, run_id: str) -> None:
    def waiting():
        steps = api.data(RUN_STEPS, {"id": run_id})["run"]["stepStats"]
        return any(s["stepKey"] == "wait_for_gate" and s["status"] == "IN_PROGRESS" for s in steps)

    wait_until(waiting, 60, "the step to wait at its gate")


def stored_events(home: Path, run_id: str) -> list:
    instance = Instance.from_env(str(home))
    try:
        return [record.event for record in instance.storage.get_events(run_id)]
    finally:
        instance.dispose()


def assert_complete(api, home: Path, run_id: str) -> None:
    run = wait_for_run(api, run_id, timeout=120)
    assert run["status"] == "SUCCESS", run
    assert {s["stepKey"]: s["status"] for s in run["stepStats"]} == {
        "wait_for_gate": "SUCCESS",
        "after_gate": "SUCCESS",
    }
    messages = [event.message for event in stored_events(home, run_id)]
    assert "after the gate" in messages and "run succeeded" in messages


def test_a_run_survives_its_mysql_server_killed_mid_run(tmp_path, mariadb):
    home = tmp_path / "home"
    home.mkdir()
    (home / "lodestar.yaml").write_text(f"storage:\n  mysql:\n    url: '{mariadb.url}'\n")
    api = start_control_plane(home, repo=REPO)
    gate = tmp_path / "gate"
    try:
        run_id = launch(api, gate)
        wait_at_gate(api, run_id)
        mariadb.kill()
        gate.touch()  # the step ends while the database is down
        wait_until(lambda: RETRYING in api.log(), 60, "the coordinator to retry its writes")
        mariadb.start()
        assert_complete(api, home, run_id)
    finally:
        api.stop()


def test_a_run_survives_a_full_disk_mid_run(tmp_path):
    disk = tmp_path / "small_disk"
    disk.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(disk)], check=True)
    try:
        home = disk / "home"
        home.mkdir()
        outputs = tmp_path / "outputs"
        (home / "lodestar.yaml").write_text(f"io_manager:\n  base_dir: {outputs}\n")
        api = start_control_plane(home, repo=REPO)
        gate = tmp_path / "gate"
        filler = disk / "filler"
        try:
            run_id = launch(api, gate)
            wait_at_gate(api, run_id)
            fill = ["dd", "if=/dev/zero", f"of={filler}", "bs=64k"]
            subprocess.run(fill, capture_output=True)  # runs until the disk is full
            gate.touch()
            wait_until(lambda: RETRYING in api.log(), 60, "the coordinator to retry its writes")
            filler.unlink()
            assert_complete(api, home, run_id)
        finally:
            api.stop()
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
        shutil.rmtree(disk, ignore_errors=True)


def test_a_log_line_over_the_mysql_packet_limit_is_cut_not_fatal(tmp_path, mysql_database_url):
    home = tmp_path / "home"
    home.mkdir()
    url = mysql_database_url.render_as_string(hide_password=False)
    (home / "lodestar.yaml").write_text(f"storage:\n  mysql:\n    url: {url}\n")
    api = start_control_plane(home, repo=REPO)
    gate = tmp_path / "gate"
    gate.touch()
    try:
        run_id = launch(api, gate, log_chars=17 * 1024 * 1024)
        assert_complete(api, home, run_id)
        [line] = [e.message for e in stored_events(home, run_id) if e.message.startswith("xxx")]
        assert "[truncated by Lodestar:" in line and len(line) < 2_000_000
    finally:
        api.stop()
