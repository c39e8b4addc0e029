"""The Celery executor: each step a Celery task, run by `lodestar worker` processes.

Steps go to the broker as tasks (JSON, one step each) on their solid's queue (the tag
`lodestar/celery_queue`, else the configured default queue). Workers publish each step's
events and their heartbeats to this process's own reply queue on the same broker (never
Celery's result backend); one consumer thread hands them to the run's coordinator, which
alone writes storage. Celery may deliver a task twice: only the first execution of a step
attempt to report is heard, and its messages are taken in sequence, each once.

Bounds: a step whose worker fell silent (killed, host lost) for `lost_worker_timeout_seconds`
fails with that cause, or is retried if its retry policy allows; a broker that cannot be
reached delays the steps to send (the run says so in an engine event) for up to
`broker_wait_seconds`, after which they fail with that cause.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
import uuid
from dataclasses import dataclass
from queue import Empty, SimpleQueue
from typing import Any

from control_plane.execution.executor import (
    FINAL_STEP_EVENTS,
    EventSink,
    RunExecutionContext,
    StepExecutor,
    step_failure,
    steps_request,
)
from control_plane.instance import CeleryExecutorConfig
from control_plane.run_events import run_event
from user_code_server.protocol import (
    EVENTS_MESSAGE,
    EXECUTE_STEP_TASK,
    HEARTBEAT_MESSAGE,
    HEARTBEAT_S,
    TERMINATE_RUN_COMMAND,
    Attempt,
    EventType,
    StepEvent,
    StepExecution,
    StepKey,
    StepMessage,
    StepTask,
    reply_queue,
)

log = logging.getLogger(__name__)
QUEUE_TAG = "lodestar/celery_queue"
# Steps ready together go in up to this many tasks per queue (so that every worker gets some),
# each of at most MAX_STEPS_PER_TASK: a task costs the broker and both ends far more than a step.
TASKS_PER_DISPATCH = 8
MAX_STEPS_PER_TASK = 16
# A step sent but taken by no worker for this long is reported once in the run's events.
UNCLAIMED_NOTICE_S = 60.0
_WATCH_INTERVAL_S = 0.5
_BROKER_RETRY_S = 1.0
_CONNECT_TIMEOUT_S = 4.0

_Key = tuple[str, str, int]  # run id, step key, attempt


@dataclass(eq=False)
class _Step:
    """A step attempt sent to the broker, until its final event."""

    context: RunExecutionContext
    step: StepExecution
    sink: EventSink
    sent_at: float | None = None
    execution: str | None = None  # the execution heard first; others are duplicates
    worker: str = ""
    last_heard: float = 0.0


class CeleryStepExecutor(StepExecutor):
    """Runs steps as Celery tasks; see the module docstring."""

    def __init__(self, config: CeleryExecutorConfig):
        self._config = config
        self._reply_to = f"lodestar.events.{uuid.uuid4().hex}"
        self._lock = threading.Lock()
        self._steps: dict[_Key, _Step] = {}
        self._unclaimed_noticed: set[str] = set()
        self._last_seq: dict[str, tuple[str, int]] = {}  # execution: its run, last seq heard
        self._outbox: SimpleQueue[tuple[str, Any] | None] = SimpleQueue()
        self._stop = threading.Event()
        self._connected_since: float | None = None  # when the reply consumer (re)connected
        self._app: Any = None
        self._sender: _TaskSender
        self._broker_errors: tuple[type[Exception], ...] = ()

    def submit(self, context: RunExecutionContext, steps: list[StepExecution], sink: EventSink):
        self._start()
        with self._lock:
            for step in steps:
                self._steps[(context.run_id, step.step_key, step.attempt)] = _Step(
                    context, step, sink
                )
        self._outbox.put(("send", (context, steps)))

    def cancel(self, run_id: str) -> None:
        with self._lock:
            keys = [key for key in self._steps if key[0] == run_id]
            for key in keys:
                tracked = self._steps.pop(key)
                tracked.sink(step_failure(tracked.step, "the run was terminated", "RunTerminated"))
        if self._app is not None:
            self._outbox.put(("terminate", run_id))

    def run_finished(self, run_id: str) -> None:
        with self._lock:
            for key in [key for key in self._steps if key[0] == run_id]:
                del self._steps[key]
            self._unclaimed_noticed.discard(run_id)
            for execution in [e for e, (r, _) in self._last_seq.items() if r == run_id]:
                del self._last_seq[execution]

    def shutdown(self) -> None:
        self._stop.set()
        self._outbox.put(None)

    # Threads: a sender, the reply consumer and a watchdog, started with the first step.

    def _start(self) -> None:
        with self._lock:
            if self._app is not None:
                return
            from celery import Celery  # only instances that run Celery import it

            app = Celery("lodestar-control-plane", broker=self._config.broker, set_as_current=False)
            app.conf.update(
                task_serializer="json",
                accept_content=["json"],
                broker_connection_timeout=_CONNECT_TIMEOUT_S,
                broker_connection_retry_on_startup=False,
            )
            from kombu.exceptions import OperationalError

            self._app = app
            self._sender = _TaskSender(app)
            transport_errors = app.connection_for_write().connection_errors
            self._broker_errors = (OperationalError, OSError, *transport_errors)
            for target, name in (
                (self._send_loop, "celery-sender"),
                (self._receive_loop, "celery-replies"),
                (self._watch_loop, "celery-watchdog"),
            ):
                threading.Thread(target=target, name=name, daemon=True).start()

    def _send_loop(self) -> None:
        down_since: float | None = None
        told: set[str] = set()  # runs told that the broker is down
        pending: list[tuple[str, Any] | None] = []  # taken from the outbox while coalescing
        while (item := pending.pop() if pending else self._outbox.get()) is not None:
            item, pending = self._coalesced(item)
            kind, payload = item
            while not self._stop.is_set():
                try:
                    if kind == "send":
                        self._send(*payload)
                    else:
                        self._app.control.broadcast(TERMINATE_RUN_COMMAND, {"run_id": payload})
                except self._broker_errors as error:
                    self._sender.close()
                    down_since = down_since or time.monotonic()
                    waited = time.monotonic() - down_since
                    if kind == "terminate" or waited >= self._config.broker_wait_seconds:
                        self._broker_gave_up(kind, payload, waited, error)
                        break
                    self._broker_down(payload[0], error, told)
                    self._stop.wait(_BROKER_RETRY_S)
                    continue
                if down_since is not None:
                    self._broker_back(time.monotonic() - down_since, told)
                    down_since = None
                break

    def _coalesced(self, item: tuple[str, Any]) -> tuple[tuple[str, Any], list]:
        """`item`, with the steps of its run submitted after it and waiting already; and the
        outbox item taken that is not one of those, if any (a list of at most one)."""
        if item[0] != "send":
            return item, []
        context, steps = item[1]
        while True:
            try:
                following = self._outbox.get_nowait()
            except Empty:
                return ("send", (context, steps)), []
            if following is None or following[0] != "send" or following[1][0] is not context:
                return ("send", (context, steps)), [following]
            steps = [*steps, *following[1][1]]

    def _send(self, context: RunExecutionContext, steps: list[StepExecution]) -> None:
        with self._lock:  # not those terminated, nor those sent before the broker went down
            unsent = [
                step
                for step in steps
                if (tracked := self._steps.get((context.run_id, step.step_key, step.attempt)))
                and tracked.sent_at is None
            ]
        by_queue: dict[str, list[StepExecution]] = {}
        for step in unsent:
            by_queue.setdefault(self._queue(context, step), []).append(step)
        for queue, queued in by_queue.items():
            per_task = min(MAX_STEPS_PER_TASK, -(-len(queued) // TASKS_PER_DISPATCH))
            for start in range(0, len(queued), per_task):
                chunk = queued[start : start + per_task]
                task = StepTask(steps_request(context, chunk), self._reply_to, HEARTBEAT_S)
                self._sender.send(task, queue)
                with self._lock:
                    for step in chunk:
                        tracked = self._steps.get((context.run_id, step.step_key, step.attempt))
                        if tracked is not None:
                            tracked.sent_at = time.monotonic()

    def _queue(self, context: RunExecutionContext, step: StepExecution) -> str:
        if context.plan is not None:
            solid = StepKey.parse(step.step_key).solid
            queue = context.plan.step(solid).tags.get(QUEUE_TAG)
            if queue:
                return queue
        return self._config.default_queue

    def _broker_down(self, context: RunExecutionContext, error: Exception, told: set[str]) -> None:
        if context.run_id in told:
            return
        told.add(context.run_id)
        message = (
            f"the Celery broker is unreachable ({_first_line(error)}); the run's steps wait for "
            f"it for up to {self._config.broker_wait_seconds:.0f}s"
        )
        log.warning("run %s: %s", context.run_id, message)
        self._tell(context.run_id, run_event(EventType.ENGINE_EVENT, message, level="WARNING"))

    def _broker_back(self, waited: float, told: set[str]) -> None:
        message = f"the Celery broker is reachable again after {waited:.1f}s; steps sent"
        for run_id in told:
            self._tell(run_id, run_event(EventType.ENGINE_EVENT, message))
        told.clear()

    def _broker_gave_up(self, kind: str, payload: Any, waited: float, error: Exception) -> None:
        if kind == "terminate":
            log.warning("could not tell workers to stop run %s: %s", payload, error)
            return
        context, steps = payload
        cause = (
            f"the Celery broker was unreachable for {waited:.0f}s, longer than "
            f"executor.celery.broker_wait_seconds ({self._config.broker_wait_seconds:g}s): "
            f"{_first_line(error)}"
        )
        with self._lock:
            for step in steps:
                tracked = self._steps.pop((context.run_id, step.step_key, step.attempt), None)
                if tracked is not None:
                    tracked.sink(step_failure(step, cause, "BrokerUnavailable"))

    def _tell(self, run_id: str, event: StepEvent) -> None:
        """Hands a run-level event to the run's coordinator, through any of its steps' sinks."""
        with self._lock:
            sink = next((t.sink for (r, _, _), t in self._steps.items() if r == run_id), None)
            if sink is not None:
                sink(event)

    def _receive_loop(self) -> None:
        from kombu import Connection

        queue = reply_queue(self._reply_to)
        while not self._stop.is_set():
            try:
                with Connection(self._config.broker, connect_timeout=_CONNECT_TIMEOUT_S) as conn:
                    conn.ensure_connection(max_retries=1)
                    with conn.Consumer(
                        [queue], callbacks=[self._on_message], no_ack=True, accept=["json"]
                    ):
                        self._connected(True)
                        while not self._stop.is_set():
                            try:
                                conn.drain_events(timeout=1.0)
                            except TimeoutError:
                                conn.heartbeat_check()
            except Exception as error:  # the broker is down or went away: reconnect
                if self._connected_since is not None:
                    log.warning("lost the Celery broker: %s", _first_line(error))
                self._connected(False)
                self._stop.wait(_BROKER_RETRY_S)

    def _connected(self, connected: bool) -> None:
        with self._lock:
            self._connected_since = time.monotonic() if connected else None

    def _on_message(self, body: dict, _message: Any) -> None:
        now = time.monotonic()
        with self._lock:
            for payload in body["messages"]:
                self._take(StepMessage.from_payload(payload), now)

    def _take(self, message: StepMessage, now: float) -> None:
        if message.kind == HEARTBEAT_MESSAGE:
            for attempt in message.attempts:
                tracked = self._claimed(attempt, message.worker)
                if tracked is not None:
                    tracked.last_heard = now
            return
        if message.kind != EVENTS_MESSAGE or not message.attempts:
            return
        first = message.attempts[0]
        _, last_seq = self._last_seq.get(first.execution, ("", -1))
        if message.seq <= last_seq:
            return  # heard already
        self._last_seq[first.execution] = (first.run_id, message.seq)
        for event in message.step_events():
            attempt = Attempt(first.run_id, event.step_key, event.attempt, first.execution)
            tracked = self._claimed(attempt, message.worker)
            if tracked is None:
                continue  # a finished or unknown step, or another execution's
            tracked.last_heard = now
            tracked.sink(event)
            if event.event_type in FINAL_STEP_EVENTS:
                self._steps.pop((attempt.run_id, attempt.step_key, attempt.attempt), None)

    def _claimed(self, attempt: Attempt, worker: str) -> _Step | None:
        """The tracked step if this execution of it is the one heard (the first to report)."""
        tracked = self._steps.get((attempt.run_id, attempt.step_key, attempt.attempt))
        if tracked is None:
            return None
        if tracked.execution is None:
            tracked.execution, tracked.worker = attempt.execution, worker
        elif tracked.execution != attempt.execution:
            log.warning(
                "step %s attempt %d of run %s delivered twice: ignoring its run on %s",
                attempt.step_key,
                attempt.attempt,
                attempt.run_id,
                worker,
            )
            return None
        return tracked

    def _watch_loop(self) -> None:
        timeout = self._config.lost_worker_timeout_seconds
        while not self._stop.wait(_WATCH_INTERVAL_S):
            now = time.monotonic()
            with self._lock:
                since = self._connected_since
                if since is None:
                    continue  # silence while we cannot hear is no sign of a lost worker
                for key, tracked in list(self._steps.items()):
                    if tracked.execution is None:
                        self._notice_unclaimed(tracked, now)
                    elif now - max(tracked.last_heard, since) > timeout:
                        del self._steps[key]
                        cause = (
                            f"its worker {tracked.worker} was lost: no word from it for "
                            f"{timeout:.0f}s (executor.celery.lost_worker_timeout_seconds)"
                        )
                        tracked.sink(_lost_step_event(tracked, cause))

    def _notice_unclaimed(self, tracked: _Step, now: float) -> None:
        run_id = tracked.context.run_id
        if tracked.sent_at is None or now - tracked.sent_at < UNCLAIMED_NOTICE_S:
            return
        if run_id in self._unclaimed_noticed:
            return
        self._unclaimed_noticed.add(run_id)
        queue = self._queue(tracked.context, tracked.step)
        message = (
            f"step {tracked.step.step_key} has waited {UNCLAIMED_NOTICE_S:.0f}s on Celery queue "
            f"{queue!r} with no worker taking it: is a `lodestar worker start --queue {queue}` "
            "running?"
        )
        tracked.sink(run_event(EventType.ENGINE_EVENT, message, level="WARNING"))


class _TaskSender:
    """Publishes step tasks on one connection kept open (`send_task` would take one from a
    pool and declare the queue for each task: twice the cost)."""

    def __init__(self, app: Any):
        self._app = app
        self._connection: Any = None
        self._producer: Any = None
        self._declared: set[str] = set()

    def send(self, task: StepTask, queue: str) -> None:
        amqp = self._app.amqp
        if self._producer is None:
            self._connection = self._app.connection_for_write()
            self._connection.ensure_connection(max_retries=1)
            self._producer = self._connection.Producer()
            self._declared = set()
        if queue not in self._declared:
            self._producer.maybe_declare(amqp.queues[queue])
            self._declared.add(queue)
        message = amqp.create_task_message(
            uuid.uuid4().hex, EXECUTE_STEP_TASK, (), task.to_kwargs(), ignore_result=True
        )
        amqp.send_task_message(
            self._producer, EXECUTE_STEP_TASK, message, queue=queue, declare=[], retry=False
        )

    def close(self) -> None:
        """Drops the connection (after an error): the next send opens a new one."""
        if self._connection is not None:
            try:
                self._connection.release()
            except Exception:  # already broken: nothing to release
                pass
        self._connection = self._producer = None


def _lost_step_event(tracked: _Step, cause: str) -> StepEvent:
    """A failure for a step whose worker was lost, or a retry when its policy allows one."""
    step, plan = tracked.step, tracked.context.plan
    policy = plan.step(StepKey.parse(step.step_key).solid).retry_policy if plan else None
    if policy is None or step.attempt > policy.max_retries:
        return step_failure(step, cause, "WorkerLost")
    return dataclasses.replace(
        step_failure(step, cause, "WorkerLost"),
        event_type=EventType.STEP_UP_FOR_RETRY,
        message=f"step {step.step_key} attempt {step.attempt}: {cause}; it will be retried",
        data={"seconds_to_wait": policy.delay},
    )


def _first_line(error: BaseException) -> str:
    return (str(error) or type(error).__name__).splitlines()[0]
