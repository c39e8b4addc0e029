"""Backfill rows, and the grouped run queries that backfills and partitions need."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from control_plane.storage.records import Backfill, BackfillStatus
from control_plane.storage.schema import runs


def backfill_row(backfill: Backfill) -> dict[str, Any]:
    return {
        "backfill_id": backfill.backfill_id,
        "partition_set": backfill.partition_set,
        "location_name": backfill.location_name,
        "status": backfill.status.value,
        "partition_names": json.dumps(backfill.partition_names),
        "cursor": backfill.cursor,
        "from_failure": backfill.from_failure,
        "tags": json.dumps(backfill.tags),
        "error": backfill.error,
        "created_at": backfill.created_at,
        "updated_at": backfill.updated_at,
    }


def backfill_from_row(row: Any) -> Backfill:
    return Backfill(
        backfill_id=row.backfill_id,
        partition_set=row.partition_set,
        location_name=row.location_name,
        partition_names=json.loads(row.partition_names),
        status=BackfillStatus(row.status),
        cursor=row.cursor,
        from_failure=bool(row.from_failure),
        tags=json.loads(row.tags),
        error=row.error,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def latest_run_ids(*where: sa.ColumnElement[bool]) -> sa.Subquery:
    """The newest run's id per partition among the runs matching `where`."""
    return (
        sa.select(sa.func.max(runs.c.id).label("id"))
        .where(runs.c.partition_key.is_not(None), *where)
        .group_by(runs.c.partition_key)
        .subquery()
    )
