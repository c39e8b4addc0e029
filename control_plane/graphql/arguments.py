"""Checks of argument values that the schema's types alone cannot express."""

from __future__ import annotations

from typing import Any

from control_plane.graphql.errors import BadArgument

MAX_RUNS_PAGE = 1000
MAX_EVENTS_PAGE = 10_000


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
