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
from dataclasses import dataclass
from queue import Empty, SimpleQueue
from typing import Any

from celery import Celery, signals
from celery.worker.control import control_command

from user_code_server.loader import CodeTarget, load_repository
from user_code_server.protocol import (
    EVENTS_MESSAGE,
    EXECUTE_STEP_TASK,
    HEARTBEAT_MESSAGE,
    HEARTBEAT_S,
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
# At shutdown, how long what is still to publish may take.
PUBLISH_DRAIN_S = 10.0
# Runs terminated lately: their steps still queued are dropped when they arrive.
_REMEMBERED_TERMINATIONS = 10_000


class WorkerStartError(Exception):
    """The worker cannot start: its code does not load, or an option is wrong."""


@dataclass(eq=False)
class _Execution:
    """One execution of a step task here: its steps, and their run in the pool once started."""

    reply_to: str
    heartbeat_s: float
    attempts: list[Attempt]
    step_run: StepRun | None = None


class _InFlight:
    """The step tasks this worker runs, for heartbeats and termination."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._executions: set[_Execution] = set()
        self._terminated: OrderedDict[str, None] = OrderedDict()

    def add(self, execution: _Execution) -> bool:
        """Registers a task; False when its run was terminated already."""
        with self._lock:
            if execution.attempts[0].run_id in self._terminated:
                return False
            self._executions.add(execution)
            return True

    def started(self, execution: _Execution, step_run: StepRun) -> bool:
        with self._lock:
            execution.step_run = step_run
            if execution.attempts[0].run_id in self._terminated:
                step_run.cancel()
                return False
            return True

    def discard(self, execution: _Execution) -> None:
        with self._lock:
            self._executions.discard(execution)

    def terminate(self, run_id: str) -> int:
        """Cancels the run's steps here; its tasks still to come are dropped. The count."""
        with self._lock:
            self._terminated[run_id] = None
            while len(self._terminated) > _REMEMBERED_TERMINATIONS:
                self._terminated.popitem(last=False)
            runs = [e for e in self._executions if e.attempts[0].run_id == run_id]
        for execution in runs:
            if execution.step_run is not None:
                execution.step_run.cancel()
        return sum(len(e.attempts) for e in runs)

    def by_reply_queue(self) -> tuple[dict[str, list[Attempt]], float]:
        """The steps in flight grouped by reply queue, and the shortest heartbeat interval."""
        with self._lock:
            grouped: dict[str, list[Attempt]] = {}
            interval = HEARTBEAT_S
            for execution in self._executions:
                grouped.setdefault(execution.reply_to, []).extend(execution.attempts)
                interval = min(interval, execution.heartbeat_s)
            return grouped, interval


_IN_FLIGHT = _InFlight()


@control_command(name=TERMINATE_RUN_COMMAND, args=[("run_id", str)], signature="<run_id>")
def _terminate_run(state: Any, run_id: str) -> dict:
    """Remote control command: stop a run's steps on this worker."""
    return {"ok": f"{_IN_FLIGHT.terminate(run_id)} steps stopped"}


class _Publisher:
    """One thread sends every message to the reply queues, on one connection kept open: what
    accumulates while it sends goes in the next broker message, one per reply queue."""

    def __init__(self, app: Celery):
        self._app = app
        self._outbox: SimpleQueue[tuple[str, StepMessage, threading.Event | None] | None] = (
            SimpleQueue()
        )
        self._thread = threading.Thread(target=self._run, name="publisher", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._outbox.put(None)
        self._thread.join(PUBLISH_DRAIN_S)

    def put(self, reply_to: str, message: StepMessage, sent: threading.Event | None = None) -> None:
        """Queues `message`; `sent` is set once the broker has it."""
        self._outbox.put((reply_to, message, sent))

    def _run(self) -> None:
        with self._app.connection_for_write() as connection:
            producer = connection.Producer()
            publish = connection.ensure(producer, producer.publish, **PUBLISH_RETRY_POLICY)
            while (item := self._outbox.get()) is not None:
                grouped: dict[str, list[dict]] = {}
                sent: list[threading.Event] = []
                while item is not None:
                    reply_to, message, done = item
                    grouped.setdefault(reply_to, []).append(message.to_payload())
                    if done is not None:
                        sent.append(done)
                    try:
                        item = self._outbox.get_nowait()
                    except Empty:
                        break
                for reply_to, messages in grouped.items():
                    queue = reply_queue(reply_to)
                    publish(
                        {"messages": messages},
                        exchange=queue.exchange,
                        routing_key=queue.routing_key,
                        declare=[queue],
                        serializer="json",
                    )
                for done in sent:
                    done.set()
                if item is None:
                    return


class _StepWorker:
    """The task body and the heartbeats of one worker process."""

    def __init__(self, pool: WorkerPool, publisher: _Publisher):
        self._pool = pool
        self._publisher = publisher
        self.name = f"{socket.gethostname()}:{os.getpid()}"
        self._stop = threading.Event()
        self._heartbeats = threading.Thread(target=self._beat, name="heartbeats", daemon=True)

    def start(self) -> None:
        self._heartbeats.start()

    def stop(self) -> None:
        self._stop.set()

    def execute(self, **kwargs: Any) -> None:
        task = StepTask.from_kwargs(kwargs)
        request, execution_id = task.request, uuid.uuid4().hex
        attempts = [
            Attempt(request.run_id, s.step_key, s.attempt, execution_id) for s in request.steps
        ]
        execution = _Execution(task.reply_to, task.heartbeat_seconds, attempts)
        if not _IN_FLIGHT.add(execution):
            return  # its run was terminated while the task waited in the queue
        try:
            # The control plane hears of the steps before they start: were this worker lost
            # now, it would know whose silence to time out.
            claimed = threading.Event()
            self._publisher.put(
                task.reply_to, StepMessage(HEARTBEAT_MESSAGE, self.name, attempts), claimed
            )
            claimed.wait()
            step_run = self._pool.run_steps(request)
            if not _IN_FLIGHT.started(execution, step_run):
                return
            for seq, data in enumerate(step_run.batches()):
                message = StepMessage(EVENTS_MESSAGE, self.name, attempts, seq, data)
                self._publisher.put(task.reply_to, message)
        finally:
            _IN_FLIGHT.discard(execution)

    def _beat(self) -> None:
        interval = HEARTBEAT_S
        while not self._stop.wait(interval):
            grouped, interval = _IN_FLIGHT.by_reply_queue()
            for reply_to, attempts in grouped.items():
                self._publisher.put(reply_to, StepMessage(HEARTBEAT_MESSAGE, self.name, attempts))


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
    concurrency: int | None = None,
    io_base_dir: str | None = None,
) -> None:
    """Consumes step tasks from `queues` on `broker` until SIGTERM or SIGINT, running up to
    `concurrency` (default: the code server's default pool size) at once."""
    target = CodeTarget(file=file, module=module)
    loaded = load_repository(target)
    if loaded.error:
        raise WorkerStartError(f"could not load {target.describe()}:\n{loaded.error}")
    pool = WorkerPool(target, os.path.abspath(io_base_dir or default_io_base_dir()), concurrency)
    concurrency = pool.size
    app = celery_app(broker, "lodestar-worker")
    publisher = _Publisher(app)
    step_worker = _StepWorker(pool, publisher)
    app.task(name=EXECUTE_STEP_TASK, ignore_result=True)(step_worker.execute)

    def ready(**_: Any) -> None:
        print(
            f"lodestar worker ready (pid {os.getpid()}) on queues {', '.join(queues)}; "
            f"{concurrency} worker processes",
            flush=True,
        )

    signals.worker_ready.connect(ready, weak=False)
    pool.start()
    publisher.start()
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
        publisher.stop()
