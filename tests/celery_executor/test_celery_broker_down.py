"""A broker that is down: the run waits and says so, then goes on when the broker is back, or
fails with that cause after `broker_wait_seconds`. On a private Redis (a unix socket), which
the test stops and starts again."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from api.lodestar_process import start_control_plane, wait_for_run
from helpers.waiting import wait_until

from celery_executor.conftest import REPO, start_worker, write_celery_config
from celery_executor.test_celery_executor import events, launch
from user_code_server.protocol import EventType

BROKER_WAIT_S = 8
FAN = {"solids": {"numbers": {"config": {"n": 3}}}}


class PrivateRedis:
    """A redis-server of our own, on a unix socket only, keeping nothing on disk."""

    def __init__(self, directory: Path):
        self.socket = directory / "redis.sock"
        self.url = f"redis+socket://{self.socket}"
        self._process: subprocess.Popen | None = None

    def start(self) -> None:
        command = ["redis-server", "--port", "0", "--unixsocket", str(self.socket)]
        command += ["--save", "", "--appendonly", "no", "--dir", str(self.socket.parent)]
        self._process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        wait_until(self._answers, 30, "the private redis-server")

    def stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait(10)
            self._process = None

    def _answers(self) -> bool:
        ping = subprocess.run(
            ["redis-cli", "-s", str(self.socket), "ping"], capture_output=True, text=True
        )
        return ping.stdout.strip() == "PONG"


@pytest.fixture
def redis() -> Iterator[PrivateRedis]:
    if shutil.which("redis-server") is None:
        pytest.fail("redis-server is not installed")
    directory = Path(tempfile.mkdtemp(prefix="lodestar-redis-"))  # a socket path is short
    server = PrivateRedis(directory)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(directory, ignore_errors=True)


def engine_messages(up, run_id: str) -> list[str]:
    return [e.message for e in events(up, run_id) if e.event_type == EventType.ENGINE_EVENT]


def test_a_run_waits_for_the_broker_then_fails_after_the_bound(redis, tmp_path):
    home = tmp_path / "home"
    write_celery_config(home, redis.url, "lodestar", broker_wait_seconds=BROKER_WAIT_S)
    up = start_control_plane(home, repo=REPO)
    worker = start_worker(home / "worker.log", redis.url, ["lodestar"], home / "storage")
    try:
        first = launch(up, "fan", FAN)
        assert wait_for_run(up, first, timeout=120)["status"] == "SUCCESS"

        # Down, then back within the bound: the run says it waits, then goes on.
        redis.stop()
        waiting = launch(up, "fan", FAN)
        wait_until(
            lambda: any("broker is unreachable" in m for m in engine_messages(up, waiting)),
            30,
            "the run to say it waits for the broker",
        )
        redis.start()
        assert wait_for_run(up, waiting, timeout=120)["status"] == "SUCCESS", worker.log()
        assert any("reachable again" in m for m in engine_messages(up, waiting))

        # Down for longer than broker_wait_seconds: the waiting step fails with that cause.
        redis.stop()
        failing = launch(up, "fan", FAN)
        run = wait_for_run(up, failing, timeout=BROKER_WAIT_S + 60)
        assert run["status"] == "FAILURE"
        failures = [e for e in events(up, failing) if e.event_type == EventType.STEP_FAILURE]
        assert [e.step_key for e in failures] == ["numbers"]
        assert f"executor.celery.broker_wait_seconds ({BROKER_WAIT_S}s)" in failures[0].message
        assert "the Celery broker was unreachable" in failures[0].message
    finally:
        worker.stop()
        up.stop()
