"""The run_steps index: each step's latest status per run, kept from the event log.

Written in the same transaction as the events it comes from, so it never disagrees
with the log; the status matrix reads it with one grouped statement.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, NamedTuple, cast

import sqlalchemy as sa

from control_plane.storage.dialects import upsert
from control_plane.storage.group_commit import WriteBatch
from control_plane.storage.records import STEP_STATUS_OF_EVENT, StepStatus
from control_plane.storage.schema import run_steps, runs
from user_code_server.protocol import EventType, StepEvent, StepKey

# How one solid's mapped steps combine into one status: the first that any step has.
_PRECEDENCE = [
    StepStatus.FAILURE,
    StepStatus.IN_PROGRESS,
    StepStatus.UP_FOR_RETRY,
    StepStatus.SKIPPED,
    StepStatus.SUCCESS,
]


class RunKeys(NamedTuple):
    """What each run_steps row repeats of its run; fixed once the run is stored."""

    run_seq: int
    partition_set: str | None
    partition_key: str | None


_RUN_KEYS = sa.select(runs.c.id, runs.c.partition_set, runs.c.partition_key).where(
    runs.c.run_id == sa.bindparam("keys_run_id")
)


def run_keys(conn: sa.Connection, run_id: str) -> RunKeys:
    return run_keys_of(conn.execute(_RUN_KEYS, {"keys_run_id": run_id}).one())


def run_keys_of(row: sa.Row) -> RunKeys:
    """The keys in a row of the runs table (one with its id and partition columns)."""
    return RunKeys(row.id, row.partition_set, row.partition_key)


def index_step_events(
    batch: WriteBatch, run_id: str, events: list[StepEvent], run: Callable[[], RunKeys]
) -> None:
    """Upserts the run_steps rows of the steps whose status these events change (`run`
    gives the run's keys, asked for only when a row changes)."""
    changes: dict[str, dict] = {}
    for event in events:
        status = STEP_STATUS_OF_EVENT.get(event.event_type)
        if status is None:
            continue
        row = changes.setdefault(event.step_key, {"attempts": 0})
        row["status"] = status.value
        if event.event_type == EventType.STEP_START:
            row["attempts"] = max(row["attempts"], event.attempt or 1)
            row.setdefault("start_time", event.timestamp)
        elif status != StepStatus.UP_FOR_RETRY:
            row["end_time"] = event.timestamp
    if not changes:
        return
    keys = run()
    rows = [
        {
            "run_id": run_id,
            "run_seq": keys.run_seq,
            "step_key": key,
            "solid": StepKey.parse(key).solid,
            "status": row["status"],
            "attempts": row["attempts"],
            "partition_set": keys.partition_set,
            "partition_key": keys.partition_key,
            "start_time": row.get("start_time"),
            "end_time": row.get("end_time"),
        }
        for key, row in changes.items()
    ]
    batch.insert(_upsert(batch.conn.dialect.name), rows)


@functools.cache
def _upsert(dialect: str) -> sa.Insert:
    """One executemany upsert per batch (built once per dialect: building it, and its cache
    key, costs more than running it). On an existing step, a value the batch leaves out
    (no new attempt, not ended) keeps the stored one."""
    conflict = [run_steps.c.run_id, run_steps.c.step_key]
    return upsert(dialect, run_steps, conflict, _merged)


def _merged(new: Any) -> dict[str, Any]:
    return {
        "status": new.status,
        "attempts": sa.case(
            (new.attempts > sa.literal_column("0"), new.attempts), else_=run_steps.c.attempts
        ),
        "start_time": sa.func.coalesce(run_steps.c.start_time, new.start_time),
        "end_time": sa.func.coalesce(new.end_time, run_steps.c.end_time),
    }


def latest_cell_statuses(
    conn: sa.Connection, partition_set: str
) -> dict[str, dict[str, StepStatus]]:
    """partition -> solid -> its status in the newest run that ran that solid (a mapped solid:
    the first of `_PRECEDENCE` that any of its steps has). One grouped statement on the
    run_steps index that returns one row per cell, and no record per cell."""
    newer = run_steps.alias("newer")
    superseded = sa.exists().where(
        newer.c.partition_set == run_steps.c.partition_set,
        newer.c.partition_key == run_steps.c.partition_key,
        newer.c.solid == run_steps.c.solid,
        newer.c.run_seq > run_steps.c.run_seq,
    )
    rank = sa.case(_RANK, value=run_steps.c.status)
    query = (
        sa.select(run_steps.c.partition_key, run_steps.c.solid, sa.func.min(rank))
        .where(run_steps.c.partition_set == partition_set, ~superseded)
        .group_by(run_steps.c.partition_key, run_steps.c.solid)
    )
    rows = cast("list[tuple[str, str, int]]", conn.execute(query).all())
    cells: dict[str, dict[str, StepStatus]] = {}
    for partition_key, solid, best in rows:
        row = cells.get(partition_key)
        if row is None:
            row = cells[partition_key] = {}
        row[solid] = _PRECEDENCE[best]
    return cells


_RANK = {status.value: rank for rank, status in enumerate(_PRECEDENCE)}
