"""Due times of a cron schedule in its time zone (DST-correct: a time that a spring-forward
skips runs once, at the first valid minute after it; a repeated hour runs once)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from cronsim import CronSim

# How far back a schedule that missed due times looks: only the latest one is launched.
MAX_CATCH_UP_S = 400 * 24 * 3600


def next_due_times(cron: str, timezone: str, after: float, count: int) -> list[float]:
    """The next `count` due times strictly after `after` (epoch seconds)."""
    times = CronSim(cron, datetime.fromtimestamp(after, ZoneInfo(timezone)))
    return [next(times).timestamp() for _ in range(count)]


def latest_due_time(cron: str, timezone: str, after: float, until: float) -> float | None:
    """The latest due time in (`after`, `until`], or None."""
    start = max(after, until - MAX_CATCH_UP_S)
    latest = None
    for moment in CronSim(cron, datetime.fromtimestamp(start, ZoneInfo(timezone))):
        due = moment.timestamp()
        if due > until:
            return latest
        latest = due
    return latest
