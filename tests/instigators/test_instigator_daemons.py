"""The scheduler and the sensor daemon, stepped through due times on a moved clock, against
real storage (SQLite and MariaDB) and a real code server."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from control_plane.errors import LeadershipLostError
from control_plane.instigators import ScheduleDaemon, SensorDaemon
from control_plane.storage.instigator_records import (
    SCHEDULE_TAG,
    SENSOR_TAG,
    InstigatorKind,
    TickStatus,
)
from control_plane.storage.records import PARTITION_SET_TAG, PARTITION_TAG, PipelineRun, RunStatus

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def utc(*parts: int) -> float:
    return datetime(*parts, tzinfo=UTC).timestamp()


def run_pass(daemon) -> list[str]:
    return list(daemon.iterate())


def scheduled_runs(plane, name: str) -> list[PipelineRun]:
    return [r for r in plane.storage.get_runs() if r.tags.get(SCHEDULE_TAG) == name]


def test_a_schedule_launches_each_due_time_once_and_after_downtime_only_the_latest(
    plane, instigators
):
    clock = instigators.clock
    clock.now = utc(2026, 5, 1, 12, 0, 30)
    instigators.start_schedule("every_minute")
    daemon = ScheduleDaemon(plane.storage, plane.locations, now=clock)

    clock.now = utc(2026, 5, 1, 12, 0, 50)
    assert run_pass(daemon) == []  # nothing due yet
    clock.now = utc(2026, 5, 1, 12, 1, 5)
    assert run_pass(daemon) == ["before_submit", "after_submit"]
    assert run_pass(daemon) == []  # that due time is done
    [run] = scheduled_runs(plane, "every_minute")
    assert run.run_config["solids"]["record"]["config"]["label"] == "2026-05-01T12:01:00+00:00"

    clock.now = utc(2026, 5, 1, 12, 5, 10)  # 12:02 ... 12:05 missed: only 12:05 runs
    run_pass(daemon)
    ticks = plane.storage.get_ticks(InstigatorKind.SCHEDULE, "every_minute")
    assert [t.tick_time for t in ticks] == [utc(2026, 5, 1, 12, 5), utc(2026, 5, 1, 12, 1)]
    assert len(scheduled_runs(plane, "every_minute")) == 2


def test_a_0230_schedule_runs_once_on_the_spring_forward_day(plane, instigators):
    clock = instigators.clock
    clock.now = datetime(2026, 3, 28, 12, 0, tzinfo=AMSTERDAM).timestamp()
    instigators.start_schedule("nightly")
    daemon = ScheduleDaemon(plane.storage, plane.locations, now=clock)
    end = datetime(2026, 3, 29, 12, 0, tzinfo=AMSTERDAM).timestamp()
    while clock.now < end:
        clock.now += 600
        run_pass(daemon)
    [tick] = plane.storage.get_ticks(InstigatorKind.SCHEDULE, "nightly")
    due = datetime.fromtimestamp(tick.tick_time, AMSTERDAM)
    assert due.strftime("%m-%d %H:%M %Z") == "03-29 03:00 CEST"
    assert len(scheduled_runs(plane, "nightly")) == 1


def test_a_daily_schedule_runs_the_partition_that_just_closed(plane, instigators):
    clock = instigators.clock
    clock.now = utc(2026, 3, 1, 23, 0)
    instigators.start_schedule("daily_labels")
    clock.now = utc(2026, 3, 2, 0, 0, 1)
    run_pass(ScheduleDaemon(plane.storage, plane.locations, now=clock))
    [run] = scheduled_runs(plane, "daily_labels")
    assert run.tags[PARTITION_TAG] == "2026-03-01"
    assert run.tags[PARTITION_SET_TAG] == "daily_labels"
    assert run.run_config["solids"]["record"]["config"]["label"] == "2026-03-01"


def test_a_daemon_stalled_before_submit_never_launches_a_due_time_twice(
    plane, instigators, database_url
):
    """The old leader evaluated the due time, then stalled; the new one handled it; the old
    one wakes: fenced by its term, and refused by the tick's compare-and-set besides."""
    storage, clock = plane.storage, instigators.clock
    clock.now = utc(2026, 5, 1, 12, 0, 30)
    instigators.start_schedule("every_minute")
    clock.now = utc(2026, 5, 1, 12, 1, 5)
    old_term = storage.acquire_lease("daemon", "old-host:1:a", ttl_s=60)
    stalled = ScheduleDaemon(storage, plane.locations, term=old_term, now=clock).iterate()
    assert next(stalled) == "before_submit"

    new_term = storage.acquire_lease("daemon", "new-host:2:b", 60, replaceable=[old_term.holder])
    run_pass(ScheduleDaemon(storage, plane.locations, term=new_term, now=clock))
    with pytest.raises(LeadershipLostError):
        next(stalled)
    # Without terms at all (two daemons racing on the same term), the compare-and-set holds.
    racing = ScheduleDaemon(storage, plane.locations, term=new_term, now=clock)
    assert run_pass(racing) == []
    assert len(scheduled_runs(plane, "every_minute")) == 1
    assert len(storage.get_ticks(InstigatorKind.SCHEDULE, "every_minute")) == 1


def test_a_sensor_launches_each_run_key_once_and_keeps_its_cursor(plane, instigators, sensor_dir):
    clock = instigators.clock
    clock.now = 1_000.0
    instigators.start_sensor("new_files")
    daemon = SensorDaemon(plane.storage, plane.locations, now=clock)

    run_pass(daemon)
    [skipped] = plane.storage.get_ticks(InstigatorKind.SENSOR, "new_files")
    assert (skipped.status, skipped.skip_reason) == (TickStatus.SKIPPED, "no files")

    (sensor_dir / "a.csv").write_text("a")
    (sensor_dir / "b.csv").write_text("b")
    clock.now += 0.5
    run_pass(daemon)  # within its minimum interval: not evaluated
    assert len(plane.storage.get_ticks(InstigatorKind.SENSOR, "new_files")) == 1
    clock.now += 1
    run_pass(daemon)
    (sensor_dir / "c.csv").write_text("c")
    clock.now += 1
    run_pass(daemon)
    clock.now += 1
    run_pass(daemon)

    runs = [r for r in plane.storage.get_runs() if r.tags.get(SENSOR_TAG) == "new_files"]
    labels = sorted(r.run_config["solids"]["record"]["config"]["label"] for r in runs)
    assert labels == ["a.csv", "b.csv", "c.csv"]
    statuses = [t.status for t in plane.storage.get_ticks(InstigatorKind.SENSOR, "new_files")]
    assert statuses == [
        TickStatus.SKIPPED,
        TickStatus.SUCCESS,
        TickStatus.SUCCESS,
        TickStatus.SKIPPED,
    ]
    assert instigators.sensor("new_files").cursor == "c.csv"


def test_a_failure_sensor_hears_of_each_failed_run_once(plane, instigators, tmp_path):
    clock = instigators.clock
    clock.now = 1_000.0
    instigators.start_sensor("alert_on_failure")
    daemon = SensorDaemon(plane.storage, plane.locations, now=clock)
    before = PipelineRun(
        "failed-before", "exploding", "instigated", RunStatus.FAILURE, end_time=1.0
    )
    ended = time.time() + 1  # after the sensor was started
    failed = PipelineRun(
        "failed-after", "exploding", "instigated", RunStatus.FAILURE, end_time=ended
    )
    plane.storage.add_run(before)
    plane.storage.add_run(failed)
    run_pass(daemon)
    clock.now += 2
    run_pass(daemon)
    assert (tmp_path / "alerts.txt").read_text().splitlines() == ["failed-after"]


def test_a_schedule_whose_definition_is_gone_is_listed_and_never_evaluated(plane, instigators):
    from control_plane.storage.instigator_records import InstigatorStatus

    plane.storage.set_instigator_status(
        InstigatorKind.SCHEDULE, "retired", "instigated", InstigatorStatus.RUNNING, 0.0
    )
    instigators.clock.now = utc(2026, 5, 1)
    assert run_pass(ScheduleDaemon(plane.storage, plane.locations, now=instigators.clock)) == []
    retired = instigators.schedule("retired")
    assert retired.snapshot is None and retired.status == InstigatorStatus.RUNNING
