"""The asset catalog: asset keys, the materialization index and recorded lineage.

Materializations already in the event log are indexed; their lineage is unknown (events
stored before this revision carry no parents).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

import json
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

LONG_TEXT = sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")
MYSQL_TABLE_ARGS: dict[str, Any] = {
    "mysql_engine": "InnoDB",
    "mysql_charset": "utf8mb4",
    "mysql_collate": "utf8mb4_bin",
}
BATCH = 1000


def upgrade() -> None:
    op.create_table(
        "asset_keys",
        sa.Column("asset_key", sa.String(512), primary_key=True),
        sa.Column("last_event_id", sa.BigInteger),
        sa.Column("materialization_count", sa.BigInteger, nullable=False),
        sa.Column("wiped_at", sa.Double),
        **MYSQL_TABLE_ARGS,
    )
    op.create_table(
        "asset_materializations",
        sa.Column("event_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("asset_key", sa.String(512), nullable=False),
        sa.Column("run_id", sa.String(64), nullable=False),
        sa.Column("step_key", sa.String(1024), nullable=False),
        sa.Column("partition_key", LONG_TEXT),
        sa.Column("timestamp", sa.Double, nullable=False),
        **MYSQL_TABLE_ARGS,
    )
    op.create_index(
        "ix_asset_materializations_asset_key_event_id",
        "asset_materializations",
        ["asset_key", "event_id"],
    )
    op.create_table(
        "asset_materialization_parents",
        sa.Column("event_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("parent_key", sa.String(512), primary_key=True),
        **MYSQL_TABLE_ARGS,
    )
    op.create_index(
        "ix_asset_materialization_parents_parent_key",
        "asset_materialization_parents",
        ["parent_key", "event_id"],
    )
    _index_existing_materializations(op.get_bind())


def _index_existing_materializations(conn: sa.Connection) -> None:
    events = sa.table(
        "event_logs",
        sa.column("id"),
        sa.column("run_id"),
        sa.column("step_key"),
        sa.column("timestamp"),
        sa.column("body"),
        sa.column("asset_key"),
    )
    materializations = sa.table(
        "asset_materializations",
        sa.column("event_id"),
        sa.column("asset_key"),
        sa.column("run_id"),
        sa.column("step_key"),
        sa.column("partition_key"),
        sa.column("timestamp"),
    )
    keys = sa.table(
        "asset_keys",
        sa.column("asset_key"),
        sa.column("last_event_id"),
        sa.column("materialization_count"),
    )
    latest: dict[str, list[int]] = {}
    after = 0
    while True:
        rows = conn.execute(
            sa.select(events)
            .where(events.c.asset_key.is_not(None), events.c.id > after)
            .order_by(events.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        batch = []
        for row in rows:
            data = (json.loads(row.body).get("data") or {}) if row.body else {}
            partition = data.get("partition") if isinstance(data, dict) else None
            batch.append(
                {
                    "event_id": row.id,
                    "asset_key": row.asset_key,
                    "run_id": row.run_id,
                    "step_key": row.step_key,
                    "partition_key": str(partition) if partition is not None else None,
                    "timestamp": row.timestamp,
                }
            )
            last = latest.setdefault(row.asset_key, [0, 0])
            last[0] = max(last[0], row.id)
            last[1] += 1
        conn.execute(materializations.insert(), batch)
        after = rows[-1].id
    if latest:
        conn.execute(
            keys.insert(),
            [
                {"asset_key": key, "last_event_id": last, "materialization_count": count}
                for key, (last, count) in latest.items()
            ],
        )


def downgrade() -> None:
    op.drop_table("asset_materialization_parents")
    op.drop_table("asset_materializations")
    op.drop_table("asset_keys")
