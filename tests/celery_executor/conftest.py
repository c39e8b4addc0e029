"""A Celery deployment for tests: `lodestar up` with `executor: celery` and two real
`lodestar worker` processes, on RabbitMQ and on Redis.

`LODESTAR_TEST_AMQP_URL` (e.g. amqp://guest:guest@127.0.0.1:5672//) and
`LODESTAR_TEST_REDIS_URL` (e.g. redis://127.0.0.1:6379/0) enable the two brokers; a broker
whose variable is set but that does not answer fails its tests rather than skipping them.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from api.lodestar_process import LODESTAR, ControlPlaneProcess, start_control_plane
from helpers.waiting import wait_until

REPO = Path(__file__).resolve().parent / "repo.py"
READY_LINE = re.compile(r"lodestar worker ready \(pid (?P<pid>\d+)\)")
LOST_WORKER_TIMEOUT_S = 4
BROKER_VARIABLES = {"amqp": "LODESTAR_TEST_AMQP_URL", "redis": "LODESTAR_TEST_REDIS_URL"}


def reachable_broker(variable: str) -> str:
    """The broker URL `variable` names: skips when unset, fails when it does not answer."""
    url = os.environ.get(variable)
    if not url:
        pytest.skip(f"{variable} is not set")
    from kombu import Connection

    try:
        with Connection(url, connect_timeout=5) as conn:
            conn.ensure_connection(max_retries=1)
    except Exception as error:
        pytest.fail(f"{variable} is set but its broker is unreachable: {error}")
    return url


@dataclass
class WorkerProcess:
    """A `lodestar worker start` process, leading its own process group."""

    process: subprocess.Popen
    log_path: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def kill_9(self) -> None:
        """Kills the worker and every process it started, as a lost host would."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(10)


def start_worker(
    log_path: Path, broker: str, queues: list[str], io_base_dir: Path, concurrency: int = 3
) -> WorkerProcess:
    queue_args = [arg for queue in queues for arg in ("--queue", queue)]
    command = [LODESTAR, "worker", "start", "-f", str(REPO), "--broker", broker, *queue_args]
    command += ["--concurrency", str(concurrency), "--io-base-dir", str(io_base_dir)]
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    worker = WorkerProcess(process, log_path)
    try:
        wait_until(lambda: _ready(worker), 90, "the worker to be ready")
    except BaseException as error:
        worker.stop()
        error.add_note(f"worker log:\n{worker.log()}")
        raise
    return worker


def _ready(worker: WorkerProcess) -> bool:
    if worker.process.poll() is not None:
        raise AssertionError(f"the worker exited ({worker.process.returncode}):\n{worker.log()}")
    return bool(READY_LINE.search(worker.log()))


@dataclass
class CeleryDeployment:
    """One control plane and two workers: `workers[0]` takes the default queue, `workers[1]`
    the default queue and the queue `special`."""

    broker: str
    home: Path
    queue: str
    special_queue: str
    up: ControlPlaneProcess
    workers: list[WorkerProcess] = field(default_factory=list)

    @property
    def io_base_dir(self) -> Path:
        return self.home / "storage"

    def restart_worker(self, index: int) -> None:
        queues = [self.queue] if index == 0 else [self.queue, self.special_queue]
        log_path = self.home / f"worker{index}.{uuid.uuid4().hex[:6]}.log"
        self.workers[index] = start_worker(log_path, self.broker, queues, self.io_base_dir)

    def stop(self) -> None:
        for worker in self.workers:
            worker.stop()
        self.up.stop()


def write_celery_config(home: Path, broker: str, queue: str, **settings) -> None:
    home.mkdir(parents=True, exist_ok=True)
    celery = {"broker": broker, "default_queue": queue, **settings}
    (home / "lodestar.yaml").write_text(yaml.safe_dump({"executor": {"celery": celery}}))


@pytest.fixture(scope="module", params=sorted(BROKER_VARIABLES))
def deployment(request, tmp_path_factory) -> Iterator[CeleryDeployment]:
    broker = reachable_broker(BROKER_VARIABLES[request.param])
    home = tmp_path_factory.mktemp(f"celery-{request.param}")
    tag = uuid.uuid4().hex[:8]
    queue, special = f"lodestar-test-{tag}", f"special-{tag}"
    write_celery_config(home, broker, queue, lost_worker_timeout_seconds=LOST_WORKER_TIMEOUT_S)
    os.environ["LODESTAR_TEST_SPECIAL_QUEUE"] = special  # read by the code server's repo
    try:
        up = start_control_plane(home, repo=REPO)
    finally:
        del os.environ["LODESTAR_TEST_SPECIAL_QUEUE"]
    plane = CeleryDeployment(broker, home, queue, special, up)
    try:
        plane.workers = [
            start_worker(home / "worker0.log", broker, [queue], plane.io_base_dir),
            start_worker(home / "worker1.log", broker, [queue, special], plane.io_base_dir),
        ]
        yield plane
    finally:
        plane.stop()
