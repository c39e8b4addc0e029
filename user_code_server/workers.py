"""A pool of warm worker processes that run steps and stream their events back.

Each worker is a fresh interpreter (never a fork of the threaded server) that imports the
user's repository once, then runs steps one at a time for as long as it lives. A pool
thread per worker hands it steps and relays its events; when a worker dies mid-step, its
step fails with the cause and the thread starts a new worker.

A worker's stdout and stderr are two files that the pool owns, so what a step wrote at
the file-descriptor level is still there when its process dies.
"""

from __future__ import annotations

import ctypes
import dataclasses
import itertools
import os
import pickle
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from functools import cache
from multiprocessing.connection import Connection
from queue import SimpleQueue

from user_code_server.loader import CodeTarget, load_repository
from user_code_server.protocol import (
    ErrorInfo,
    ErrorKind,
    EventType,
    ExecuteStepsRequest,
    StepEvent,
    StepExecution,
)

# A step's own stdout/stderr beyond this is cut from the front: the end explains a crash.
MAX_CAPTURED_BYTES = 1024 * 1024
_FINAL_EVENTS = frozenset(
    {EventType.STEP_SUCCESS, EventType.STEP_FAILURE, EventType.STEP_UP_FOR_RETRY}
)
_READY = b"ready"
_STOP = b"stop"
_START_RETRY_DELAY_S = 1.0
_PICKLE = pickle.HIGHEST_PROTOCOL
# -u: unbuffered, so what a step printed survives its process dying;
# -X faulthandler: a segfault leaves a Python traceback in the step's stderr.
_WORKER_COMMAND = [
    sys.executable,
    "-u",
    "-X",
    "faulthandler",
    "-c",
    "import sys; from user_code_server.workers import worker_main; worker_main(int(sys.argv[1]))",
]


def default_pool_size() -> int:
    """One worker per CPU this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def failure_event(step: StepExecution, error: ErrorInfo) -> StepEvent:
    """A STEP_FAILURE for `step` that the step itself could not report."""
    return StepEvent(
        step_key=step.step_key,
        event_type=EventType.STEP_FAILURE,
        timestamp=time.time(),
        message=f"step {step.step_key} failed: {error.message}",
        level="ERROR",
        error=error,
        attempt=step.attempt,
    )


def output_events(step: StepExecution, stdout: str, stderr: str) -> list[StepEvent]:
    """STEP_STDOUT / STEP_STDERR events for what a step wrote (none for empty streams)."""
    now = time.time()
    return [
        StepEvent(step.step_key, kind, now, message=text, attempt=step.attempt)
        for kind, text in ((EventType.STEP_STDOUT, stdout), (EventType.STEP_STDERR, stderr))
        if text
    ]


def _read_tail(fd: int) -> str:
    size = os.fstat(fd).st_size
    start = max(0, size - MAX_CAPTURED_BYTES)
    text = os.pread(fd, size - start, start).decode("utf-8", errors="replace")
    return f"[lodestar: {start} earlier bytes dropped]\n{text}" if start else text


# --- the worker process -----------------------------------------------------------------


def worker_main(conn_fd: int) -> None:
    """Entry point of a worker process: load the repository, then run steps until told to stop."""
    _die_with_parent()
    conn = Connection(conn_fd)
    target, sys_path = pickle.loads(conn.recv_bytes())
    sys.path[:] = sys_path
    loaded = load_repository(target)
    run_step, load_error = None, loaded.error
    if not load_error:
        try:
            from user_code_server.step_runner import run_step
        except Exception:
            load_error = traceback.format_exc()
    _take_output()  # what the import printed belongs to no step
    conn.send_bytes(_READY)
    request = None
    while (message := _receive(conn)) is not None:
        new_request, step = pickle.loads(message)
        request = new_request or request
        if load_error:
            held = [failure_event(step, _not_loaded_error(load_error))]
        else:
            held = _run_step(run_step, loaded.repository, request, step, conn)
        conn.send_bytes(pickle.dumps(output_events(step, *_take_output()) + held, _PICKLE))


def _die_with_parent() -> None:
    """Asks Linux to kill this process when the server dies, so no worker is orphaned."""
    if sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        _libc().prctl(pr_set_pdeathsig, signal.SIGKILL)
        if os.getppid() == 1:  # the server died before the request took effect
            os._exit(1)


def _receive(conn: Connection) -> bytes | None:
    try:
        message = conn.recv_bytes()
    except EOFError:
        return None
    return None if message == _STOP else message


@cache
def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None)


def _take_output() -> tuple[str, str]:
    """What the worker wrote to fds 1 and 2 since the last call; empties both files."""
    _libc().fflush(None)  # C stdio buffers of extension modules
    texts = []
    for fd in (1, 2):
        if os.fstat(fd).st_size:
            texts.append(_read_tail(fd))
            os.ftruncate(fd, 0)  # opened O_APPEND: the next write lands at offset 0
        else:
            texts.append("")
    return texts[0], texts[1]


def _run_step(run_step: Callable, repository, request, step, conn: Connection) -> list[StepEvent]:
    """Runs one step, sending its events as they come except the final one, which it returns."""
    held: list[StepEvent] = []

    def emit(event: StepEvent) -> None:
        if event.event_type in _FINAL_EVENTS:
            held.append(event)  # sent after the step's stdout and stderr
        else:
            conn.send_bytes(pickle.dumps(event, _PICKLE))

    try:
        run_step(repository, request, step, emit)
    except Exception as error:  # run_step reports user errors itself: this is a bug
        info = ErrorInfo(
            kind=ErrorKind.UNKNOWN,
            cls_name=type(error).__name__,
            message=str(error),
            stack=traceback.format_exc(),
        )
        held.append(failure_event(step, info))
    return held


def _not_loaded_error(load_error: str) -> ErrorInfo:
    return ErrorInfo(
        kind=ErrorKind.REPOSITORY_NOT_LOADED,
        cls_name="RepositoryNotLoaded",
        message="the worker process could not load the repository",
        stack=load_error,
    )


# --- the server side --------------------------------------------------------------------


class StepRun:
    """The events of one batch of steps, in the order they happen; `cancel()` stops the batch."""

    def __init__(self, pool: WorkerPool, request: ExecuteStepsRequest, run_id: int):
        self.context = dataclasses.replace(request, steps=[])
        self.context_id = run_id
        self.cancelled = False
        self.tasks = [_Task(self, step) for step in request.steps]
        self._pool = pool
        self._events: SimpleQueue[tuple[list[StepEvent], bool] | None] = SimpleQueue()

    def __iter__(self) -> Iterator[StepEvent]:
        remaining = len(self.tasks)
        while remaining:
            item = self._events.get()
            if item is None:
                return
            events, step_done = item
            yield from events
            remaining -= step_done

    def cancel(self) -> None:
        """Drops the steps not started and kills the workers running the others."""
        self._pool._cancel(self)
        self._events.put(None)

    def _put(self, events: list[StepEvent], step_done: bool) -> None:
        self._events.put((events, step_done))


@dataclasses.dataclass(eq=False)
class _Task:
    run: StepRun
    step: StepExecution
    worker: _Worker | None = None  # set while a worker runs it
    killed: bool = False


class WorkerPool:
    """`size` warm worker processes for the repository at `target`."""

    def __init__(self, target: CodeTarget, size: int | None = None):
        self.target = target
        self.capture_dir = tempfile.mkdtemp(prefix="lodestar-workers-")
        self._tasks: SimpleQueue[_Task | None] = SimpleQueue()
        self._lock = threading.Lock()
        self._run_ids = itertools.count(1)
        self._closed = False
        self._slots = [_Slot(self, index) for index in range(size or default_pool_size())]

    @property
    def size(self) -> int:
        return len(self._slots)

    def start(self) -> None:
        """Starts the workers in the background; steps wait for the first idle one."""
        for slot in self._slots:
            slot.thread.start()

    def run_steps(self, request: ExecuteStepsRequest) -> StepRun:
        """Queues the request's steps; iterate the result for their events."""
        run = StepRun(self, request, next(self._run_ids))
        for task in run.tasks:
            self._tasks.put(task)
        return run

    def stop(self, timeout: float = 5.0) -> None:
        """Stops every worker (killing busy ones) and waits for them to exit."""
        self._closed = True
        with self._lock:
            busy = [slot.task.worker for slot in self._slots if slot.task is not None]
        for worker in busy:
            worker.kill()
        for _ in self._slots:
            self._tasks.put(None)
        for slot in self._slots:
            if slot.thread.is_alive():
                slot.thread.join(timeout)
        shutil.rmtree(self.capture_dir, ignore_errors=True)

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
            task.worker = None
            return task.killed

    def _cancel(self, run: StepRun) -> None:
        with self._lock:
            run.cancelled = True
            running = [task for task in run.tasks if task.worker is not None]
            for task in running:
                task.killed = True
        for task in running:
            task.worker.kill()


class _Worker:
    """One worker process, the socket to it and the files holding its stdout and stderr."""

    def __init__(self, target: CodeTarget, stdout_path: str, stderr_path: str):
        self.paths = (stdout_path, stderr_path)
        ours, theirs = socket.socketpair()
        flags = os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
        out_fd, err_fd = (os.open(path, flags, 0o600) for path in self.paths)
        try:
            self.process = subprocess.Popen(
                [*_WORKER_COMMAND, str(theirs.fileno())],
                stdin=subprocess.DEVNULL,
                stdout=out_fd,
                stderr=err_fd,
                pass_fds=(theirs.fileno(),),
                # Its own process group: Ctrl-C is the server's to handle, and a kill
                # reaches whatever the step started too.
                process_group=0,
            )
        finally:
            os.close(out_fd)
            os.close(err_fd)
            theirs.close()
        self.conn = Connection(ours.detach())
        self.conn.send_bytes(pickle.dumps((target, sys.path), _PICKLE))

    def kill(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

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
        texts = []
        for path in self.paths:
            fd = os.open(path, os.O_RDONLY)
            try:
                texts.append(_read_tail(fd))
            finally:
                os.close(fd)
        return output_events(step, *texts)

    def close(self) -> None:
        """Kills the process (and its group) and reaps it."""
        self.conn.close()
        self.kill()
        self.process.wait()

    def stop(self, timeout: float) -> None:
        """Asks an idle worker to exit, then makes sure it did."""
        try:
            self.conn.send_bytes(_STOP)
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
        base = os.path.join(pool.capture_dir, str(index))
        self._paths = (base + ".out", base + ".err")
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

    def _ensure_worker(self) -> str:
        """Starts a worker unless one is alive; returns why it could not start, or ""."""
        if self.worker is not None:
            return ""
        self.worker = _Worker(self.pool.target, *self._paths)
        self._context_id = 0
        try:
            self.worker.conn.recv_bytes()
        except (EOFError, OSError):
            return f"worker process failed to start: {self.worker.death_cause()}"
        return ""

    def _run(self, task: _Task) -> None:
        run, worker = task.run, self.worker
        context = run.context if run.context_id != self._context_id else None
        try:
            worker.conn.send_bytes(pickle.dumps((context, task.step), _PICKLE))
            self._context_id = run.context_id
            while not isinstance(message := pickle.loads(worker.conn.recv_bytes()), list):
                run._put([message], False)
        except (EOFError, OSError):
            if not self.pool._finish(self):
                cause = "the code server shut down" if self.pool._closed else worker.death_cause()
                error = ErrorInfo(ErrorKind.UNKNOWN, "WorkerProcessDied", cause)
                run._put(
                    worker.captured_events(task.step) + [failure_event(task.step, error)], True
                )
            self._discard_worker()
            return
        run._put(message, True)
        if self.pool._finish(self):
            self._discard_worker()  # a cancel killed the worker as the step ended

    def _fail_start(self, task: _Task, cause: str) -> None:
        error = ErrorInfo(ErrorKind.UNKNOWN, "WorkerStartFailed", cause)
        events = self.worker.captured_events(task.step) + [failure_event(task.step, error)]
        self.pool._finish(self)
        self._discard_worker()
        task.run._put(events, True)

    def _discard_worker(self) -> None:
        self.worker.close()
        self.worker = None
