"""Date partitions: one partition per day, hour, week or month of a time range."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, datetime, timedelta

from user_code_server.sdk.errors import DefinitionError
from user_code_server.sdk.partitions import Partition

_STEPS = {"hours": timedelta(hours=1), "days": timedelta(days=1), "weeks": timedelta(weeks=1)}
DELTA_RANGES = (*_STEPS, "months")
DAY_FORMAT = "%Y-%m-%d"
HOUR_FORMAT = "%Y-%m-%d-%H:%M"


def date_partition_range(
    start: datetime | date,
    end: datetime | date | None = None,
    delta_range: str = "days",
    fmt: str | None = None,
    inclusive: bool = False,
) -> Callable[..., list[Partition]]:
    """A partition function: one partition per `delta_range` from `start` up to `end` (now
    when None), each named by its start formatted with `fmt`.

    A partition covers [its start, the next start). By default only complete ones are
    listed; `inclusive` also lists the one that `end` falls in (or starts exactly at `end`).
    """
    if delta_range not in DELTA_RANGES:
        raise DefinitionError(
            f"date_partition_range: delta_range {delta_range!r} is not one of {list(DELTA_RANGES)}"
        )
    first = _as_datetime(start)
    last = None if end is None else _as_datetime(end)
    if last is not None and (first.tzinfo is None) != (last.tzinfo is None):
        raise DefinitionError("date_partition_range: start and end must both be naive or aware")
    if last is not None and last < first:
        raise DefinitionError(f"date_partition_range: end {last} is before start {first}")
    name_format = fmt or (HOUR_FORMAT if delta_range == "hours" else DAY_FORMAT)

    def partitions(current_time: datetime | None = None) -> list[Partition]:
        upper = last or current_time or datetime.now(first.tzinfo)
        starts = list(_starts(first, upper, delta_range))
        if not inclusive:
            starts = starts[:-1]
        return [Partition(value, value.strftime(name_format)) for value in starts]

    return partitions


def _starts(first: datetime, upper: datetime, delta_range: str):
    """Every partition start from `first` up to and including `upper`."""
    index = 0
    value = first
    while value <= upper:
        yield value
        index += 1
        # From `first` each time, so that month ends do not drift (Jan 31, Feb 28, Mar 31).
        if delta_range == "months":
            value = _add_months(first, index)
        else:
            value = first + _STEPS[delta_range] * index


def _add_months(value: datetime, months: int) -> datetime:
    """`value` moved by `months` calendar months, its day clamped to the month's last day."""
    year, month = divmod(value.month - 1 + months, 12)
    year += value.year
    day = min(value.day, calendar.monthrange(year, month + 1)[1])
    return value.replace(year=year, month=month + 1, day=day)


def _as_datetime(value: datetime | date) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    raise DefinitionError(f"date_partition_range: expected a date or datetime, got {value!r}")
