"""The asset catalog's tables: materializations indexed from the event log, and queries.

`index_materializations` runs in the transaction that appends the events, so the catalog
never disagrees with the log. Wiping an asset deletes its index rows and leaves the log
as it is (append-only).
"""

from __future__ import annotations

import functools
import json
import time
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from control_plane.storage.asset_records import AssetMaterializationRecord, AssetRecord
from control_plane.storage.dialects import greatest, insert_returning_ids, upsert
from control_plane.storage.schema import (
    asset_keys,
    asset_materialization_parents,
    asset_materializations,
    event_logs,
)

AssetPath = tuple[str, ...]

_IN_CLAUSE_CHUNK = 500
_keys = asset_keys.c
_mats = asset_materializations.c
_parents = asset_materialization_parents.c
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def asset_key_string(path: Iterable[str]) -> str:
    """How an asset key is stored (`event_logs.asset_key` and the catalog): its JSON path."""
    return _dumps(list(path))


def insert_events_returning_ids(conn: sa.Connection, rows: list[dict[str, Any]]) -> list[int]:
    """Appends event rows, returning their ids in row order."""
    return insert_returning_ids(conn, event_logs, rows)


def index_materializations(
    conn: sa.Connection, rows: list[dict[str, Any]], ids: list[int], data: list[Any]
) -> None:
    """Indexes the materialization rows among freshly appended event rows.

    `rows`, `ids` and `data` are parallel: each event's row, its id and its `data`.
    """
    materializations = []
    parents = []
    latest: dict[str, list[int]] = {}  # asset key -> [last event id, count]
    for row, event_id, event_data in zip(rows, ids, data, strict=True):
        key = row["asset_key"]
        if key is None:
            continue
        partition = event_data.get("partition")
        materializations.append(
            {
                "event_id": event_id,
                "asset_key": key,
                "run_id": row["run_id"],
                "step_key": row["step_key"],
                "partition_key": str(partition) if partition is not None else None,
                "timestamp": row["timestamp"],
            }
        )
        recorded = event_data.get("parents")
        if isinstance(recorded, list):
            parent_keys = {asset_key_string(p) for p in recorded if isinstance(p, list) and p}
            parents += [{"event_id": event_id, "parent_key": p} for p in sorted(parent_keys)]
        last = latest.setdefault(key, [0, 0])
        last[0] = max(last[0], event_id)
        last[1] += 1
    if not materializations:
        return
    conn.execute(asset_materializations.insert(), materializations)
    if parents:
        conn.execute(asset_materialization_parents.insert(), parents)
    # Sorted, so concurrent runs lock asset rows in one order and cannot deadlock on them.
    conn.execute(
        _upsert_latest(conn.dialect.name),
        [
            {"asset_key": key, "last_event_id": last, "materialization_count": count}
            for key, (last, count) in sorted(latest.items())
        ],
    )


@functools.cache
def _upsert_latest(dialect: str) -> sa.Executable:
    """Insert an asset row, or move its latest id forward (never back) and add to its count.

    Two runs may commit out of id order, hence the larger of the two; a wiped asset has a
    NULL id.
    """
    larger = greatest(dialect)

    def updates(new: Any) -> dict[str, Any]:
        return {
            "last_event_id": larger(
                sa.func.coalesce(_keys.last_event_id, sa.literal_column("0")), new.last_event_id
            ),
            "materialization_count": _keys.materialization_count + new.materialization_count,
        }

    return upsert(dialect, asset_keys, [_keys.asset_key], updates)


# Reads


def _record_columns() -> list[sa.ColumnElement]:
    return [
        _mats.event_id,
        _mats.asset_key,
        _mats.run_id,
        _mats.step_key,
        _mats.partition_key,
        _mats.timestamp,
        event_logs.c.body,
    ]


def _record_from_row(row: sa.Row) -> AssetMaterializationRecord:
    body = json.loads(row.body)
    data = body.get("data") or {}
    parents = data.get("parents")
    return AssetMaterializationRecord(
        storage_id=row.event_id,
        asset_key=tuple(json.loads(row.asset_key)),
        run_id=row.run_id,
        step_key=row.step_key,
        timestamp=row.timestamp,
        partition=row.partition_key,
        output_name=body.get("output_name") or None,
        description=data.get("description"),
        metadata=data.get("metadata") or {},
        parents=tuple(tuple(p) for p in parents) if isinstance(parents, list) else None,
    )


def _asset_query() -> sa.Select:
    """Asset rows with their latest materialization (if any), joined by primary keys."""
    return sa.select(
        _keys.asset_key.label("key"),
        _keys.materialization_count,
        _keys.wiped_at,
        *_record_columns(),
    ).select_from(
        asset_keys.outerjoin(
            asset_materializations, _mats.event_id == _keys.last_event_id
        ).outerjoin(event_logs, event_logs.c.id == _keys.last_event_id)
    )


def _asset_from_row(row: sa.Row) -> AssetRecord:
    return AssetRecord(
        asset_key=tuple(json.loads(row.key)),
        materialization_count=row.materialization_count,
        latest=_record_from_row(row) if row.event_id is not None else None,
        wiped_at=row.wiped_at,
    )


def get_assets(
    conn: sa.Connection, prefix: str | None, keys: Iterable[AssetPath] | None
) -> list[AssetRecord]:
    """Materialized assets in key order, by slash-separated prefix or by keys."""
    query = _asset_query().where(_keys.last_event_id.is_not(None))
    if prefix:
        stored = _stored_prefix(prefix)
        # LIKE can use the index; SQLite's LIKE ignores case, so compare exactly as well.
        query = query.where(
            _keys.asset_key.startswith(stored, autoescape=True),
            sa.func.substr(_keys.asset_key, 1, len(stored)) == stored,
        )
    if keys is None:
        records = [_asset_from_row(row) for row in conn.execute(query)]
    else:
        strings = sorted({asset_key_string(k) for k in keys})
        records = []
        for start in range(0, len(strings), _IN_CLAUSE_CHUNK):
            chunk = strings[start : start + _IN_CLAUSE_CHUNK]
            chunk_query = query.where(_keys.asset_key.in_(chunk))
            records += [_asset_from_row(row) for row in conn.execute(chunk_query)]
    return sorted(records, key=lambda r: r.asset_key)


def get_asset(conn: sa.Connection, key: AssetPath) -> AssetRecord | None:
    """The asset's row, materialized or wiped; None when storage never saw it."""
    query = _asset_query().where(_keys.asset_key == asset_key_string(key))
    row = conn.execute(query).first()
    return _asset_from_row(row) if row is not None else None


def _stored_prefix(prefix: str) -> str:
    """The stored (JSON) form's prefix for a slash-separated one: `a/b` -> `["a","b`."""
    parts = [_dumps(part) for part in prefix.split("/")]
    return "[" + ",".join([*parts[:-1], parts[-1][:-1]])


def get_materializations(
    conn: sa.Connection,
    key: AssetPath,
    limit: int | None,
    before: int | None,
    partition: str | None,
) -> list[AssetMaterializationRecord]:
    """An asset's materializations newest first, with storage ids below `before`."""
    query = (
        sa.select(*_record_columns())
        .join(event_logs, event_logs.c.id == _mats.event_id)
        .where(_mats.asset_key == asset_key_string(key))
        .order_by(_mats.event_id.desc())
    )
    if before is not None:
        query = query.where(_mats.event_id < before)
    if partition is not None:
        query = query.where(_mats.partition_key == partition)
    if limit is not None:
        query = query.limit(limit)
    return [_record_from_row(row) for row in conn.execute(query)]


def recorded_edges(
    conn: sa.Connection, keys: Iterable[AssetPath] | None, upstream: bool
) -> dict[AssetPath, set[AssetPath]]:
    """The parents (or children) of `keys` (None: of every asset) recorded with each asset's
    latest materialization."""
    edge = (
        sa.select(_mats.asset_key, _parents.parent_key)
        .select_from(asset_materialization_parents)
        .join(asset_materializations, _mats.event_id == _parents.event_id)
        .join(
            asset_keys,
            sa.and_(_keys.asset_key == _mats.asset_key, _keys.last_event_id == _parents.event_id),
        )
    )
    column = _mats.asset_key if upstream else _parents.parent_key
    if keys is None:
        queries = [edge]
    else:
        strings = sorted({asset_key_string(k) for k in keys})
        queries = [
            edge.where(column.in_(strings[start : start + _IN_CLAUSE_CHUNK]))
            for start in range(0, len(strings), _IN_CLAUSE_CHUNK)
        ]
    found: dict[AssetPath, set[AssetPath]] = defaultdict(set)
    for query in queries:
        for row in conn.execute(query):
            child, parent = tuple(json.loads(row.asset_key)), tuple(json.loads(row.parent_key))
            if upstream:
                found[child].add(parent)
            else:
                found[parent].add(child)
    return dict(found)


# Wiping


def wipe_asset(conn: sa.Connection, key: AssetPath) -> int:
    """Removes an asset's materializations from the catalog; returns how many there were.

    Locks the rows in the order `index_materializations` does (materializations, parents,
    asset), so a wipe racing a run's materialization cannot deadlock with it.
    """
    stored = asset_key_string(key)
    ids: list[int] = list(
        conn.execute(
            sa.select(_mats.event_id).where(_mats.asset_key == stored).with_for_update()
        ).scalars()
    )
    for start in range(0, len(ids), _IN_CLAUSE_CHUNK):
        chunk = ids[start : start + _IN_CLAUSE_CHUNK]
        conn.execute(asset_materializations.delete().where(_mats.event_id.in_(chunk)))
        conn.execute(asset_materialization_parents.delete().where(_parents.event_id.in_(chunk)))
    conn.execute(
        asset_keys.update()
        .where(_keys.asset_key == stored)
        .values(last_event_id=None, materialization_count=0, wiped_at=time.time())
    )
    return len(ids)
