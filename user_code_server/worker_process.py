"""What runs inside a worker process, and the pipe protocol between it and the pool.

A worker is a fresh interpreter started by `user_code_server.workers`. It imports the
user's repository once, then runs steps one at a time. Its file descriptors 1 and 2 are
files that the pool owns, so what a step wrote is there even when the process dies.

The pool first sends the pickled `(CodeTarget, sys.path, IO base directory)`; the worker
answers READY once the repository is imported. Then it receives pickled
`(request or None, StepExecution)` pairs and
answers each with messages of one flag byte and a serialized `StepEventBatch`: STEP_EVENTS
while the step runs, then exactly one STEP_DONE with its output and its final event.
Serialized batches concatenate into a valid batch: the server joins them without decoding.
"""

from __future__ import annotations

import ctypes
import os
import pickle
import signal
import sys
import time
import traceback
from collections.abc import Callable
from functools import cache
from multiprocessing.connection import Connection

from user_code_server.loader import load_repository
from user_code_server.output_store import FilesystemOutputStore
from user_code_server.parent_death import die_with_parent
from user_code_server.process_tree import become_subreaper, reap_children
from user_code_server.protocol import (
    ErrorInfo,
    ErrorKind,
    EventType,
    ExecuteStepsRequest,
    StepEvent,
    StepExecution,
)
from user_code_server.protocol import user_code_pb2 as pb
from user_code_server.protocol.convert import fill_proto

READY = b"ready"
STOP = b"stop"
STEP_EVENTS = 0
STEP_DONE = 1
PICKLE_PROTOCOL = pickle.HIGHEST_PROTOCOL
# A step's own stdout/stderr beyond this is cut from the front: the end explains a crash.
MAX_CAPTURED_BYTES = 1024 * 1024
_FINAL_EVENTS = frozenset(
    {EventType.STEP_SUCCESS, EventType.STEP_FAILURE, EventType.STEP_UP_FOR_RETRY}
)


def encode_events(events: list[StepEvent]) -> bytes:
    """`events` as a serialized `StepEventBatch`."""
    batch = pb.StepEventBatch()
    for event in events:
        fill_proto(event, batch.events.add())
    return batch.SerializeToString()


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


def read_tail(fd: int) -> str:
    """The text of file `fd`, at most its last MAX_CAPTURED_BYTES."""
    size = os.fstat(fd).st_size
    start = max(0, size - MAX_CAPTURED_BYTES)
    text = os.pread(fd, size - start, start).decode("utf-8", errors="replace")
    return f"[lodestar: {start} earlier bytes dropped]\n{text}" if start else text


def worker_main(conn_fd: int) -> None:
    """Entry point of a worker process: load the repository, then run steps until told to stop."""
    die_with_parent(signal.SIGKILL)  # no worker outlives its server
    become_subreaper()  # what a step orphans stays in this worker's tree
    os.set_inheritable(conn_fd, False)  # programs a step runs do not get the socket
    conn = Connection(conn_fd)
    target, sys_path, io_base_dir = pickle.loads(conn.recv_bytes())
    sys.path[:] = sys_path
    io = FilesystemOutputStore(io_base_dir)
    loaded = load_repository(target)
    run_step: Callable[..., None] | None = None
    load_error = loaded.error
    if not load_error:
        try:
            from user_code_server.step_runner import run_step
        except Exception:
            load_error = traceback.format_exc()
    _take_output()  # what the import printed belongs to no step
    conn.send_bytes(READY)
    request: ExecuteStepsRequest | None = None
    while (message := _receive(conn)) is not None:
        new_request, step = pickle.loads(message)
        request = new_request or request
        if run_step is None:
            final = [failure_event(step, _not_loaded_error(load_error))]
        else:
            # The pool sends the request along with the first step of each run a worker sees.
            assert request is not None
            final = _run_step(run_step, loaded.repository, io, request, step, conn)
        events = output_events(step, *_take_output()) + final
        conn.send_bytes(bytes([STEP_DONE]) + encode_events(events))
        reap_children()


@cache
def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None)


def _receive(conn: Connection) -> bytes | None:
    try:
        message = conn.recv_bytes()
    except EOFError:
        return None
    return None if message == STOP else message


def _take_output() -> tuple[str, str]:
    """What the worker wrote to fds 1 and 2 since the last call; empties both files."""
    _libc().fflush(None)  # C stdio buffers of extension modules
    texts = []
    for fd in (1, 2):
        if os.fstat(fd).st_size:
            texts.append(read_tail(fd))
            os.ftruncate(fd, 0)  # opened O_APPEND: the next write lands at offset 0
        else:
            texts.append("")
    return texts[0], texts[1]


def _run_step(
    run_step: Callable,
    repository,
    io: FilesystemOutputStore,
    request: ExecuteStepsRequest,
    step: StepExecution,
    conn: Connection,
) -> list[StepEvent]:
    """Runs one step, sending its events as they come except the final one, which it returns."""
    final: list[StepEvent] = []
    prefix = bytes([STEP_EVENTS])

    def emit(event: StepEvent) -> None:
        if event.event_type in _FINAL_EVENTS:
            final.append(event)  # sent after the step's stdout and stderr
        else:
            conn.send_bytes(prefix + encode_events([event]))

    try:
        run_step(repository, io, request, step, emit)
    except Exception as error:  # run_step reports user errors itself: this is a bug
        info = ErrorInfo(
            kind=ErrorKind.UNKNOWN,
            cls_name=type(error).__name__,
            message=str(error),
            stack=traceback.format_exc(),
        )
        final.append(failure_event(step, info))
    return final


def _not_loaded_error(load_error: str) -> ErrorInfo:
    return ErrorInfo(
        kind=ErrorKind.REPOSITORY_NOT_LOADED,
        cls_name="RepositoryNotLoaded",
        message="the worker process could not load the repository",
        stack=load_error,
    )
