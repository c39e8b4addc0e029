"""A pool of warm worker processes that run steps and stream their events back.

Each worker is a fresh interpreter (never a fork of the threaded server) running
`user_code_server.worker_process`. A pool thread per worker hands it steps and relays its
events; when a worker dies mid-step, its step fails with the cause (and whatever it wrote
to stdout and stderr) and the thread starts a new worker.
"""

from __future__ import annotations

import dataclasses
import fcntl
import itertools
import os
import pickle
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from multiprocessing.connection import Connection
from queue import Empty, SimpleQueue

from user_code_server.loader import CodeTarget
from user_code_server.process_tree import become_subreaper, kill_strays, kill_tree
from user_code_server.protocol import (
    ErrorInfo,
    ErrorKind,
    ExecuteStepsRequest,
    StepEvent,
    StepExecution,
)
from user_code_server.worker_process import (
    PICKLE_PROTOCOL,
    STEP_DONE,
    STOP,
    encode_events,
    failure_event,
    output_events,
    read_tail,
)

# Bound on the serialized events relayed in one message, well under gRPC's size limits.
MAX_BATCH_BYTES = 1024 * 1024
# How long a batch waits for more events: a gRPC message costs both ends far more CPU than
# an event does, and the workers need that CPU.
BATCH_LINGER_S = 0.002
_START_RETRY_DELAY_S = 1.0
# -u: unbuffered, so what a step printed survives its process dying;
# -X faulthandler: a segfault leaves a Python traceback in the step's stderr.
_WORKER_COMMAND = [
    sys.executable,
    "-u",
    "-X",
    "faulthandler",
    "-c",
    "import sys; from user_code_server.worker_process import worker_main; "
    "worker_main(int(sys.argv[1]))",
]


# Steps mostly wait (on databases, APIs, files): a waiting worker costs memory, not CPU, so
# the default pool is larger than the CPU count.
MIN_DEFAULT_WORKERS = 8
WORKERS_PER_CPU = 2


def default_pool_size() -> int:
    """max(8, 2 x the CPUs this process may use): room for IO-bound steps."""
    if hasattr(os, "sched_getaffinity"):
        cpus = len(os.sched_getaffinity(0))
    else:
        cpus = os.cpu_count() or 1  # None when the count cannot be determined
    return max(MIN_DEFAULT_WORKERS, WORKERS_PER_CPU * cpus)


class StepRun:
    """The events of one batch of steps, in the order they happen; `cancel()` stops the batch."""

    def __init__(self, pool: WorkerPool, request: ExecuteStepsRequest, run_id: int):
        self.context = dataclasses.replace(request, steps=[])
        self.context_id = run_id
        self.cancelled = False
        self.tasks = [_Task(self, step) for step in request.steps]
        self._pool = pool
        self._events: SimpleQueue[tuple[bytes, bool] | None] = SimpleQueue()

    def batches(self) -> Iterator[bytes]:
        """Serialized `StepEventBatch`es: each holds the events that arrive within
        BATCH_LINGER_S of its first one (at most MAX_BATCH_BYTES of them)."""
        remaining = len(self.tasks)
        while remaining:
            parts: list[bytes] = []
            size = 0
            item = self._events.get()
            deadline = time.monotonic() + BATCH_LINGER_S
            while item is not None:
                data, step_done = item
                parts.append(data)
                size += len(data)
                remaining -= step_done
                if not remaining or size >= MAX_BATCH_BYTES:
                    break
                try:
                    item = self._events.get(timeout=max(0.0, deadline - time.monotonic()))
                except Empty:
                    break
            if parts:
                yield b"".join(parts)  # concatenated batches parse as one batch
            if item is None:
                return

    def cancel(self) -> None:
        """Drops the steps not started and kills the workers running the others."""
        self._pool._cancel(self)
        self._events.put(None)

    def _put(self, data: bytes, step_done: bool) -> None:
        self._events.put((data, step_done))


@dataclasses.dataclass(eq=False)
class _Task:
    run: StepRun
    step: StepExecution
    worker: _Worker | None = None  # set while a worker runs it
    killed: bool = False


class WorkerPool:
    """`size` warm worker processes for the repository at `target`, keeping step outputs
    under `io_base_dir`."""

    def __init__(self, target: CodeTarget, io_base_dir: str, size: int | None = None):
        size = default_pool_size() if size is None else size
        if size < 1:
            raise ValueError(f"a worker pool needs at least one worker, not {size}")
        self.target = target
        self.io_base_dir = io_base_dir
        self._tasks: SimpleQueue[_Task | None] = SimpleQueue()
        self._lock = threading.Lock()
        self._run_ids = itertools.count(1)
        self._closed = False
        self._slots = [_Slot(self, index) for index in range(size)]
        # The workers' pids: every other child of this process is a stray (see process_tree).
        self._workers_lock = threading.Lock()
        self._worker_pids: set[int] = set()

    @property
    def size(self) -> int:
        return len(self._slots)

    def start(self) -> None:
        """Starts the workers in the background; steps wait for the first idle one."""
        become_subreaper()  # what a dead worker's steps left running comes here
        for slot in self._slots:
            slot.thread.start()

    def run_steps(self, request: ExecuteStepsRequest) -> StepRun:
        """Queues the request's steps; iterate the result for their events."""
        run = StepRun(self, request, next(self._run_ids))
        for task in run.tasks:
            self._tasks.put(task)
        return run

    def stop(self, timeout: float = 5.0) -> None:
        """Stops every worker (killing busy ones) and waits for them to exit; idempotent."""
        self._closed = True
        with self._lock:
            tasks = [slot.task for slot in self._slots if slot.task is not None]
            # No worker while the slot reports that its worker did not start.
            busy = [task.worker for task in tasks if task.worker is not None]
        for worker in busy:
            worker.kill()
        for _ in self._slots:
            self._tasks.put(None)
        for slot in self._slots:
            if slot.thread.is_alive():
                slot.thread.join(timeout)

    def _new_worker(self) -> _Worker:
        with self._workers_lock:
            worker = _Worker()
            self._worker_pids.add(worker.process.pid)
            return worker

    def _forget(self, worker: _Worker) -> None:
        """After `worker` is reaped: kills whatever its steps left behind (now our children)."""
        with self._workers_lock:
            self._worker_pids.discard(worker.process.pid)
            kill_strays(self._worker_pids)

    def _next_task(self, slot: _Slot) -> _Task | None:
        while not self._closed:
            task = self._tasks.get()
            if task is None:
                return None
            with self._lock:
                if not task.run.cancelled:
                    task.worker = slot.worker
                    slot.task = task
                    return task
        return None

    def _finish(self, slot: _Slot) -> bool:
        """Clears the slot's task; True when a cancel killed (or is killing) its worker."""
        with self._lock:
            task, slot.task = slot.task, None
            assert task is not None  # called only by the slot running a task
            task.worker = None
            return task.killed

    def _cancel(self, run: StepRun) -> None:
        with self._lock:
            run.cancelled = True
            busy: list[_Worker] = []
            for task in run.tasks:
                if task.worker is not None:
                    task.killed = True
                    # Taken under the lock: `_finish` clears it as the step ends.
                    busy.append(task.worker)
        for worker in busy:
            worker.kill()


class _Worker:
    """One worker process, the socket to it and the files holding its stdout and stderr.

    Its death is seen from the process itself, not from the socket: a process the step
    started may hold the worker's end of the socket open long after the worker is gone.
    A watcher thread waits for the process and then shuts our end of the socket down, which
    ends a blocked receive at once (after whatever the worker sent before it died).
    """

    def __init__(self):
        # Unnamed files (nothing to clean up, even after a crash) that outlive the process.
        self.outputs = [tempfile.TemporaryFile(buffering=0) for _ in range(2)]
        for output in self.outputs:
            # Appending: once the worker empties a file, its next write lands at offset 0.
            fcntl.fcntl(output, fcntl.F_SETFL, fcntl.fcntl(output, fcntl.F_GETFL) | os.O_APPEND)
        ours, theirs = socket.socketpair()
        try:
            self.process = subprocess.Popen(
                [*_WORKER_COMMAND, str(theirs.fileno())],
                stdin=subprocess.DEVNULL,
                stdout=self.outputs[0],
                stderr=self.outputs[1],
                pass_fds=(theirs.fileno(),),
                # Its own process group: Ctrl-C is the server's to handle.
                process_group=0,
            )
        except OSError:
            ours.close()
            self._close_outputs()
            raise
        finally:
            theirs.close()
        # Only this process reaps the worker, and only after the watcher starts: the pid
        # is the worker's until then, and the pidfd stays the worker's for good.
        self._pidfd = os.pidfd_open(self.process.pid)
        self._socket = ours
        self.conn = Connection(os.dup(ours.fileno()))
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._watch, name="lodestar-worker-watch", daemon=True).start()

    def _watch(self) -> None:
        self.process.wait()
        with self._lock:
            if not self._closed:
                self._socket.shutdown(socket.SHUT_RDWR)

    def kill(self) -> None:
        """Kills the worker and every process its steps started, wherever they moved."""
        with self._lock:
            if not self._closed:
                kill_tree(self._pidfd, self.process.pid)

    def death_cause(self) -> str:
        try:
            code = self.process.wait(5)
        except subprocess.TimeoutExpired:
            return "worker process stopped answering"
        if code >= 0:
            return f"worker process died with exit code {code}"
        name = signal.Signals(-code).name
        hint = " (out of memory, or killed from outside)" if name == "SIGKILL" else ""
        return f"worker process killed by signal {name}{hint}"

    def captured_events(self, step: StepExecution) -> list[StepEvent]:
        """What the worker wrote since it last emptied its output files (during `step`)."""
        return output_events(step, *(read_tail(output.fileno()) for output in self.outputs))

    def close(self) -> None:
        """Kills the process (and its tree) and reaps it."""
        self.kill()
        self.process.wait()
        with self._lock:
            self._closed = True
            self.conn.close()
            self._socket.close()
            os.close(self._pidfd)
        self._close_outputs()

    def _close_outputs(self) -> None:
        for output in self.outputs:
            output.close()

    def stop(self, timeout: float) -> None:
        """Asks an idle worker to exit, then makes sure it did."""
        try:
            self.conn.send_bytes(STOP)
            self.process.wait(timeout)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self.close()


class _Slot:
    """One place in the pool: a thread that keeps one live worker process busy."""

    def __init__(self, pool: WorkerPool, index: int):
        self.pool = pool
        self.worker: _Worker | None = None
        self.task: _Task | None = None
        self.thread = threading.Thread(
            target=self._serve, name=f"lodestar-worker-slot-{index}", daemon=True
        )
        self._context_id = 0

    def _serve(self) -> None:
        try:
            while not self.pool._closed:
                start_error = self._ensure_worker()
                task = self.pool._next_task(self)
                if task is None:
                    break
                if start_error:
                    self._fail_start(task, start_error)
                    time.sleep(_START_RETRY_DELAY_S)
                else:
                    self._run(task)
        finally:
            if self.worker is not None:
                self.worker.stop(timeout=2)
                self.pool._forget(self.worker)

    def _ensure_worker(self) -> str:
        """Starts a worker unless one is alive; returns why it could not start, or ""."""
        if self.worker is not None:
            return ""
        try:
            self.worker = self.pool._new_worker()
        except OSError as error:
            return f"could not start a worker process: {error}"
        self._context_id = 0
        try:
            setup = (self.pool.target, sys.path, self.pool.io_base_dir)
            self.worker.conn.send_bytes(pickle.dumps(setup, PICKLE_PROTOCOL))
            self.worker.conn.recv_bytes()
        except (EOFError, OSError):
            return f"worker process failed to start: {self.worker.death_cause()}"
        return ""

    def _run(self, task: _Task) -> None:
        run, worker = task.run, self.worker
        assert worker is not None  # `_serve` runs a task only once its worker started
        context = run.context if run.context_id != self._context_id else None
        try:
            worker.conn.send_bytes(pickle.dumps((context, task.step), PICKLE_PROTOCOL))
            self._context_id = run.context_id
            while (message := worker.conn.recv_bytes())[0] != STEP_DONE:
                run._put(message[1:], False)
        except (EOFError, OSError):
            if not self.pool._finish(self):
                cause = "the code server shut down" if self.pool._closed else worker.death_cause()
                run._put(self._failure(task.step, "WorkerProcessDied", cause), True)
            self._discard_worker()
            return
        run._put(message[1:], True)
        if self.pool._finish(self):
            self._discard_worker()  # a cancel killed the worker as the step ended

    def _fail_start(self, task: _Task, cause: str) -> None:
        data = self._failure(task.step, "WorkerStartFailed", cause)
        self.pool._finish(self)
        self._discard_worker()
        task.run._put(data, True)

    def _failure(self, step: StepExecution, cls_name: str, cause: str) -> bytes:
        """What the worker wrote during `step`, then the step's failure, serialized."""
        error = ErrorInfo(ErrorKind.UNKNOWN, cls_name, cause)
        captured = self.worker.captured_events(step) if self.worker else []
        return encode_events(captured + [failure_event(step, error)])

    def _discard_worker(self) -> None:
        if self.worker is not None:
            self.worker.close()
            self.pool._forget(self.worker)
            self.worker = None
