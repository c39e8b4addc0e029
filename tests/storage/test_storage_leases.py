"""The daemon lease in storage: one holder at a time, renewal, expiry, dead holders."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa
from helpers.waiting import wait_until

from control_plane.errors import LeadershipLostError
from control_plane.storage.dialects import database_now
from control_plane.storage.records import RunStatus
from user_code_server.protocol import EventType, StepEvent


def step_event(n: int) -> StepEvent:
    return StepEvent(f"step_{n}", EventType.STEP_LOG, 1_700_000_000.0 + n, message=f"event {n}")


def lease_expired(storage, name: str) -> bool:
    """Whether the lease's time is up by the database's clock (the one leases expire by)."""
    holder = storage.get_lease_holder(name)
    return holder.now > holder.expires_at


def test_one_holder_at_a_time_until_expiry_or_release(storage):
    assert storage.acquire_lease("daemon", "a", ttl_s=60)
    assert storage.acquire_lease("daemon", "a", ttl_s=60)  # renewal
    assert not storage.acquire_lease("daemon", "b", ttl_s=60)
    assert storage.get_lease("daemon")[0] == "a"
    storage.release_lease("daemon", "b")  # not b's to release
    assert not storage.acquire_lease("daemon", "b", ttl_s=60)
    storage.release_lease("daemon", "a")
    assert storage.acquire_lease("daemon", "b", ttl_s=0.2)
    wait_until(lambda: lease_expired(storage, "daemon"), 5, "b's lease to expire")
    assert storage.acquire_lease("daemon", "c", ttl_s=60)  # b's lease expired
    assert storage.acquire_lease("daemon", "d", ttl_s=60, replaceable=["c"])  # c is dead
    assert storage.get_lease("daemon")[0] == "d"
    assert storage.get_lease("other") is None


def test_racing_holders_never_both_win(storage):
    winners = []

    def race(holder):
        if storage.acquire_lease("daemon", holder, ttl_s=60):
            winners.append(holder)

    threads = [threading.Thread(target=race, args=(f"h{i}",)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(winners) == 1


def test_terms_grow_only_when_the_lease_changes_hands(storage):
    first = storage.acquire_lease("daemon", "a", ttl_s=60)
    assert first.term == 1
    assert storage.acquire_lease("daemon", "a", ttl_s=60) == first  # renewal: same term
    taken = storage.acquire_lease("daemon", "b", ttl_s=60, replaceable=["a"])
    assert taken.term == 2
    storage.release_lease("daemon", "b")
    assert storage.acquire_lease("daemon", "a", ttl_s=60).term == 3


def test_a_write_of_an_ended_term_is_refused_and_changes_nothing(storage, new_run):
    run = storage.add_run(new_run(status=RunStatus.STARTED))
    old = storage.acquire_lease("daemon", "a", ttl_s=60)
    storage.store_events(run.run_id, [step_event(0)], term=old)
    storage.acquire_lease("daemon", "b", ttl_s=60, replaceable=["a"])

    with pytest.raises(LeadershipLostError, match="term 1"):
        storage.store_events(run.run_id, [step_event(1)], term=old)
    with pytest.raises(LeadershipLostError):
        storage.set_run_status(run.run_id, RunStatus.SUCCESS, term=old)
    queued = storage.add_run(new_run())
    with pytest.raises(LeadershipLostError):
        storage.start_queued_runs([(queued.run_id, step_event(2))], term=old)
    assert [r.event.step_key for r in storage.get_events(run.run_id)] == ["step_0"]
    assert storage.get_run(run.run_id).status == RunStatus.STARTED
    assert storage.get_run(queued.run_id).status == RunStatus.QUEUED
    assert storage.get_events(queued.run_id) == []


def test_lease_expiry_is_judged_by_the_database_clock(storage):
    storage.acquire_lease("daemon", "a", ttl_s=60)
    holder, expires_at = storage.get_lease("daemon")
    with storage.engine.connect() as conn:
        now = conn.execute(sa.select(database_now(conn.dialect.name))).scalar_one()
    assert holder == "a" and 59 < expires_at - now <= 60
