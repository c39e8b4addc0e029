"""Step statuses of runs, from the run_steps index, loaded for a whole page of runs at once."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from enum import Enum

import strawberry
from strawberry.dataloader import DataLoader

from control_plane.storage.base import Storage
from control_plane.storage.records import EventRecord
from user_code_server.protocol import EventType


@strawberry.enum(description="The latest state of a step, per its events.")
class StepStatus(Enum):
    IN_PROGRESS = "IN_PROGRESS"
    UP_FOR_RETRY = "UP_FOR_RETRY"
    SUCCESS = "SUCCESS"
    FAILURE = "FAILURE"
    SKIPPED = "SKIPPED"


@strawberry.type(description="One step instance of a run, such as `process_file[a_txt]`.")
class StepStats:
    step_key: str
    status: StepStatus
    attempts: int
    start_time: float | None = None
    end_time: float | None = None
    error: str | None = strawberry.field(default=None, description="Why the step last failed.")


FAILURE_EVENTS = (EventType.STEP_FAILURE, EventType.STEP_UP_FOR_RETRY)


def step_stats_of_runs(storage: Storage, run_ids: list[str]) -> list[list[StepStats]]:
    """Each run's steps in order of first event, with the error of each step's last failure:
    two statements for all the runs (blocking: call in a thread)."""
    errors: dict[tuple[str, str], str] = {}
    for record in storage.get_events_of_runs(run_ids, FAILURE_EVENTS):
        event = record.event
        if event.error is not None:
            errors[(record.run_id, event.step_key)] = event.error.message or event.message
    stats: dict[str, list[StepStats]] = defaultdict(list)
    for step in storage.get_run_steps(run_ids):
        stats[step.run_id].append(
            StepStats(
                step_key=step.step_key,
                status=StepStatus(step.status.value),
                attempts=step.attempts,
                start_time=step.start_time,
                end_time=step.end_time,
                error=errors.get((step.run_id, step.step_key)),
            )
        )
    return [stats[run_id] for run_id in run_ids]


def failures_of_runs(storage: Storage, run_ids: list[str]) -> list[list[EventRecord]]:
    """Each run's step failures and retries, in log order (one statement for all the runs)."""
    found: dict[str, list[EventRecord]] = defaultdict(list)
    for record in storage.get_events_of_runs(run_ids, FAILURE_EVENTS):
        found[record.run_id].append(record)
    return [found[run_id] for run_id in run_ids]


class RunLoaders:
    """What the runs of one response need, each loaded once for all of them: a page of 50
    runs asking for `stepStats` costs two statements, not 50 event-log scans."""

    def __init__(self, storage: Storage):
        async def step_stats(run_ids: list[str]) -> list[list[StepStats]]:
            return await asyncio.to_thread(step_stats_of_runs, storage, run_ids)

        async def failures(run_ids: list[str]) -> list[list[EventRecord]]:
            return await asyncio.to_thread(failures_of_runs, storage, run_ids)

        self.step_stats = DataLoader(load_fn=step_stats)
        self.step_failures = DataLoader(load_fn=failures)
