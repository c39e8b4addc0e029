"""Helpers for asset tests: materialization events and swappable snapshots."""

from __future__ import annotations

import time

from user_code_server.protocol import EventType, RepositorySnapshot, StepEvent


def materialization(
    key: list[str],
    step_key: str = "write",
    parents: list[list[str]] | None = None,
    partition: str | None = None,
    metadata: dict | None = None,
    timestamp: float | None = None,
) -> StepEvent:
    """An ASSET_MATERIALIZATION event as a step emits it (with `parents` as stamped)."""
    data = {
        "asset_key": key,
        "description": f"wrote {'/'.join(key)}",
        "metadata": metadata or {},
        "partition": partition,
    }
    if parents is not None:
        data["parents"] = parents
    return StepEvent(
        step_key,
        EventType.ASSET_MATERIALIZATION,
        timestamp or time.time(),
        message=f"Materialized asset {'/'.join(key)}",
        output_name="result",
        data=data,
    )


class Repositories:
    """The snapshots a catalog sees; tests swap them like a location reload would."""

    def __init__(self) -> None:
        self.snapshots: list[tuple[str, RepositorySnapshot]] = []

    def __call__(self) -> list[tuple[str, RepositorySnapshot]]:
        return list(self.snapshots)
