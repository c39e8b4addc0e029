"""Step statuses of a run, derived from its event log."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

import strawberry

from control_plane.storage.records import STEP_STATUS_OF_EVENT
from user_code_server.protocol import StepEvent


@strawberry.enum(description="The latest state of a step, per its events.")
class StepStatus(Enum):
    IN_PROGRESS = "IN_PROGRESS"
    UP_FOR_RETRY = "UP_FOR_RETRY"
    SUCCESS = "SUCCESS"
    FAILURE = "FAILURE"
    SKIPPED = "SKIPPED"


STATUS_OF_EVENT = {
    event: StepStatus(status.value) for event, status in STEP_STATUS_OF_EVENT.items()
}
FINAL_STATUSES = {StepStatus.SUCCESS, StepStatus.FAILURE, StepStatus.SKIPPED}


@strawberry.type(description="One step instance of a run, such as `process_file[a_txt]`.")
class StepStats:
    step_key: str
    status: StepStatus
    attempts: int
    start_time: float | None = None
    end_time: float | None = None
    error: str | None = strawberry.field(default=None, description="Why the step last failed.")


def stats_from_events(events: Iterable[StepEvent]) -> list[StepStats]:
    """Folds step events, in log order, into one entry per step in order of first event."""
    steps: dict[str, StepStats] = {}
    for event in events:
        status = STATUS_OF_EVENT.get(event.event_type)
        if status is None or not event.step_key:
            continue
        stats = steps.setdefault(
            event.step_key, StepStats(step_key=event.step_key, status=status, attempts=0)
        )
        stats.status = status
        if status is StepStatus.IN_PROGRESS:
            stats.attempts = max(stats.attempts + 1, event.attempt)
            stats.start_time = stats.start_time or event.timestamp
        if status in FINAL_STATUSES:
            stats.end_time = event.timestamp
        if event.error is not None and status in (StepStatus.FAILURE, StepStatus.UP_FOR_RETRY):
            stats.error = event.error.message or event.message
    return list(steps.values())
