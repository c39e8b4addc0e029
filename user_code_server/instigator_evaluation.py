"""The schedule and sensor evaluations of the code server, as pure functions of the repository.

The user's functions run in a thread of their own, inside an error boundary and a time limit:
an exception, or no answer within `EVALUATION_TIMEOUT_S`, comes back as an ErrorInfo value
(with the user's traceback), never as a failed call. What they print goes to stderr, so that
the server's stdout (where supervisors read its ready line) carries only the server's lines.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from user_code_server.protocol import (
    ErrorInfo,
    ErrorKind,
    FailedRun,
    ScheduleTickReply,
    SensorTickReply,
    TickRunRequest,
)
from user_code_server.sdk.errors import DefinitionError
from user_code_server.sdk.sensors import (
    PipelineFailureSensorDefinition,
    RunRequest,
    SensorExecutionContext,
    SkipReason,
)

if TYPE_CHECKING:
    from user_code_server.sdk.repository import RepositoryDefinition

# Below the client's default deadline (30 s), so that a slow function is an error value.
EVALUATION_TIMEOUT_S = 20.0
# Evaluations run at once in one code server (the daemon sends several batches together).
EVALUATION_THREADS = 4

T = TypeVar("T")


class _Deadline:
    """The time limit of one evaluation, shared by the user calls it makes."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def remaining(self) -> float:
        return max(0.0, self._end - time.monotonic())


class _ErrorReply(Exception):
    """Ends an evaluation early with `info` as its answer."""

    def __init__(self, info: ErrorInfo):
        super().__init__(info.message)
        self.info = info


def evaluate_schedule(
    repository: RepositoryDefinition,
    name: str,
    scheduled_time: float,
    timeout: float = EVALUATION_TIMEOUT_S,
) -> ScheduleTickReply:
    """What schedule `name` requests at the due time `scheduled_time` (epoch seconds)."""
    try:
        schedule = _definition(repository.get_schedule, name)
        result = _user_code(
            f"schedule '{name}'",
            lambda: schedule.evaluate_tick(schedule.context_at(scheduled_time)),
            _Deadline(timeout),
        )
    except _ErrorReply as error:
        return ScheduleTickReply(error=error.info)
    if isinstance(result, SkipReason):
        return ScheduleTickReply(skip_reason=result.skip_message or "")
    return ScheduleTickReply(run_requests=[_tick_run_request(result)])


def evaluate_sensor(
    repository: RepositoryDefinition,
    name: str,
    cursor: str = "",
    last_run_key: str = "",
    failed_runs: list[FailedRun] | None = None,
    timeout: float = EVALUATION_TIMEOUT_S,
) -> SensorTickReply:
    """One evaluation of sensor `name` from `cursor`; a pipeline failure sensor is called
    once per run of `failed_runs` instead."""
    deadline = _Deadline(timeout)
    context = SensorExecutionContext(cursor or None, last_run_key or None)
    try:
        sensor = _definition(repository.get_sensor, name)
        if isinstance(sensor, PipelineFailureSensorDefinition):
            return _notify(sensor, failed_runs or [], deadline)
        result = _user_code(f"sensor '{name}'", lambda: sensor.evaluate_tick(context), deadline)
    except _ErrorReply as error:
        return SensorTickReply(error=error.info)
    return SensorTickReply(
        run_requests=[] if isinstance(result, SkipReason) else _tick_run_requests(result),
        skip_reason=(result.skip_message or "") if isinstance(result, SkipReason) else "",
        cursor=context.cursor or "",
        cursor_updated=context.cursor_updated,
    )


def _notify(
    sensor: PipelineFailureSensorDefinition, failed_runs: list[FailedRun], deadline: _Deadline
) -> SensorTickReply:
    if not failed_runs:
        return SensorTickReply(skip_reason="no failed runs")
    for run in failed_runs:
        _user_code(
            f"pipeline failure sensor '{sensor.name}' for run '{run.run_id}'",
            lambda: sensor.notify(run),  # noqa: B023 (called before the loop moves on)
            deadline,
        )
    return SensorTickReply()


def _definition(get: Callable[[str], T], name: str) -> T:
    try:
        return get(name)
    except KeyError as error:
        raise _ErrorReply(
            ErrorInfo(kind=ErrorKind.UNKNOWN, cls_name="KeyError", message=error.args[0])
        ) from None


def _tick_run_requests(requests: list[RunRequest]) -> list[TickRunRequest]:
    return [_tick_run_request(request) for request in requests]


def _tick_run_request(request: RunRequest) -> TickRunRequest:
    return TickRunRequest(request.run_key or "", request.run_config, request.tags)


def _user_code(what: str, fn: Callable[[], T], deadline: _Deadline) -> T:
    """`fn()` in an evaluation thread, whose prints go to stderr; an exception or no answer
    by `deadline` raises _ErrorReply naming `what`."""
    _route_evaluation_prints()
    outcome = _threads.run(fn, deadline.remaining())
    if not outcome:
        raise _ErrorReply(
            ErrorInfo(
                kind=ErrorKind.USER_CODE_ERROR,
                cls_name="TimeoutError",
                message=f"{what} did not finish within the evaluation's {deadline.seconds:g} s",
            )
        )
    result = outcome[0]
    if isinstance(result, BaseException):
        raise _ErrorReply(_user_error(what, result))
    return result


class _EvaluationThreads:
    """Daemon threads that run the user's functions, started once and reused (a thread per
    evaluation cost more than most evaluations). One still busy past its deadline is given
    up for stuck and replaced: a hung function costs a thread, never the server's exit."""

    def __init__(self, count: int):
        self._tasks: queue.SimpleQueue[tuple[Callable[[], Any], threading.Event, list[Any]]]
        self._tasks = queue.SimpleQueue()
        for _ in range(count):
            self._spawn()

    def run(self, fn: Callable[[], Any], timeout: float) -> list[Any]:
        """[fn's result or exception], or [] when it did not end within `timeout`."""
        outcome: list[Any] = []
        done = threading.Event()
        self._tasks.put((fn, done, outcome))
        if not done.wait(timeout):
            self._spawn()  # in place of the one stuck in `fn`
        return outcome

    def _spawn(self) -> None:
        threading.Thread(target=self._work, name="lodestar-evaluation", daemon=True).start()

    def _work(self) -> None:
        _evaluating.active = True
        while True:
            fn, done, outcome = self._tasks.get()
            try:
                outcome.append(fn())
            except BaseException as error:  # SystemExit too: the user's, not the server's
                outcome.append(error)
            done.set()


def _user_error(what: str, error: BaseException) -> ErrorInfo:
    cls_name = type(error).__name__
    if isinstance(error, DefinitionError):  # the SDK's check of what the user's code gave
        message = str(error) if str(error).startswith(what) else f"{what}: {error}"
    else:
        message = f"{what} raised {cls_name}: {error}"
    return ErrorInfo(
        kind=ErrorKind.USER_CODE_ERROR,
        cls_name=cls_name,
        message=message,
        stack="".join(traceback.format_exception(error)),
    )


_evaluating = threading.local()
_route_lock = threading.Lock()
_threads = _EvaluationThreads(EVALUATION_THREADS)


class _EvaluationStdout:
    """`sys.stdout` as evaluation threads see it: writes go to stderr; other threads' writes
    go to the real stdout."""

    def __init__(self, stdout: TextIO):
        self._stdout = stdout

    def _target(self) -> TextIO:
        return sys.stderr if getattr(_evaluating, "active", False) else self._stdout

    def write(self, text: str) -> int:
        return self._target().write(text)

    def flush(self) -> None:
        self._target().flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stdout, name)


def _route_evaluation_prints() -> None:
    with _route_lock:
        if not isinstance(sys.stdout, _EvaluationStdout):
            sys.stdout = _EvaluationStdout(sys.stdout)  # type: ignore[assignment]
