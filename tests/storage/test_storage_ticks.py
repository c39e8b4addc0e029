"""Schedules' and sensors' state and ticks in storage: a tick and its runs in one transaction,
recorded at most once per progress read, run keys never twice, fenced by the leader's term."""

from __future__ import annotations

import uuid

import pytest

from control_plane.errors import LeadershipLostError
from control_plane.storage.instigator_records import (
    InstigatorKind,
    InstigatorStatus,
    Tick,
    TickStatus,
    TickWrite,
)
from control_plane.storage.records import PipelineRun, RunStatus
from user_code_server.protocol import EventType, StepEvent

SCHEDULE = InstigatorKind.SCHEDULE
SENSOR = InstigatorKind.SENSOR
EVENT = StepEvent("", EventType.RUN_ENQUEUED, 1.0, message="queued by a test")


def record(storage, tick, runs, expected, keys=None, last_key=None, term=None) -> bool:
    write = TickWrite(tick, expected, runs, EVENT, keys or {}, last_key)
    [recorded] = storage.record_ticks([write], term)
    return recorded


def run() -> PipelineRun:
    return PipelineRun(uuid.uuid4().hex, "etl", "repo", RunStatus.QUEUED)


def test_a_due_time_is_recorded_once_with_its_runs(storage):
    storage.set_instigator_status(SCHEDULE, "nightly", "repo", InstigatorStatus.RUNNING, 100.0)
    first, second = run(), run()
    tick = Tick(SCHEDULE, "nightly", 160.0, TickStatus.SUCCESS, [first.run_id])

    assert record(storage, tick, [first], 100.0)
    # A second daemon that read the same progress (or a restarted one) records nothing.
    again = Tick(SCHEDULE, "nightly", 160.0, TickStatus.SUCCESS, [second.run_id])
    assert not record(storage, again, [second], 100.0)

    assert storage.get_run(first.run_id).status == RunStatus.QUEUED
    assert storage.get_run(second.run_id) is None
    [state] = storage.get_instigator_states(SCHEDULE)
    assert state.last_tick_time == 160.0
    [stored] = storage.get_ticks(SCHEDULE, "nightly")
    assert stored.run_ids == [first.run_id] and stored.status == TickStatus.SUCCESS


def test_a_stopped_instigator_records_no_tick(storage):
    storage.set_instigator_status(SCHEDULE, "nightly", "repo", InstigatorStatus.RUNNING, 100.0)
    storage.set_instigator_status(SCHEDULE, "nightly", "repo", InstigatorStatus.STOPPED)
    tick = Tick(SCHEDULE, "nightly", 160.0, TickStatus.SKIPPED)
    assert not record(storage, tick, [], 100.0)
    assert storage.get_ticks(SCHEDULE, "nightly") == []


def test_a_run_key_is_launched_once_and_the_cursor_advances(storage):
    storage.set_instigator_status(SENSOR, "files", "repo", InstigatorStatus.RUNNING)
    first = run()
    tick = Tick(SENSOR, "files", 10.0, TickStatus.SUCCESS, [first.run_id], cursor="c1")
    assert record(storage, tick, [first], None, {"a.csv": first.run_id}, "a.csv")
    assert storage.get_run_keys("files", ["a.csv", "b.csv"]) == {"a.csv": first.run_id}
    [state] = storage.get_instigator_states(SENSOR)
    assert (state.cursor, state.last_run_key, state.last_tick_time) == ("c1", "a.csv", 10.0)

    # The same key again (a racing evaluation that missed it): the whole tick is refused.
    second = run()
    again = Tick(SENSOR, "files", 11.0, TickStatus.SUCCESS, [second.run_id])
    assert not record(storage, again, [second], 10.0, {"a.csv": second.run_id})
    assert storage.get_run(second.run_id) is None


def test_a_tick_of_an_ended_term_is_refused(storage):
    storage.set_instigator_status(SENSOR, "files", "repo", InstigatorStatus.RUNNING)
    old = storage.acquire_lease("daemon", "a", ttl_s=60)
    storage.acquire_lease("daemon", "b", ttl_s=60, replaceable=["a"])
    tick = Tick(SENSOR, "files", 10.0, TickStatus.SKIPPED)
    with pytest.raises(LeadershipLostError):
        record(storage, tick, [], None, term=old)
    assert storage.get_ticks(SENSOR, "files") == []


def test_one_refused_tick_leaves_the_others_of_its_batch(storage):
    storage.set_instigator_status(SCHEDULE, "a", "repo", InstigatorStatus.RUNNING, 100.0)
    storage.set_instigator_status(SCHEDULE, "b", "repo", InstigatorStatus.RUNNING, 100.0)
    stale = TickWrite(Tick(SCHEDULE, "a", 160.0, TickStatus.SKIPPED), 50.0)
    fresh = TickWrite(Tick(SCHEDULE, "b", 160.0, TickStatus.SKIPPED), 100.0)
    assert storage.record_ticks([stale, fresh]) == [False, True]
    assert storage.get_ticks(SCHEDULE, "a") == []
    assert len(storage.get_ticks(SCHEDULE, "b")) == 1


def test_the_newest_tick_of_each_instigator_in_one_read(storage):
    for name in ("a", "b"):
        storage.set_instigator_status(SCHEDULE, name, "repo", InstigatorStatus.RUNNING, 100.0)
    record(storage, Tick(SCHEDULE, "a", 160.0, TickStatus.SKIPPED), [], 100.0)
    record(storage, Tick(SCHEDULE, "a", 220.0, TickStatus.SKIPPED, skip_reason="later"), [], 160.0)
    latest = storage.get_latest_ticks(SCHEDULE)
    assert list(latest) == ["a"] and latest["a"].skip_reason == "later"
    assert storage.get_latest_ticks(SENSOR) == {}
