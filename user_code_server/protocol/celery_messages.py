"""The wire contract of the Celery executor: the step task, and the messages workers send back.

The control plane sends steps as Celery tasks named EXECUTE_STEP_TASK (JSON only: the
broker never carries pickles) to their queue, several steps of a run in one task when many
are ready at once. A worker runs it and publishes what
happens to the control plane's reply queue, on the same broker, as `StepMessage`s (each
broker message is `{"messages": [payload, ...]}`, several step messages in one):

- EVENTS_MESSAGE: a serialized `StepEventBatch` of the task's steps, numbered by `seq` (from
  0) within one execution of the task (`execution` is unique per execution: Celery may
  deliver a task twice, and only the first execution of a step attempt to report is heard);
- HEARTBEAT_MESSAGE: the attempts a worker is running, sent before they start and then
  every `heartbeat_seconds`, so that a silent worker is known to be lost.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any

from user_code_server.protocol import user_code_pb2 as pb
from user_code_server.protocol.convert import from_proto, to_proto
from user_code_server.protocol.execution import ExecuteStepsRequest, StepEvent

EXECUTE_STEP_TASK = "lodestar.execute_step"
BROKER_SCHEMES = ("amqp://", "amqps://", "redis://", "rediss://", "redis+socket://")
EVENTS_MESSAGE = "events"
HEARTBEAT_MESSAGE = "heartbeat"
# Broadcast to every worker (Celery remote control) when a run is terminated.
TERMINATE_RUN_COMMAND = "lodestar_terminate_run"
# Reply queues outlive a control plane that died by this much, then the broker drops them.
REPLY_QUEUE_EXPIRES_S = 24 * 3600
REPLY_EXCHANGE = "lodestar.events"
# How often a worker reports the steps it runs (the control plane may ask for another).
HEARTBEAT_S = 2.0


def reply_queue(name: str) -> Any:
    """The control plane's kombu `Queue` for worker messages (both sides declare it so)."""
    from kombu import Exchange, Queue  # only Celery users pay for importing kombu

    return Queue(
        name,
        Exchange(REPLY_EXCHANGE, type="direct", durable=False),
        routing_key=name,
        durable=False,
        auto_delete=False,
        expires=REPLY_QUEUE_EXPIRES_S,
    )


@dataclass(frozen=True)
class StepTask:
    """The arguments of one EXECUTE_STEP_TASK: a request for one or more steps of a run."""

    request: ExecuteStepsRequest
    reply_to: str
    heartbeat_seconds: float

    def to_kwargs(self) -> dict:
        data = to_proto(self.request, pb.ExecuteStepsRequest).SerializeToString()
        return {
            "request": base64.b64encode(data).decode("ascii"),
            "reply_to": self.reply_to,
            "heartbeat_seconds": self.heartbeat_seconds,
        }

    @classmethod
    def from_kwargs(cls, kwargs: dict) -> StepTask:
        message = pb.ExecuteStepsRequest.FromString(base64.b64decode(kwargs["request"]))
        request = from_proto(message, ExecuteStepsRequest)
        if not request.steps:
            raise ValueError("a step task holds no step")
        return cls(request, str(kwargs["reply_to"]), float(kwargs["heartbeat_seconds"]))


@dataclass(frozen=True)
class Attempt:
    """An attempt of a step, in one execution of its task: what a worker reports about."""

    run_id: str
    step_key: str
    attempt: int
    execution: str

    def to_json(self) -> list:
        return [self.run_id, self.step_key, self.attempt, self.execution]

    @classmethod
    def from_json(cls, data: list) -> Attempt:
        run_id, step_key, attempt, execution = data
        return cls(str(run_id), str(step_key), int(attempt), str(execution))


@dataclass(frozen=True)
class StepMessage:
    """A message from a worker to the control plane (see the module docstring)."""

    kind: str
    worker: str  # "host:pid", for error messages
    attempts: list[Attempt] = field(default_factory=list)  # for EVENTS: the task's steps
    seq: int = 0
    events: bytes = b""  # a serialized StepEventBatch

    def to_payload(self) -> dict:
        """The message as JSON-ready data (the broker carries JSON)."""
        return {
            "kind": self.kind,
            "worker": self.worker,
            "attempts": [a.to_json() for a in self.attempts],
            "seq": self.seq,
            "events": base64.b64encode(self.events).decode("ascii"),
        }

    @classmethod
    def from_payload(cls, data: dict) -> StepMessage:
        return cls(
            kind=str(data["kind"]),
            worker=str(data["worker"]),
            attempts=[Attempt.from_json(a) for a in data["attempts"]],
            seq=int(data["seq"]),
            events=base64.b64decode(data["events"]),
        )

    def step_events(self) -> list[StepEvent]:
        batch = pb.StepEventBatch.FromString(self.events)
        return [from_proto(event, StepEvent) for event in batch.events]
