"""Checks of argument values that the schema's types alone cannot express."""

from __future__ import annotations

from typing import Any

from control_plane.graphql.errors import BadArgument

MAX_RUNS_PAGE = 1000
MAX_EVENTS_PAGE = 10_000
MAX_PARTITIONS_PAGE = 10_000
MAX_BACKFILLS_PAGE = 1000


def page_limit(limit: int, maximum: int) -> int:
    if not 1 <= limit <= maximum:
        raise BadArgument("limit", f"must be between 1 and {maximum}, got {limit}")
    return limit


def event_cursor(cursor: str | None) -> int:
    """An event cursor is the storage id of the last event seen; none means the start."""
    if cursor is None or cursor == "":
        return 0
    if not cursor.isdigit():
        raise BadArgument("afterCursor", f"not an event cursor: {cursor!r}")
    return int(cursor)


def run_config(value: Any) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadArgument("runConfig", "must be a JSON object")
    return value


def partition_selection(
    partitions: list[str] | None,
    from_partition: str | None,
    to_partition: str | None,
    all_partitions: bool,
) -> None:
    """A backfill names its partitions one way: all, a list, or a range (open at either end)."""
    ranged = from_partition is not None or to_partition is not None
    chosen = [all_partitions, partitions is not None, ranged]
    if sum(chosen) != 1:
        raise BadArgument(
            "partitions",
            "choose the partitions one way: all, partitions, or fromPartition/toPartition",
        )
    if partitions is not None and not partitions:
        raise BadArgument("partitions", "the list of partitions is empty")
