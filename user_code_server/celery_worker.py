"""`lodestar worker start`: a Celery worker running steps for the control plane's Celery executor.

The worker loads the user's repository to check it, then consumes step tasks from its
queues with `concurrency` threads; each step runs in one of as many warm, isolated worker
processes (`user_code_server.workers.WorkerPool`, the code server's own pool). What a step
does is published, as it happens, to the reply queue its task names (see
`user_code_server.protocol.celery_messages`); a heartbeat thread reports the steps in
flight. The worker never touches storage.
"""

from __future__ import annotations

import logging
import os
import socket
import sys
import threading
import uuid
from collections import OrderedDict
from typing import Any

from celery import Celery, signals
from celery.worker.control import control_command

from user_code_server.loader import CodeTarget, load_repository
from user_code_server.protocol import (
    EVENTS_MESSAGE,
    EXECUTE_STEP_TASK,
    HEARTBEAT_MESSAGE,
    TERMINATE_RUN_COMMAND,
    Attempt,
    StepMessage,
    StepTask,
    reply_queue,
)
from user_code_server.server import default_io_base_dir
from user_code_server.workers import StepRun, WorkerPool

log = logging.getLogger(__name__)
# Waits between attempts to publish while the broker is unreachable (then forever).
PUBLISH_RETRY_POLICY = {
    "max_retries": None,
    "interval_start": 0.2,
    "interval_step": 0.5,
    "interval_max": 2.0,
}
# Runs terminated lately: their steps still queued are dropped when they arrive.
_REMEMBERED_TERMINATIONS = 10_000


class WorkerStartError(Exception):
    """The worker cannot start: its code does not load, or an option is wrong."""


class _InFlight:
    """The steps this worker runs, for heartbeats and termination."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._steps: dict[Attempt, tuple[str, float, StepRun | None]] = {}
        self._terminated: OrderedDict[str, None] = OrderedDict()

    def add(self, attempt: Attempt, reply_to: str, heartbeat_s: float) -> bool:
        """Registers a step; False when its run was terminated already."""
        with self._lock:
            if attempt.run_id in self._terminated:
                return False
            self._steps[attempt] = (reply_to, heartbeat_s, None)
            return True

    def started(self, attempt: Attempt, step_run: StepRun) -> bool:
        with self._lock:
            if attempt.run_id in self._terminated:
                step_run.cancel()
                return False
            reply_to, heartbeat_s, _ = self._steps[attempt]
            self._steps[attempt] = (reply_to, heartbeat_s, step_run)
            return True

    def discard(self, attempt: Attempt) -> None:
        with self._lock:
            self._steps.pop(attempt, None)

    def terminate(self, run_id: str) -> int:
        """Cancels the run's steps here; its steps still to come are dropped. The count."""
        with self._lock:
            self._terminated[run_id] = None
            while len(self._terminated) > _REMEMBERED_TERMINATIONS:
                self._terminated.popitem(last=False)
            runs = [r for a, (_, _, r) in self._steps.items() if a.run_id == run_id and r]
        for step_run in runs:
            step_run.cancel()
        return len(runs)

    def by_reply_queue(self) -> tuple[dict[str, list[Attempt]], float]:
        """The steps in flight grouped by reply queue, and the shortest heartbeat interval."""
        with self._lock:
            grouped: dict[str, list[Attempt]] = {}
            interval = 2.0
            for attempt, (reply_to, heartbeat_s, _) in self._steps.items():
                grouped.setdefault(reply_to, []).append(attempt)
                interval = min(interval, heartbeat_s)
            return grouped, interval


_IN_FLIGHT = _InFlight()


@control_command(name=TERMINATE_RUN_COMMAND, args=[("run_id", str)], signature="<run_id>")
def _terminate_run(state: Any, run_id: str) -> dict:
    """Remote control command: stop a run's steps on this worker."""
    return {"ok": f"{_IN_FLIGHT.terminate(run_id)} steps stopped"}


class _StepWorker:
    """The task body and the heartbeats of one worker process."""

    def __init__(self, app: Celery, pool: WorkerPool):
        self._app = app
        self._pool = pool
        self.name = f"{socket.gethostname()}:{os.getpid()}"
        self._stop = threading.Event()
        self._heartbeats = threading.Thread(target=self._beat, name="heartbeats", daemon=True)

    def start(self) -> None:
        self._heartbeats.start()

    def stop(self) -> None:
        self._stop.set()

    def execute(self, **kwargs: Any) -> None:
        task = StepTask.from_kwargs(kwargs)
        step = task.request.steps[0]
        attempt = Attempt(task.request.run_id, step.step_key, step.attempt, uuid.uuid4().hex)
        if not _IN_FLIGHT.add(attempt, task.reply_to, task.heartbeat_seconds):
            return  # its run was terminated while the task waited in the queue
        try:
            self._publish(task.reply_to, StepMessage(HEARTBEAT_MESSAGE, self.name, [attempt]))
            step_run = self._pool.run_steps(task.request)
            if not _IN_FLIGHT.started(attempt, step_run):
                return
            for seq, data in enumerate(step_run.batches()):
                message = StepMessage(EVENTS_MESSAGE, self.name, [attempt], seq, data)
                self._publish(task.reply_to, message)
        finally:
            _IN_FLIGHT.discard(attempt)

    def _beat(self) -> None:
        interval = 2.0
        while not self._stop.wait(interval):
            grouped, interval = _IN_FLIGHT.by_reply_queue()
            for reply_to, attempts in grouped.items():
                try:
                    self._publish(reply_to, StepMessage(HEARTBEAT_MESSAGE, self.name, attempts))
                except Exception:  # the next beat tries again; the steps go on
                    log.exception("heartbeat to %s failed", reply_to)

    def _publish(self, reply_to: str, message: StepMessage) -> None:
        queue = reply_queue(reply_to)
        with self._app.producer_or_acquire() as producer:
            producer.publish(
                message.to_payload(),
                exchange=queue.exchange,
                routing_key=queue.routing_key,
                declare=[queue],
                serializer="json",
                retry=True,
                retry_policy=PUBLISH_RETRY_POLICY,
            )


def celery_app(broker: str, name: str) -> Celery:
    """A Celery app on `broker` that takes JSON only (a pickle from the broker could run code)."""
    app = Celery(name, broker=broker, set_as_current=False)
    app.conf.update(
        task_serializer="json",
        accept_content=["json"],
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
        worker_prefetch_multiplier=1,
        task_acks_late=False,
    )
    return app


def start_worker(
    *,
    file: str | None,
    module: str | None,
    broker: str,
    queues: list[str],
    concurrency: int,
    io_base_dir: str | None = None,
) -> None:
    """Consumes step tasks from `queues` on `broker` until SIGTERM or SIGINT."""
    target = CodeTarget(file=file, module=module)
    loaded = load_repository(target)
    if loaded.error:
        raise WorkerStartError(f"could not load {target.describe()}:\n{loaded.error}")
    pool = WorkerPool(target, os.path.abspath(io_base_dir or default_io_base_dir()), concurrency)
    app = celery_app(broker, "lodestar-worker")
    step_worker = _StepWorker(app, pool)
    app.task(name=EXECUTE_STEP_TASK, ignore_result=True)(step_worker.execute)

    def ready(**_: Any) -> None:
        print(
            f"lodestar worker ready (pid {os.getpid()}) on queues {', '.join(queues)}; "
            f"{concurrency} worker processes",
            flush=True,
        )

    signals.worker_ready.connect(ready, weak=False)
    pool.start()
    step_worker.start()
    try:
        worker = app.Worker(
            hostname=f"lodestar@{socket.gethostname()}.{os.getpid()}",
            queues=queues,
            concurrency=concurrency,
            pool="threads",
            loglevel="WARNING",
            without_gossip=True,
            without_mingle=True,
            quiet=True,
        )
        worker.start()
        sys.exit(worker.exitcode or 0)
    finally:
        step_worker.stop()
        pool.stop()
