"""The step executor interface, and the default executor: steps to the code server over gRPC.

An executor runs ready steps somewhere and hands every event back to a sink; it never
writes storage. Another engine (Celery on RabbitMQ or Redis, say) fits behind the same
two methods, with its workers relaying events back to the control plane.
"""

from __future__ import annotations

import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from control_plane.code_locations import CodeLocations
from control_plane.errors import CodeLocationError
from user_code_server.protocol import (
    CodeServerUnavailableError,
    ErrorInfo,
    EventType,
    ExecuteStepsRequest,
    ExecutionPlan,
    StepEvent,
    StepEventStream,
    StepExecution,
)

EventSink = Callable[[StepEvent], None]
FINAL_STEP_EVENTS = frozenset(
    {EventType.STEP_SUCCESS, EventType.STEP_FAILURE, EventType.STEP_UP_FOR_RETRY}
)


@dataclass(frozen=True)
class RunExecutionContext:
    """What every step of a run needs besides its own inputs."""

    run_id: str
    location_name: str
    pipeline: str
    mode: str
    run_config: dict
    run_tags: dict[str, str] = field(default_factory=dict)
    plan: ExecutionPlan | None = None  # the run's plan: its steps' tags and retry policies


class StepExecutor(ABC):
    @abstractmethod
    def submit(self, context: RunExecutionContext, steps: list[StepExecution], sink: EventSink):
        """Starts `steps`; every step ends with a final event in `sink`, whatever happens."""

    @abstractmethod
    def cancel(self, run_id: str) -> None:
        """Stops the run's steps in flight; each then ends with a STEP_FAILURE."""

    @abstractmethod
    def run_finished(self, run_id: str) -> None:
        """Drops whatever the executor kept for a run that has ended."""

    @abstractmethod
    def shutdown(self) -> None:
        """Releases threads and connections."""


def step_failure(step: StepExecution, cause: str, cls_name: str = "") -> StepEvent:
    """A STEP_FAILURE for a step that could not report its own end."""
    return StepEvent(
        step.step_key,
        EventType.STEP_FAILURE,
        time.time(),
        message=f"step {step.step_key} failed: {cause}",
        level="ERROR",
        error=ErrorInfo(cls_name=cls_name, message=cause),
        attempt=step.attempt,
    )


class GrpcStepExecutor(StepExecutor):
    """Sends batches of steps to the run's code server; its warm workers run them."""

    def __init__(self, locations: CodeLocations, batch_size: int = 32, max_streams: int = 256):
        self._locations = locations
        self._batch_size = batch_size
        self._pool = ThreadPoolExecutor(max_streams, thread_name_prefix="step-stream")
        self._lock = threading.Lock()
        self._streams: dict[str, set[StepEventStream]] = {}
        self._cancelled: set[str] = set()

    def submit(self, context: RunExecutionContext, steps: list[StepExecution], sink: EventSink):
        for start in range(0, len(steps), self._batch_size):
            batch = steps[start : start + self._batch_size]
            self._pool.submit(self._run_batch, context, batch, sink)

    def cancel(self, run_id: str) -> None:
        with self._lock:
            self._cancelled.add(run_id)
            streams = list(self._streams.get(run_id, ()))
        for stream in streams:
            stream.cancel()

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _run_batch(self, context: RunExecutionContext, batch: list[StepExecution], sink):
        finished: set[str] = set()
        cause, cls_name = "the code server ended the stream before the step finished", ""
        stream = None
        try:
            if context.run_id in self._cancelled:
                raise _Cancelled
            client = self._locations.get(context.location_name).client()
            stream = client.execute_steps(steps_request(context, batch))
            with self._lock:
                self._streams.setdefault(context.run_id, set()).add(stream)
            for event in stream:
                sink(event)
                if event.event_type in FINAL_STEP_EVENTS:
                    finished.add(event.step_key)
        except _Cancelled:
            pass
        except (CodeServerUnavailableError, CodeLocationError) as error:
            cause, cls_name = str(error), type(error).__name__
        finally:
            if stream is not None:
                with self._lock:
                    self._streams.get(context.run_id, set()).discard(stream)
        if context.run_id in self._cancelled:
            cause, cls_name = "the run was terminated", "RunTerminated"
        for step in batch:
            if step.step_key not in finished:
                sink(step_failure(step, cause, cls_name))

    def run_finished(self, run_id: str) -> None:
        with self._lock:
            self._cancelled.discard(run_id)
            self._streams.pop(run_id, None)


class _Cancelled(Exception):
    pass


def steps_request(context: RunExecutionContext, steps: list[StepExecution]) -> ExecuteStepsRequest:
    """The request to run `steps` of the run."""
    return ExecuteStepsRequest(
        run_id=context.run_id,
        pipeline=context.pipeline,
        mode=context.mode,
        run_config=context.run_config,
        run_tags=context.run_tags,
        steps=steps,
    )
