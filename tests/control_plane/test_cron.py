"""Due times of cron schedules in their time zones, across daylight-saving changes."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from control_plane.instigators.cron import latest_due_time, next_due_times

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def at(*parts: int) -> float:
    return datetime(*parts, tzinfo=AMSTERDAM).timestamp()


def local(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, AMSTERDAM).strftime("%m-%d %H:%M %Z")


def test_a_0230_schedule_runs_once_on_the_spring_forward_day():
    times = next_due_times("30 2 * * *", "Europe/Amsterdam", at(2026, 3, 28, 12, 0), 3)
    assert [local(t) for t in times] == ["03-29 03:00 CEST", "03-30 02:30 CEST", "03-31 02:30 CEST"]


def test_a_0230_schedule_runs_once_on_the_fall_back_day():
    times = next_due_times("30 2 * * *", "Europe/Amsterdam", at(2026, 10, 24, 12, 0), 2)
    assert [local(t) for t in times] == ["10-25 02:30 CEST", "10-26 02:30 CET"]


def test_after_downtime_only_the_latest_missed_due_time_is_returned():
    # Stopped at 00:00:30, back at 00:05:10: 00:01 ... 00:05 were missed; 00:05 is the latest.
    latest = latest_due_time("* * * * *", "UTC", 30.0, 310.0)
    assert latest == 300.0
    assert latest_due_time("* * * * *", "UTC", 300.0, 359.0) is None
